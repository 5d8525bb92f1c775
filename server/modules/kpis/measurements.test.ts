import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, call, problem, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildKpi,
  buildKpiSessions,
  expectField,
  type KpiSessions,
  kpiNotifications,
  MISSING,
  monthStart,
  postMeasurement,
  storedCount,
} from "./kpis.testkit.js";

const env = useTestApp();
let s: KpiSessions;

beforeAll(async () => {
  s = await buildKpiSessions(env);
});

describe("POST /api/v1/kpis/:id/measurements", () => {
  it("creates (201), re-sends idempotently (200 unchanged, no audit, no second notification), updates (200)", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId, { name: "Availability" });
    const body = { periodStart: monthStart(1), value: 97.2, note: "Outage on the 3rd" };
    const first = await postMeasurement(env, s.vendorManager, kpi.id, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      kpiId: kpi.id,
      periodStart: monthStart(1),
      value: 97.2,
      note: "Outage on the 3rd",
      status: "breach",
      reason: "97.2 % is below the breach threshold 99 %",
      outcome: "created",
    });
    const again = await postMeasurement(env, s.vendorManager, kpi.id, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: "unchanged", status: "breach" });
    expect(await auditActions(env, s.admin.orgId, kpi.id)).toEqual(["kpi.create", "kpi_measurement.record"]);

    // The breach told the vendor manager (owner of the contract) once, in the app.
    const notes = await kpiNotifications(env, kpi.id);
    expect(notes.filter((n) => n.user_id === s.vendorManager.userId)).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      key: `kpi_breach:${kpi.id}:${monthStart(1)}`,
      title: expect.stringMatching(/^Breach: Availability 97\.2 % \(.+, \d{4}-\d{2}-01\)$/),
      body: "97.2 % is below the breach threshold 99 %",
    });
    const inbox = await call(env, s.vendorManager, { url: "/api/v1/notifications" });
    expect(inbox.statusCode).toBe(200);
    const mine = inbox
      .json()
      .items.filter((n: { subject: { id: string } | null }) => n.subject?.id === kpi.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: "kpi_breach", link: `/kpis/${kpi.id}` });

    const changed = await postMeasurement(env, s.compliance, kpi.id, { ...body, value: 99.95, note: "" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ outcome: "updated", status: "ok", reason: null, note: null });
    const { rows } = await env.ctx.database.pool.query(
      `SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'kpi_measurement.record' ORDER BY seq`,
      [kpi.id],
    );
    expect(rows.at(-1)).toEqual({
      before: { periodStart: monthStart(1), value: 97.2, note: "Outage on the 3rd" },
      after: { periodStart: monthStart(1), value: 99.95, note: null },
    });
    expect(await kpiNotifications(env, kpi.id)).toHaveLength(notes.length);
  });

  it("does not notify about back-filled history", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    const res = await postMeasurement(env, s.admin, kpi.id, { periodStart: monthStart(14), value: 90 });
    expect(res.json()).toMatchObject({ status: "breach", outcome: "created" });
    expect(await kpiNotifications(env, kpi.id)).toEqual([]);
  });

  it("refuses a period start that does not start a period or lies in the future (422), and bad bodies (400)", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    const notFirst = problem(
      await postMeasurement(env, s.admin, kpi.id, {
        periodStart: `${monthStart(1).slice(0, 8)}15`,
        value: 99,
      }),
      422,
      "validation_failed",
    );
    expectField(notFirst, "body.periodStart");
    expect(notFirst.errors?.[0].message).toContain("1st of the month");
    expectField(
      problem(await postMeasurement(env, s.admin, kpi.id, { periodStart: monthStart(-2), value: 99 }), 422),
      "body.periodStart",
    );
    const bad = problem(
      await postMeasurement(env, s.admin, kpi.id, { periodStart: "2026-02-30", value: "high" }),
      400,
      "validation_failed",
    );
    expectField(bad, "body.periodStart");
    expectField(bad, "body.value");
    expect(await storedCount(env, kpi.id)).toBe(0);
  });

  it("answers 401, 403 (viewer, auditor, risk manager, partner user) and 404 (other organization, missing)", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    const body = { periodStart: monthStart(1), value: 99.9 };
    problem(await postMeasurement(env, null, kpi.id, body), 401);
    const auditor = await buildUser(env, s.admin.orgId, "auditor");
    for (const who of [s.viewer, auditor, s.riskManager, s.partnerUser])
      problem(await postMeasurement(env, who, kpi.id, body), 403, "forbidden");
    problem(await postMeasurement(env, s.other, kpi.id, body), 404, "not_found");
    problem(await postMeasurement(env, s.admin, MISSING, body), 404);
    expect(await storedCount(env, kpi.id)).toBe(0);
  });
});

