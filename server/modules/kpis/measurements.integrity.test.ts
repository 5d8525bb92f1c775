import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { buildPartner, call, problem, useTestApp } from "../../test/harness.js";
import { buildContract } from "../contracts/contracts.testkit.js";
import { buildKpi, buildKpiSessions, type KpiSessions, postBulk, storedCount } from "./kpis.testkit.js";
import type { ValidRow } from "./measurements.rows.js";
import { writeRows } from "./measurements.write.js";

/**
 * kpi_measurements.kpi_id has no foreign key (migrations 0011/0012): these tests prove what the
 * key's ON DELETE CASCADE did is still done by the statement trigger on `kpis`, whatever deletes
 * the KPI, and that the bulk write's fast path (plain insert of new rows) and its fallback behave.
 */

const env = useTestApp();
let s: KpiSessions;

beforeAll(async () => {
  s = await buildKpiSessions(env);
});

/** `n` daily rows of a KPI, the newest 30 days ago (history: no notification is due). */
const dailyRows = (kpiId: string, n: number, value = 99.95) =>
  Array.from({ length: n }, (_, i) => ({ kpiId, periodStart: addDays(todayUtc(), -(30 + i)), value }));

/** A daily KPI on `contractId` with `n` measurements stored through the bulk API. */
async function kpiWithMeasurements(contractId: string, n: number) {
  const kpi = await buildKpi(env, s.admin, contractId, { period: "daily" });
  const res = await postBulk(env, s.vendorManager, dailyRows(kpi.id, n));
  expect(res.statusCode).toBe(200);
  expect(await storedCount(env, kpi.id)).toBe(n);
  return kpi.id;
}

/** A partner of its own (no portal user, so it may be deleted) with a contract. */
async function partnerWithContract() {
  const partnerId = (await buildPartner(env, s.admin)).id;
  const contract = await buildContract(env, s.admin, partnerId);
  return { partnerId, contractId: contract.id as string };
}

describe("measurements go with their KPI (no foreign key: statement trigger on kpis)", () => {
  it("deleting a KPI deletes its measurements, and only those; the KPI then takes none", async () => {
    const gone = await kpiWithMeasurements(s.contractId, 5);
    const kept = await kpiWithMeasurements(s.contractId, 3);
    const res = await call(env, s.admin, { method: "DELETE", url: `/api/v1/kpis/${gone}` });
    expect(res.statusCode).toBe(204);
    expect(await storedCount(env, gone)).toBe(0);
    expect(await storedCount(env, kept)).toBe(3);
    // Writers check the KPI under a KEY SHARE lock: a deleted KPI is unknown, nothing is stored.
    problem(await postBulk(env, s.vendorManager, dailyRows(gone, 2)), 422, "bulk_rejected");
    problem(
      await call(env, s.vendorManager, {
        method: "POST",
        url: `/api/v1/kpis/${gone}/measurements`,
        payload: { periodStart: addDays(todayUtc(), -1), value: 99.9 },
      }),
      404,
    );
    expect(await storedCount(env, gone)).toBe(0);
  });

  it("deleting a partner deletes the measurements of its contracts' KPIs (cascade kpis → trigger)", async () => {
    const { partnerId, contractId } = await partnerWithContract();
    const a = await kpiWithMeasurements(contractId, 4);
    const b = await kpiWithMeasurements(contractId, 6);
    const kept = await kpiWithMeasurements(s.contractId, 2);
    const res = await call(env, s.admin, { method: "DELETE", url: `/api/v1/partners/${partnerId}` });
    expect(res.statusCode).toBe(204);
    expect(await storedCount(env, a)).toBe(0);
    expect(await storedCount(env, b)).toBe(0);
    expect(await storedCount(env, kept)).toBe(2);
  });

  it("deleting a contract, or several KPIs in one statement, deletes their measurements", async () => {
    const { contractId } = await partnerWithContract();
    const a = await kpiWithMeasurements(contractId, 3);
    const res = await call(env, s.admin, { method: "DELETE", url: `/api/v1/contracts/${contractId}` });
    expect(res.statusCode).toBe(204);
    expect(await storedCount(env, a)).toBe(0);

    const x = await kpiWithMeasurements(s.contractId, 2);
    const y = await kpiWithMeasurements(s.contractId, 3);
    await env.ctx.database.pool.query("DELETE FROM kpis WHERE id = ANY($1::uuid[])", [[x, y]]);
    expect(await storedCount(env, x)).toBe(0);
    expect(await storedCount(env, y)).toBe(0);
  });
});

describe("writeRows (the bulk write)", () => {
  const row = (kpiId: string, n: number, value: number): ValidRow => ({
    row: n,
    kpiId,
    periodStart: addDays(todayUtc(), -(40 + n)),
    value,
    note: null,
  });

  it("fails a 'new' row stored meanwhile with a unique violation; the safe retry upserts all", async () => {
    const kpiId = (await buildKpi(env, s.admin, s.contractId, { period: "daily" })).id;
    const { db } = env.ctx.database;
    const orgId = s.admin.orgId;
    await db.transaction((tx) => writeRows(tx, orgId, [row(kpiId, 1, 99)], [], false));
    // Row 1 is stored now: sent as new it fails the statement (what a concurrent writer causes).
    const race = await db
      .transaction((tx) => writeRows(tx, orgId, [row(kpiId, 1, 98), row(kpiId, 2, 98)], [], false))
      .catch((e: unknown) => e);
    expect(isUniqueViolation(race)).toBe(true);
    expect(await storedCount(env, kpiId)).toBe(1);
    // The retry's safe mode: row 1 is updated, row 2 created, row 3 (stored, unchanged) skipped.
    await db.transaction((tx) => writeRows(tx, orgId, [row(kpiId, 3, 97)], [], false));
    const counts = await db.transaction((tx) =>
      writeRows(tx, orgId, [row(kpiId, 1, 98), row(kpiId, 2, 98)], [row(kpiId, 3, 97)], true),
    );
    expect(counts).toEqual({ created: 1, updated: 1 });
    expect(await storedCount(env, kpiId)).toBe(3);
  });
});
