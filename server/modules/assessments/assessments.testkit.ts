import type { AssessmentStatus } from "../../../domain/assessments.js";
import type { AnswerValue } from "../../../domain/questionnaires.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildOrg, buildPartner, buildUser, call, type Session, type TestEnv } from "../../test/harness.js";

/** Helpers shared by the assessments' integration tests, the portal's and the reminders' (not loaded by the app). */

export { auditActions, expectField, MISSING } from "../risks/risks.testkit.js";

/** The staff assessments API. */
export const BASE = "/api/v1/assessments";

/** The cast of the assessment tests: one organization's roles, a partner with its portal user, another organization. */
export interface AssessmentSessions {
  admin: Session;
  /** The admin of another organization, whose ids must answer 404. */
  other: Session;
  riskManager: Session;
  compliance: Session;
  vendorManager: Session;
  viewer: Session;
  partnerId: string;
  /** A portal user of `partnerId`. */
  partnerUser: Session;
}

/** Creates the organizations, partner and signed-in users every assessment test file starts from. */
export async function buildAssessmentSessions(env: TestEnv): Promise<AssessmentSessions> {
  const admin = await buildOrg(env);
  const other = await buildOrg(env);
  const riskManager = await buildUser(env, admin.orgId, "risk_manager");
  const compliance = await buildUser(env, admin.orgId, "compliance_officer");
  const vendorManager = await buildUser(env, admin.orgId, "vendor_manager");
  const viewer = await buildUser(env, admin.orgId, "viewer");
  const partnerId = (await buildPartner(env, admin)).id;
  const partnerUser = await buildUser(env, admin.orgId, "partner", partnerId);
  return { admin, other, riskManager, compliance, vendorManager, viewer, partnerId, partnerUser };
}

/** The notifications a user got, as `type:key`, oldest first. */
export async function notificationsOf(env: TestEnv, userId: string): Promise<string[]> {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT e.type, e.key FROM notifications n JOIN notification_events e ON e.id = n.event_id
      WHERE n.user_id = $1 ORDER BY e.created_at, e.key`,
    [userId],
  );
  return rows.map((r) => `${r.type}:${r.key}`);
}

/** Sets columns of an assessment directly (fixtures: a past due date, a status the API reaches slowly). */
export async function setAssessment(env: TestEnv, id: string, cols: { status?: string; dueDate?: string }) {
  await env.ctx.database.pool.query(
    "UPDATE assessments SET status = coalesce($2, status), due_date = coalesce($3::date, due_date) WHERE id = $1",
    [id, cols.status ?? null, cols.dueDate ?? null],
  );
}

/** The bundled template `buildTemplate` copies unless told otherwise (short, with conditions). */
export const DEFAULT_LIBRARY_KEY = "information_security";

/**
 * Copies a bundled library template into the session's organization through the API
 * (`POST /api/v1/questionnaire-templates { libraryKey }`) and returns its id. The session needs a
 * role that may write templates (admin, risk manager, compliance officer).
 */
export async function buildTemplate(env: TestEnv, s: Session, libraryKey = DEFAULT_LIBRARY_KEY) {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/questionnaire-templates",
    payload: { libraryKey },
  });
  if (res.statusCode !== 201) throw new Error(`buildTemplate: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; title: string; currentVersion: number };
}

/** Creates a contact with an email for a partner through the API. */
export async function buildContact(env: TestEnv, s: Session, partnerId: string, email?: string) {
  const tag = Math.random().toString(36).slice(2, 8);
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/contacts`,
    payload: { name: `Contact ${tag}`, email: email ?? `contact.${tag}@partner.example.test` },
  });
  if (res.statusCode !== 201) throw new Error(`buildContact: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; email: string };
}

/** What `buildAssessment` may be told; everything is optional. */
export interface AssessmentOptions {
  /** The partner assessed; a new partner (with a new contact) when absent. */
  partnerId?: string;
  /** The status to end in (default `sent`). */
  status?: AssessmentStatus;
  /** Default: 14 days from today (UTC). */
  dueDate?: string;
  /** The template to use; a copy of `DEFAULT_LIBRARY_KEY` when absent. */
  templateId?: string;
  /** Recipients; the partner's first contact with an email (created if there is none) when absent. */
  contactIds?: string[];
  /** Answers written straight into `assessment_answers` (as the portal would store them). */
  answers?: Record<string, AnswerValue>;
}

