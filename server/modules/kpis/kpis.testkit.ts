import { addMonths } from "../../../domain/contract-terms.js";
import { todayUtc } from "../../../domain/time.js";
import { call, type Session, type TestEnv } from "../../test/harness.js";
import {
  buildContract,
  buildContractSessions,
  type ContractSessions,
} from "../contracts/contracts.testkit.js";

/** Helpers shared by the KPI integration tests (not loaded by the app). */

export { auditActions, expectField, MISSING } from "../contracts/contracts.testkit.js";

/** The contract tests' cast plus a contract of the partner (owned by the vendor manager). */
export interface KpiSessions extends ContractSessions {
  contractId: string;
}

/** Creates the organizations, users, partner and contract every KPI test file starts from. */
export async function buildKpiSessions(env: TestEnv): Promise<KpiSessions> {
  const s = await buildContractSessions(env);
  const contract = await buildContract(env, s.admin, s.partnerId, {
    currency: "EUR",
    ownerId: s.vendorManager.userId,
  });
  return { ...s, contractId: contract.id };
}

/** A KPI body: monthly availability in %, higher is better, target 99.9, warning 99.5, breach 99. */
export const kpiBody = (contractId: string, overrides: object = {}) => ({
  contractId,
  name: `Availability ${Math.random().toString(36).slice(2, 7)}`,
  unit: "%",
  direction: "higher_is_better",
  target: 99.9,
  warningThreshold: 99.5,
  breachThreshold: 99,
  period: "monthly",
  ...overrides,
});

/** Creates a KPI through the API. */
export async function buildKpi(env: TestEnv, s: Session, contractId: string, overrides: object = {}) {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/kpis",
    payload: kpiBody(contractId, overrides),
  });
  if (res.statusCode !== 201) throw new Error(`buildKpi: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; partner: { id: string } };
}

/** The first day of the month `n` months before the current one (0 = this month). */
export const monthStart = (n: number) => `${addMonths(todayUtc(), -n).slice(0, 7)}-01`;

/** Posts one measurement. */
export const postMeasurement = (env: TestEnv, s: Session | null, kpiId: string, payload: object) =>
  call(env, s, { method: "POST", url: `/api/v1/kpis/${kpiId}/measurements`, payload });

/** Posts a bulk JSON array (or CSV text) of measurements. */
export const postBulk = (env: TestEnv, s: Session | null, body: unknown[] | string, dryRun = false) =>
  call(env, s, {
    method: "POST",
    url: `/api/v1/measurements/bulk${dryRun ? "?dryRun=true" : ""}`,
    ...(typeof body === "string"
      ? { payload: body, headers: { "content-type": "text/csv" } }
      : { payload: body }),
  });

/** How many measurements a KPI has stored. */
export async function storedCount(env: TestEnv, kpiId: string): Promise<number> {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT count(*)::int AS n FROM kpi_measurements WHERE kpi_id = $1",
    [kpiId],
  );
  return rows[0].n;
}

/** The notifications (events) of a type about a KPI, from the notifications table. */
export async function kpiNotifications(env: TestEnv, kpiId: string, type = "kpi_breach") {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT n.user_id, e.key, e.title, e.body FROM notification_events e
       JOIN notifications n ON n.event_id = e.id
      WHERE e.key LIKE $1 ORDER BY e.key`,
    [`${type}:${kpiId}:%`],
  );
  return rows as { user_id: string; key: string; title: string; body: string }[];
}
