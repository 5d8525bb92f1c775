import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildUser, call, problem, useTestApp } from "../../test/harness.js";
import {
  buildKpi,
  buildKpiSessions,
  type KpiSessions,
  kpiNotifications,
  MISSING,
  monthStart,
  postBulk,
  storedCount,
} from "./kpis.testkit.js";

const env = useTestApp();
let s: KpiSessions;

beforeAll(async () => {
  s = await buildKpiSessions(env);
});

/** `n` daily rows of a KPI ending `endDaysAgo` days before today, oldest first, all within thresholds. */
const dailyRows = (kpiId: string, n: number, endDaysAgo = 10, value = 99.95) =>
  Array.from({ length: n }, (_, i) => ({
    kpiId,
    periodStart: addDays(todayUtc(), -(endDaysAgo + n - 1 - i)),
    value,
  }));

async function bulkEvents(orgId: string) {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT after FROM audit_events WHERE org_id = $1 AND action = 'kpi_measurement.bulk_upsert' ORDER BY seq",
    [orgId],
  );
  return rows.map((r) => r.after);
}

describe("POST /api/v1/measurements/bulk (JSON)", () => {
  it("upserts all rows in one go with one audit event; dry runs and re-sends change nothing", async () => {
    const a = await buildKpi(env, s.admin, s.contractId, { name: "A daily", period: "daily" });
    const b = await buildKpi(env, s.admin, s.contractId, { name: "B daily", period: "daily" });
    const rows = [...dailyRows(a.id, 60), ...dailyRows(b.id, 40)];
    rows[59] = { ...rows[59], value: 98 }; // A's newest row breaches (10 days ago: history, no notification)
    const eventsBefore = (await bulkEvents(s.admin.orgId)).length;

    const dry = await postBulk(env, s.vendorManager, rows, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 100, created: 100, updated: 0, unchanged: 0 });
    expect(await storedCount(env, a.id)).toBe(0);

    const res = await postBulk(env, s.vendorManager, rows);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      rows: 100,
      created: 100,
      updated: 0,
      unchanged: 0,
      kpis: [
        { id: a.id, name: "A daily", rows: 60, breaches: 1, anomalies: expect.any(Number) },
        { id: b.id, name: "B daily", rows: 40, breaches: 0, anomalies: expect.any(Number) },
      ],
    });
    expect(await storedCount(env, a.id)).toBe(60);
    const events = await bulkEvents(s.admin.orgId);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({
      rows: 100,
      created: 100,
      kpis: [
        { id: a.id, rows: 60 },
        { id: b.id, rows: 40 },
      ],
    });
    expect(await kpiNotifications(env, a.id)).toEqual([]);

    // The same rows again: nothing written, nothing audited.
    const again = await postBulk(env, s.vendorManager, rows);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 100 });
    expect(await bulkEvents(s.admin.orgId)).toHaveLength(eventsBefore + 1);
    // One changed value and one note: two updates; the dry run predicts them.
    const changed = rows.map((r, i) =>
      i === 0 ? { ...r, value: 99.5 } : i === 1 ? { ...r, note: "checked" } : r,
    );
    expect((await postBulk(env, s.vendorManager, changed, true)).json()).toMatchObject({
      updated: 2,
      unchanged: 98,
    });
    expect((await postBulk(env, s.vendorManager, changed)).json()).toMatchObject({
      updated: 2,
      unchanged: 98,
    });
    expect(await bulkEvents(s.admin.orgId)).toHaveLength(eventsBefore + 2);
  });

  it("rejects the whole request when one row of 100 is bad, naming its row; nothing is written", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId, { period: "daily" });
    const rows: object[] = dailyRows(kpi.id, 100);
    rows[56] = { ...rows[56], value: "n/a" };
    const body = problem(await postBulk(env, s.admin, rows), 422, "bulk_rejected");
    expect(body.errors).toEqual([{ row: 57, path: "value", message: expect.any(String) }]);
    expect(body.detail).toContain("nothing was written");
    expect(await storedCount(env, kpi.id)).toBe(0);
  });

  it("reports every row's problem: shape, unknown or foreign KPI, period, duplicates", async () => {
    const monthly = await buildKpi(env, s.admin, s.contractId);
    const otherPartner = await call(env, s.other, {
      method: "POST",
      url: "/api/v1/partners",
      payload: { name: "Foreign", country: "DE", category: "cloud_saas" },
    });
    const otherContract = await call(env, s.other, {
      method: "POST",
      url: "/api/v1/contracts",
      payload: { partnerId: otherPartner.json().id, type: "msa", title: "Theirs", status: "active" },
    });
    const foreign = await buildKpi(env, s.other, otherContract.json().id);
    const rows = [
      { kpiId: monthly.id, periodStart: monthStart(2), value: 99.9 },
      { kpiId: foreign.id, periodStart: monthStart(2), value: 99.9 },
      { kpiId: MISSING, periodStart: monthStart(2), value: 99.9 },
      { kpiId: monthly.id, periodStart: `${monthStart(3).slice(0, 8)}15`, value: 99.9 },
      { kpiId: monthly.id, periodStart: monthStart(2), value: 99.8 },
      { kpiId: "nope", periodStart: "2026-02-30", value: 1 },
      "not an object",
      { kpiId: monthly.id, periodStart: monthStart(-1), value: 99 },
    ];
    const body = problem(await postBulk(env, s.admin, rows), 422, "bulk_rejected");
    const byRow = (row: number) =>
      body.errors
        ?.filter((e) => e.row === row)
        .map((e) => e.path)
        .sort();
    expect(byRow(1)).toEqual([]);
    expect(byRow(2)).toEqual(["kpiId"]);
    expect(byRow(3)).toEqual(["kpiId"]);
    expect(byRow(4)).toEqual(["periodStart"]);
    expect(body.errors?.find((e) => e.row === 5)?.message).toBe("Same KPI and period as row 1");
    expect(byRow(6)).toEqual(["kpiId", "periodStart"]);
    expect(byRow(7)).toEqual(["row"]);
    expect(byRow(8)).toEqual(["periodStart"]);
    // Another organization's KPI reads exactly like a missing one.
    expect(body.errors?.find((e) => e.row === 2)?.message).toBe(
      body.errors?.find((e) => e.row === 3)?.message,
    );
    expect(await storedCount(env, monthly.id)).toBe(0);
    expect(await storedCount(env, foreign.id)).toBe(0);
    problem(await postBulk(env, s.admin, []), 422, "validation_failed");
    problem(
      await postBulk(env, s.admin, { kpiId: monthly.id } as unknown as unknown[]),
      422,
      "validation_failed",
    );
  });

  it("publishes a breach of a recent period to the vendor manager, once", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId, { name: "Uptime", period: "daily" });
    const rows = dailyRows(kpi.id, 30, 1);
    rows[29] = { ...rows[29], value: 97.5 };
    expect((await postBulk(env, s.admin, rows)).json().kpis[0]).toMatchObject({ breaches: 1 });
    const notes = await kpiNotifications(env, kpi.id);
    expect(notes.map((n) => n.user_id)).toContain(s.vendorManager.userId);
    expect(new Set(notes.map((n) => n.key))).toEqual(
      new Set([`kpi_breach:${kpi.id}:${addDays(todayUtc(), -1)}`]),
    );
    await postBulk(
      env,
      s.admin,
      rows.map((r) => ({ ...r, note: "re-sent" })),
    );
    expect(await kpiNotifications(env, kpi.id)).toHaveLength(notes.length);
  });

  it("answers 401 without credentials and 403 for viewers and partner users", async () => {
    const kpi = await buildKpi(env, s.admin, s.contractId, { period: "daily" });
    const rows = dailyRows(kpi.id, 2);
    problem(await postBulk(env, null, rows), 401, "unauthenticated");
    problem(await postBulk(env, s.viewer, rows), 403, "forbidden");
    problem(await postBulk(env, await buildUser(env, s.admin.orgId, "auditor"), rows), 403, "forbidden");
    problem(await postBulk(env, s.partnerUser, rows), 403, "forbidden");
    problem(await postBulk(env, s.viewer, "kpiId,periodStart,value\n"), 403);
    expect(await storedCount(env, kpi.id)).toBe(0);
  });
});

