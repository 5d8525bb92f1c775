import { beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "../../../domain/contract-terms.js";
import { todayUtc } from "../../../domain/time.js";
import { buildPartner, call, type Session, useTestApp } from "../../test/harness.js";
import { buildContract, buildContractSessions, buildService } from "../contracts/contracts.testkit.js";

/*
 * The `kpi_deviations` signal rule end to end: measurements sent through the API, facts loaded
 * set-based (the last 40 measurements per KPI, judged by thresholds and SPC), signal raised and
 * resolved by the re-evaluation the measurement endpoint runs.
 */

const env = useTestApp();
const thisMonth = `${todayUtc().slice(0, 7)}-01`;
/** The first day of the month `n` months before this one. */
const monthsAgo = (n: number) => addMonths(thisMonth, -n);

let admin: Session;
let partnerId: string;
let kpiId: string;

const measure = async (periodStart: string, value: number) => {
  const res = await call(env, admin, {
    method: "POST",
    url: `/api/v1/kpis/${kpiId}/measurements`,
    payload: { periodStart, value },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
};
const signal = async () =>
  (
    await env.ctx.database.pool.query(
      "SELECT status, likelihood, impact, explanation, facts FROM risk_signals WHERE partner_id = $1 AND rule = 'kpi_deviations' AND subject_key = $2",
      [partnerId, `kpi:${kpiId}`],
    )
  ).rows[0];

beforeAll(async () => {
  ({ admin } = await buildContractSessions(env));
  partnerId = (await buildPartner(env, admin)).id;
  const service = await buildService(env, admin, partnerId, { criticality: "critical" });
  const sla = await buildContract(env, admin, partnerId, {
    type: "sla",
    title: "Hosting SLA",
    serviceIds: [service.id],
  });
  const res = await call(env, admin, {
    method: "POST",
    url: "/api/v1/kpis",
    payload: {
      contractId: sla.id,
      name: "Availability",
      unit: "%",
      direction: "higher_is_better",
      target: 99.9,
      warningThreshold: 99.5,
      breachThreshold: 99,
      period: "monthly",
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  kpiId = res.json().id;
});

describe("the kpi_deviations signal", () => {
  it("is raised at 3 breaches of the last 6 measurements and resolved when the KPI recovers", async () => {
    const values = [99.95, 98, 99.93, 98.5, 99.96, 98.2];
    for (const [i, v] of values.entries()) {
      await measure(monthsAgo(9 - i), v);
      // Two breaches among the first five: not yet a pattern.
      if (i === 4) expect(await signal()).toBeUndefined();
    }
    const raised = await signal();
    expect(raised).toMatchObject({ status: "open", likelihood: 4, impact: 5 });
    expect(raised.explanation).toContain("3 of the last 6 measurements");
    const month = (n: number) => monthsAgo(n).slice(0, 7);
    expect(raised.explanation).toContain(`(${month(9)} … ${month(4)})`);
    expect(raised.facts[1].value).toBe(
      `3 of 6 breach or are anomalies: breach ${month(8)}, ${month(6)}, ${month(4)}`,
    );

    for (const n of [3, 2, 1, 0]) await measure(monthsAgo(n), 99.95);
    expect((await signal()).status).toBe("resolved");
  });
});
