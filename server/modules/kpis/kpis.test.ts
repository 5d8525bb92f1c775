import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, call, problem, useTestApp } from "../../test/harness.js";
import { buildContract } from "../contracts/contracts.testkit.js";
import {
  auditActions,
  buildKpi,
  buildKpiSessions,
  expectField,
  type KpiSessions,
  kpiBody,
  MISSING,
  monthStart,
  postMeasurement,
} from "./kpis.testkit.js";

const env = useTestApp();
let s: KpiSessions;

beforeAll(async () => {
  s = await buildKpiSessions(env);
});

describe("POST /api/v1/kpis", () => {
  it("creates a KPI on a contract, taking the contract's partner and currency, audited", async () => {
    const res = await call(env, s.vendorManager, {
      method: "POST",
      url: "/api/v1/kpis",
      payload: kpiBody(s.contractId, {
        name: "Availability",
        weight: 3,
        serviceCredit: { percentPerBreach: 5, capPercent: 15, monthlyFee: 10000 },
      }),
    });
    expect(res.statusCode).toBe(201);
    const kpi = res.json();
    expect(kpi).toMatchObject({
      name: "Availability",
      contract: { id: s.contractId },
      partner: { id: s.partnerId },
      currency: "EUR",
      weight: 3,
      measurementCount: 0,
      latest: null,
      serviceCredit: { percentPerBreach: 5, capPercent: 15, monthlyFee: 10000 },
    });
    expect(await auditActions(env, s.admin.orgId, kpi.id)).toEqual(["kpi.create"]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'kpi.create'",
      [kpi.id],
    );
    expect(rows[0].after).toMatchObject({ name: "Availability", target: 99.9, partnerId: s.partnerId });
  });

  it("refuses badly ordered thresholds, a cap below one breach, and bodies off the schema", async () => {
    const bad = problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/kpis",
        payload: kpiBody(s.contractId, { warningThreshold: 99.95 }),
      }),
      422,
      "validation_failed",
    );
    expectField(bad, "body.warningThreshold");
    const lower = problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/kpis",
        payload: kpiBody(s.contractId, {
          direction: "lower_is_better",
          serviceCredit: { percentPerBreach: 10, capPercent: 5, monthlyFee: 100 },
        }),
      }),
      422,
    );
    expectField(lower, "body.warningThreshold");
    expectField(lower, "body.serviceCredit.capPercent");
    const schema = problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/kpis",
        payload: kpiBody(s.contractId, { period: "hourly", weight: 11 }),
      }),
      400,
      "validation_failed",
    );
    expectField(schema, "body.period");
    expectField(schema, "body.weight");
  });

  it("refuses a contract of another organization or a missing one as an unknown contract", async () => {
    const otherPartner = await call(env, s.other, {
      method: "POST",
      url: "/api/v1/partners",
      payload: { name: "Other Co", country: "DE", category: "cloud_saas" },
    });
    const foreign = await buildContract(env, s.other, otherPartner.json().id);
    for (const contractId of [foreign.id, MISSING]) {
      const body = problem(
        await call(env, s.admin, { method: "POST", url: "/api/v1/kpis", payload: kpiBody(contractId) }),
        422,
        "validation_failed",
      );
      expectField(body, "body.contractId");
    }
  });

  it("answers 401 without a session and 403 for roles that may not define KPIs", async () => {
    problem(
      await call(env, null, { method: "POST", url: "/api/v1/kpis", payload: kpiBody(s.contractId) }),
      401,
      "unauthenticated",
    );
    const auditor = await buildUser(env, s.admin.orgId, "auditor");
    for (const who of [s.viewer, auditor, s.riskManager, s.partnerUser]) {
      problem(
        await call(env, who, { method: "POST", url: "/api/v1/kpis", payload: kpiBody(s.contractId) }),
        403,
        "forbidden",
      );
    }
  });
});