/** The assessment `buildAssessment` made, with what it made along the way. */
export interface BuiltAssessment {
  id: string;
  partnerId: string;
  templateId: string;
  contactIds: string[];
  /** The recipients' email addresses (the partner users invited when sent). */
  emails: string[];
}

/** The partner's first contact with an email, created when there is none. */
async function contactOf(env: TestEnv, s: Session, partnerId: string) {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT id, email FROM partner_contacts WHERE org_id = $1 AND partner_id = $2 AND email IS NOT NULL
      ORDER BY created_at LIMIT 1`,
    [s.orgId, partnerId],
  );
  return rows[0] ?? (await buildContact(env, s, partnerId));
}

/**
 * Creates an assessment through the API and brings it to `status` (default `sent`).
 *
 * - `draft`: created only. Every other status: created, then sent through `POST …/send` (which
 *   invites the recipients or links their existing partner users).
 * - Statuses after `sent` (in_progress, submitted, under_review, clarification_requested,
 *   completed, cancelled) are then set DIRECTLY in the database, with the timestamps that status
 *   implies (submitted_at, completed_at + conclusion `pass`, cancelled_at + reason, a clarification
 *   message). No audit events or notifications are written for those jumps: this is a fixture,
 *   not the workflow; tests of the transitions themselves must use the API.
 *
 * The session must be allowed to write assessments and templates (an admin is simplest).
 */
export async function buildAssessment(
  env: TestEnv,
  s: Session,
  opts: AssessmentOptions = {},
): Promise<BuiltAssessment> {
  const partnerId = opts.partnerId ?? (await buildPartner(env, s)).id;
  const contacts = opts.contactIds
    ? await Promise.all(
        opts.contactIds.map(async (id) => {
          const { rows } = await env.ctx.database.pool.query(
            "SELECT id, email FROM partner_contacts WHERE id = $1",
            [id],
          );
          return rows[0] as { id: string; email: string };
        }),
      )
    : [await contactOf(env, s, partnerId)];
  const templateId = opts.templateId ?? (await buildTemplate(env, s)).id;
  const res = await call(env, s, {
    method: "POST",
    url: BASE,
    payload: {
      partnerId,
      templateId,
      dueDate: opts.dueDate ?? addDays(todayUtc(), 14),
      recipientContactIds: contacts.map((c) => c.id),
    },
  });
  if (res.statusCode !== 201) throw new Error(`buildAssessment: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { id: string }).id;
  const status = opts.status ?? "sent";
  if (status !== "draft") {
    const sent = await call(env, s, { method: "POST", url: `${BASE}/${id}/send` });
    if (sent.statusCode !== 200) throw new Error(`buildAssessment send: ${sent.statusCode} ${sent.body}`);
  }
  const { pool } = env.ctx.database;
  if (opts.answers)
    for (const [key, value] of Object.entries(opts.answers))
      await pool.query(
        `INSERT INTO assessment_answers (assessment_id, question_key, org_id, value, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, now())`,
        [id, key, s.orgId, JSON.stringify(value)],
      );
  if (status !== "draft" && status !== "sent")
    await pool.query(
      `UPDATE assessments SET status = $2,
         submitted_at = CASE WHEN $2 IN ('submitted','under_review','clarification_requested','completed')
                        THEN now() END,
         completed_at = CASE WHEN $2 = 'completed' THEN now() END,
         conclusion = CASE WHEN $2 = 'completed' THEN 'pass' END,
         cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() END,
         cancel_reason = CASE WHEN $2 = 'cancelled' THEN 'Set by the test kit' END,
         clarification = CASE WHEN $2 = 'clarification_requested'
           THEN jsonb_build_object('message', 'Please clarify (test kit)', 'questionKeys', '[]'::jsonb,
                                   'requestedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                   'requestedBy', NULL) END,
         updated_at = now()
       WHERE id = $1`,
      [id, status],
    );
  return {
    id,
    partnerId,
    templateId,
    contactIds: contacts.map((c) => c.id),
    emails: contacts.map((c) => c.email),
  };
}
