import { call, type Session, type TestEnv } from "../../test/harness.js";
import { buildTemplate } from "../questionnaires/questionnaires.testkit.js";

/** Helpers for tests that move partners through the due-diligence gate (not loaded by the app). */

export const JUSTIFICATION = "Long-standing supplier of the group; audited by the parent company in 2026.";

/** Records a justified exception to the due-diligence gate through the API (as an admin or risk manager). */
export async function recordException(
  env: TestEnv,
  s: Session,
  partnerId: string,
  justification = JUSTIFICATION,
) {
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/lifecycle/exceptions`,
    payload: { toStatus: "contracting", justification },
  });
  if (res.statusCode !== 201) throw new Error(`recordException: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; justification: string };
}

const templates = new Map<string, string>();

/**
 * Inserts a completed assessment straight into the table (the assessments workflow is tested in its
 * own module): `purpose` due_diligence unless given, completed at `completedAt` with `conclusion`.
 * The template is created once per organization through the API.
 */
export async function insertCompletedAssessment(
  env: TestEnv,
  admin: Session,
  partnerId: string,
  conclusion: "pass" | "pass_with_conditions" | "fail" | null,
  opts: { completedAt?: Date; purpose?: string; status?: string } = {},
): Promise<string> {
  let templateId = templates.get(admin.orgId);
  if (!templateId) {
    templateId = (await buildTemplate(env, admin)).id;
    templates.set(admin.orgId, templateId);
  }
  const status = opts.status ?? "completed";
  const { rows } = await env.ctx.database.pool.query(
    `INSERT INTO assessments (org_id, partner_id, template_id, template_version, purpose, status, due_date,
                              completed_at, conclusion)
     VALUES ($1, $2, $3, 1, $4, $5, current_date, $6, $7) RETURNING id`,
    [
      admin.orgId,
      partnerId,
      templateId,
      opts.purpose ?? "due_diligence",
      status,
      status === "completed" ? (opts.completedAt ?? new Date()) : null,
      conclusion,
    ],
  );
  return rows[0].id as string;
}