describe("GET/PATCH/DELETE /api/v1/kpis/:id", () => {
  it("reads, updates (merged thresholds checked) and deletes a KPI, each change audited", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    expect((await call(env, s.viewer, { url: `/api/v1/kpis/${kpi.id}` })).json()).toMatchObject({
      id: kpi.id,
    });

    const patched = await call(env, s.compliance, {
      method: "PATCH",
      url: `/api/v1/kpis/${kpi.id}`,
      payload: { target: 99.95, weight: 2 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ target: 99.95, weight: 2, warningThreshold: 99.5 });
    // The merged thresholds must stay ordered: warning above the stored target is refused.
    expectField(
      problem(
        await call(env, s.admin, {
          method: "PATCH",
          url: `/api/v1/kpis/${kpi.id}`,
          payload: { warningThreshold: 99.99 },
        }),
        422,
      ),
      "body.warningThreshold",
    );
    problem(await call(env, s.admin, { method: "PATCH", url: `/api/v1/kpis/${kpi.id}`, payload: {} }), 400);
    problem(
      await call(env, s.admin, {
        method: "PATCH",
        url: `/api/v1/kpis/${kpi.id}`,
        payload: { target: "high" },
      }),
      400,
    );

    const history = await call(env, s.viewer, { url: `/api/v1/kpis/${kpi.id}/history` });
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual([
      "kpi.update",
      "kpi.create",
    ]);

    problem(await call(env, s.vendorManager, { method: "DELETE", url: `/api/v1/kpis/${kpi.id}` }), 403);
    expect((await call(env, s.admin, { method: "DELETE", url: `/api/v1/kpis/${kpi.id}` })).statusCode).toBe(
      204,
    );
    problem(await call(env, s.admin, { url: `/api/v1/kpis/${kpi.id}` }), 404, "not_found");
    expect(await auditActions(env, s.admin.orgId, kpi.id)).toEqual([
      "kpi.create",
      "kpi.update",
      "kpi.delete",
    ]);
  });

  it("answers 404 for another organization's KPI and a missing one, 401/403 as the policy says", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    for (const [method, payload] of [
      ["GET", undefined],
      ["PATCH", { weight: 2 }],
      ["DELETE", undefined],
    ] as const) {
      problem(await call(env, s.other, { method, url: `/api/v1/kpis/${kpi.id}`, payload }), 404, "not_found");
      problem(await call(env, s.admin, { method, url: `/api/v1/kpis/${MISSING}`, payload }), 404);
      problem(await call(env, null, { method, url: `/api/v1/kpis/${kpi.id}`, payload }), 401);
      problem(await call(env, s.partnerUser, { method, url: `/api/v1/kpis/${kpi.id}`, payload }), 403);
    }
    problem(
      await call(env, s.viewer, { method: "PATCH", url: `/api/v1/kpis/${kpi.id}`, payload: { weight: 2 } }),
      403,
    );
    problem(await call(env, s.other, { url: `/api/v1/kpis/${kpi.id}/history` }), 404);
    problem(await call(env, s.admin, { url: "/api/v1/kpis/not-a-uuid" }), 400, "validation_failed");
  });
});

describe("GET /api/v1/kpis", () => {
  it("lists with filters, the latest status, sorting and cursor paging", async () => {
    const contract = await buildContract(env, s.admin, s.partnerId);
    const names = ["Alpha uptime", "Beta latency", "Gamma tickets"];
    const made = [];
    for (const name of names) made.push(await buildKpi(env, s.admin, contract.id, { name }));
    // Alpha breaches (98 < 99), Beta is ok, Gamma has no measurement.
    await postMeasurement(env, s.admin, made[0].id, { periodStart: monthStart(1), value: 98 });
    await postMeasurement(env, s.admin, made[1].id, { periodStart: monthStart(1), value: 99.95 });

    const all = await call(env, s.viewer, { url: `/api/v1/kpis?contractId=${contract.id}` });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((k: { name: string }) => k.name)).toEqual(names);
    expect(all.json().items[0]).toMatchObject({
      measurementCount: 1,
      latest: {
        periodStart: monthStart(1),
        value: 98,
        status: "breach",
        reason: expect.stringContaining("98 %"),
      },
    });
    expect(all.json().items[2].latest).toBeNull();

    const breached = await call(env, s.viewer, {
      url: `/api/v1/kpis?contractId=${contract.id}&status=breach`,
    });
    expect(breached.json().items.map((k: { id: string }) => k.id)).toEqual([made[0].id]);
    const ok = await call(env, s.viewer, { url: `/api/v1/kpis?partnerId=${s.partnerId}&status=ok&q=beta` });
    expect(ok.json().items.map((k: { id: string }) => k.id)).toEqual([made[1].id]);

    const first = await call(env, s.viewer, {
      url: `/api/v1/kpis?contractId=${contract.id}&sort=-name&limit=2`,
    });
    expect(first.json().items.map((k: { name: string }) => k.name)).toEqual([
      "Gamma tickets",
      "Beta latency",
    ]);
    const second = await call(env, s.viewer, {
      url: `/api/v1/kpis?contractId=${contract.id}&sort=-name&limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(second.json()).toMatchObject({ items: [{ name: "Alpha uptime" }], nextCursor: null });

    // Another organization sees none of them.
    expect(
      (await call(env, s.other, { url: `/api/v1/kpis?contractId=${contract.id}` })).json().items,
    ).toEqual([]);
  });

  it("refuses bad queries (400), anonymous callers (401) and partner users (403)", async () => {
    problem(await call(env, s.admin, { url: "/api/v1/kpis?status=great" }), 400, "validation_failed");
    problem(await call(env, s.admin, { url: "/api/v1/kpis?cursor=garbage" }), 422, "validation_failed");
    problem(await call(env, null, { url: "/api/v1/kpis" }), 401);
    problem(await call(env, s.partnerUser, { url: "/api/v1/kpis" }), 403);
  });
});
