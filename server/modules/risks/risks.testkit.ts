import { expect } from "vitest";
import { buildOrg, buildPartner, buildUser, call, type Session, type TestEnv } from "../../test/harness.js";

/** Helpers shared by the risk register's integration tests (not loaded by the app). */

export const MISSING = "00000000-0000-4000-8000-000000000000";

/** The cast of the risk register's tests: one organization's roles, and another organization. */
export interface RiskSessions {
  admin: Session;
  /** The admin of another organization, whose ids must answer 404. */
  other: Session;
  riskManager: Session;
  vendorManager: Session;
  viewer: Session;
  /** A partner of the admin's organization, and a user scoped to it. */
  partnerId: string;
  partnerUser: Session;
}

/** Creates the organizations, partner and signed-in users every risk test file starts from. */
export async function buildRiskSessions(env: TestEnv): Promise<RiskSessions> {
  const admin = await buildOrg(env);
  const other = await buildOrg(env);
  const riskManager = await buildUser(env, admin.orgId, "risk_manager");
  const vendorManager = await buildUser(env, admin.orgId, "vendor_manager");
  const viewer = await buildUser(env, admin.orgId, "viewer");
  const partnerId = (await buildPartner(env, admin)).id;
  const partnerUser = await buildUser(env, admin.orgId, "partner", partnerId);
  return { admin, other, riskManager, vendorManager, viewer, partnerId, partnerUser };
}

/** The id of a built-in category of the session's organization. */
export async function categoryId(env: TestEnv, orgId: string, key = "data_security"): Promise<string> {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT id FROM risk_categories WHERE org_id = $1 AND key = $2",
    [orgId, key],
  );
  if (!rows[0]) throw new Error(`no category ${key}`);
  return rows[0].id;
}

/** Creates a risk through the API; ratings default to inherent 3×4, residual 2×3. */
export async function buildRisk(env: TestEnv, s: Session, overrides: Record<string, unknown> = {}) {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/risks",
    payload: {
      title: `Risk ${Math.random().toString(36).slice(2, 8)}`,
      categoryId: await categoryId(env, s.orgId),
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 2,
      residualImpact: 3,
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`buildRisk: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; title: string; status: string; partner: { id: string } | null };
}

/** Creates a service of a partner through the API. */
export async function buildService(env: TestEnv, s: Session, partnerId: string, criticality = "standard") {
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/services`,
    payload: { name: `Service ${Math.random().toString(36).slice(2, 8)}`, function: "Support", criticality },
  });
  if (res.statusCode !== 201) throw new Error(`buildService: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string };
}

/** Actions of the audit events about `id` (as entity or related), oldest first. */
export async function auditActions(env: TestEnv, orgId: string, id: string): Promise<string[]> {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT action FROM audit_events
      WHERE org_id = $1 AND (entity_id = $2::uuid OR $2::uuid = ANY(related_ids)) ORDER BY seq`,
    [orgId, id],
  );
  return rows.map((r) => r.action);
}

/** A partner's cached risk score and tier. */
export async function partnerRiskRow(env: TestEnv, partnerId: string) {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT risk_score AS score, risk_tier AS tier FROM partners WHERE id = $1",
    [partnerId],
  );
  return rows[0] as { score: number; tier: number };
}

/** Asserts a problem response names `path` among its field errors. */
export function expectField(body: { errors?: { path: string }[] }, path: string) {
  expect(body.errors?.map((e) => e.path)).toContain(path);
}