describe("DELETE /api/v1/kpis/:id/measurements/:periodStart", () => {
  it("deletes one measurement (204, audited); 404 when absent or another organization's; 403/401", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    await postMeasurement(env, s.admin, kpi.id, { periodStart: monthStart(2), value: 99.7 });
    const url = `/api/v1/kpis/${kpi.id}/measurements/${monthStart(2)}`;
    problem(await call(env, null, { method: "DELETE", url }), 401);
    problem(await call(env, s.viewer, { method: "DELETE", url }), 403);
    problem(await call(env, s.partnerUser, { method: "DELETE", url }), 403);
    problem(await call(env, s.other, { method: "DELETE", url }), 404);
    problem(
      await call(env, s.admin, { method: "DELETE", url: `/api/v1/kpis/${kpi.id}/measurements/2026-13-01` }),
      400,
    );
    expect((await call(env, s.vendorManager, { method: "DELETE", url })).statusCode).toBe(204);
    expect(await storedCount(env, kpi.id)).toBe(0);
    problem(await call(env, s.vendorManager, { method: "DELETE", url }), 404, "not_found");
    expect(await auditActions(env, s.admin.orgId, kpi.id)).toEqual([
      "kpi.create",
      "kpi_measurement.record",
      "kpi_measurement.delete",
    ]);
  });
});

describe("GET /api/v1/kpis/:id/series", () => {
  it("evaluates the whole history, slices it to [from, to] and counts statuses", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    // Oldest first: ok, warning, breach, ok, ok (months 6 … 2 before this one).
    const values = [99.95, 99.2, 98.5, 99.92, 99.99];
    for (const [i, value] of values.entries())
      await postMeasurement(env, s.admin, kpi.id, { periodStart: monthStart(6 - i), value });

    const all = await call(env, s.viewer, { url: `/api/v1/kpis/${kpi.id}/series` });
    expect(all.statusCode).toBe(200);
    const series = all.json();
    expect(series.kpi).toMatchObject({
      id: kpi.id,
      measurementCount: 5,
      latest: { value: 99.99, status: "ok" },
    });
    expect(series.points.map((p: { status: string }) => p.status)).toEqual([
      "ok",
      "warning",
      "breach",
      "ok",
      "ok",
    ]);
    expect(series.counts).toEqual({ ok: 3, warning: 1, breach: 1, anomaly: 0 });
    expect(series.method).toContain("EWMA");
    expect(series).toMatchObject({ from: null, to: null });

    const sliced = await call(env, s.viewer, {
      url: `/api/v1/kpis/${kpi.id}/series?from=${monthStart(5)}&to=${monthStart(4)}`,
    });
    expect(sliced.json().points.map((p: { periodStart: string }) => p.periodStart)).toEqual([
      monthStart(5),
      monthStart(4),
    ]);
    expect(sliced.json().counts).toEqual({ ok: 0, warning: 1, breach: 1, anomaly: 0 });
  });

  it("validates the range and answers 401/403/404", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId);
    problem(await call(env, s.admin, { url: `/api/v1/kpis/${kpi.id}/series?from=yesterday` }), 400);
    problem(
      await call(env, s.admin, { url: `/api/v1/kpis/${kpi.id}/series?from=2026-05-01&to=2026-04-01` }),
      422,
      "validation_failed",
    );
    problem(await call(env, null, { url: `/api/v1/kpis/${kpi.id}/series` }), 401);
    problem(await call(env, s.partnerUser, { url: `/api/v1/kpis/${kpi.id}/series` }), 403);
    problem(await call(env, s.other, { url: `/api/v1/kpis/${kpi.id}/series` }), 404);
  });
});
