import type { AssessmentStatus } from "../../../domain/assessments.js";
import type { TestEnv } from "../../test/harness.js";
import { assessmentRecipients, assessments } from "./assessments.tables.js";

/**
 * Rows for the reminder and scheduler tests, inserted directly: those tests are about what the
 * daily jobs do with assessments in given states and dates, not how they got there (not loaded by
 * the app).
 */
export interface RowOptions {
  orgId: string;
  partnerId: string;
  templateId: string;
  status: AssessmentStatus;
  dueDate: string;
  createdBy?: string | null;
  /** For completed ones: when (UTC) it was completed. */
  completedAt?: string;
  purpose?: "due_diligence" | "reassessment";
  previousId?: string | null;
  recipients?: { contactId: string | null; name: string; email: string; userId?: string | null }[];
}

/** Inserts an assessment (version 1 of its template) with its recipients; returns its id. */
export async function insertAssessment(env: TestEnv, o: RowOptions): Promise<string> {
  const { db } = env.ctx.database;
  const [a] = await db
    .insert(assessments)
    .values({
      orgId: o.orgId,
      partnerId: o.partnerId,
      templateId: o.templateId,
      templateVersion: 1,
      purpose: o.purpose ?? "due_diligence",
      status: o.status,
      dueDate: o.dueDate,
      createdBy: o.createdBy ?? null,
      previousId: o.previousId ?? null,
      sentAt: o.status === "draft" ? null : new Date(),
      completedAt: o.completedAt ? new Date(o.completedAt) : null,
      conclusion: o.status === "completed" ? "pass" : null,
    })
    .returning({ id: assessments.id });
  if (o.recipients?.length)
    await db
      .insert(assessmentRecipients)
      .values(
        o.recipients.map((r) => ({ assessmentId: a.id, orgId: o.orgId, ...r, userId: r.userId ?? null })),
      );
  return a.id;
}

/** Sets a partner's cached risk tier (normally kept by the risk module). */
export async function setTier(env: TestEnv, partnerId: string, tier: number) {
  await env.ctx.database.pool.query("UPDATE partners SET risk_tier = $2 WHERE id = $1", [partnerId, tier]);
}

/** The notification events of an organization whose key starts with `prefix`, with their recipients. */
export async function eventsLike(env: TestEnv, orgId: string, prefix: string) {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT e.key, e.type, e.link, COALESCE(array_agg(n.user_id ORDER BY n.user_id)
              FILTER (WHERE n.user_id IS NOT NULL), '{}') AS users
       FROM notification_events e LEFT JOIN notifications n ON n.event_id = e.id
      WHERE e.org_id = $1 AND e.key LIKE $2
      GROUP BY e.key, e.type, e.link ORDER BY e.key`,
    [orgId, `${prefix}%`],
  );
  return rows as { key: string; type: string; link: string; users: string[] }[];
}
