import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, call, type Session, useTestApp } from "../../test/harness.js";
import { buildContract, buildContractSessions, buildService } from "./contracts.testkit.js";

const env = useTestApp();

let admin: Session;
beforeAll(async () => {
  ({ admin } = await buildContractSessions(env));
});

/** Open signals of the contract rules for a partner, as `rule:serviceId`. */
async function contractSignals(partnerId: string): Promise<string[]> {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT rule, service_id FROM risk_signals
      WHERE partner_id = $1 AND status = 'open' AND rule IN ('contract_missing_clauses', 'no_exit_plan')
      ORDER BY rule`,
    [partnerId],
  );
  return rows.map((r) => `${r.rule}:${r.service_id}`);
}

describe("contract signals", () => {
  it("raises both rules for an uncovered critical personal-data service and resolves them with a contract", async () => {
    const p = await buildPartner(env, admin);
    const s = await buildService(env, admin, p.id, {
      criticality: "critical",
      dataCategories: ["personal_data"],
    });
    expect(await contractSignals(p.id)).toEqual([`contract_missing_clauses:${s.id}`, `no_exit_plan:${s.id}`]);

    const k = await buildContract(env, admin, p.id, {
      serviceIds: [s.id],
      clauses: { auditRights: true, dataProtection: false },
      exitPlan: { has: true },
    });
    expect(await contractSignals(p.id)).toEqual([`contract_missing_clauses:${s.id}`]);

    await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/contracts/${k.id}`,
      payload: { clauses: { dataProtection: true } },
    });
    expect(await contractSignals(p.id)).toEqual([]);

    // Terminating the only covering contract brings both back.
    await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/contracts/${k.id}`,
      payload: { status: "terminated" },
    });
    expect(await contractSignals(p.id)).toHaveLength(2);
  });

  it("re-evaluates when a covering contract is deleted", async () => {
    const p = await buildPartner(env, admin);
    const s = await buildService(env, admin, p.id, { criticality: "critical" });
    const k = await buildContract(env, admin, p.id, { serviceIds: [s.id], exitPlan: { has: true } });
    expect(await contractSignals(p.id)).toEqual([]);
    await call(env, admin, { method: "DELETE", url: `/api/v1/contracts/${k.id}` });
    expect(await contractSignals(p.id)).toEqual([`no_exit_plan:${s.id}`]);
  });
});