describe("POST /api/v1/measurements/bulk (CSV and API tokens)", () => {
  it("ingests a CSV with a vendor-manager API token, and rejects a CSV with a bad row", async () => {
    const token = await call(env, s.admin, {
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { name: "Monitoring export", role: "vendor_manager" },
    });
    expect(token.statusCode).toBe(201);
    const auth = { authorization: `Bearer ${token.json().token}` };
    const kpi = await buildKpi(env, s.admin, s.contractId, { period: "daily" });
    const lines = dailyRows(kpi.id, 100).map(
      (r, i) => `${r.kpiId},${r.periodStart},${r.value},${i === 3 ? '"note, quoted"' : ""}`,
    );
    const csv = `kpiId,periodStart,value,note\n${lines.join("\n")}\n`;

    // Data row 57 of 100 (line 58 of the file) is bad.
    const bad = csv.replace(`${lines[56]}\n`, `${kpi.id},2026-01-xx,abc,\n`);
    const rejected = problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/measurements/bulk",
        headers: { ...auth, "content-type": "text/csv" },
        payload: bad,
      }),
      422,
      "bulk_rejected",
    );
    expect(rejected.errors?.map((e) => [e.row, e.path])).toEqual([
      [57, "periodStart"],
      [57, "value"],
    ]);
    expect(await storedCount(env, kpi.id)).toBe(0);

    const ok = await env.app.inject({
      method: "POST",
      url: "/api/v1/measurements/bulk",
      headers: { ...auth, "content-type": "text/csv" },
      payload: csv,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 100, created: 100 });
    const { rows } = await env.ctx.database.pool.query(
      "SELECT note FROM kpi_measurements WHERE kpi_id = $1 AND note IS NOT NULL",
      [kpi.id],
    );
    expect(rows).toEqual([{ note: "note, quoted" }]);
    const audit = await env.ctx.database.pool.query(
      "SELECT actor_type, actor_id FROM audit_events WHERE action = 'kpi_measurement.bulk_upsert' AND $1::uuid = ANY(related_ids)",
      [kpi.id],
    );
    expect(audit.rows).toEqual([{ actor_type: "token", actor_id: token.json().id }]);
  });

  it("refuses a CSV with an unknown header as one file-level error", async () => {
    const body = problem(await postBulk(env, s.admin, "kpi,period,value\nx,y,1\n"), 422, "validation_failed");
    expect(body.detail).toContain("Unknown column");
  });
});

describe("OpenAPI", () => {
  it("documents the bulk rows for JSON and CSV and every KPI route under the kpis tag", async () => {
    const doc = (await env.app.inject({ url: "/api/openapi.json" })).json();
    const bulk = doc.paths["/api/v1/measurements/bulk"].post;
    expect(bulk.tags).toEqual(["kpis"]);
    expect(Object.keys(bulk.requestBody.content).sort()).toEqual(["application/json", "text/csv"]);
    expect(doc.paths["/api/v1/partners/{id}/scorecard"].get.tags).toEqual(["kpis"]);
    expect(doc.paths["/api/v1/kpis/{id}/series"].get.tags).toEqual(["kpis"]);
  });
});
