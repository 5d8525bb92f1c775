import { beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "../../../domain/contract-terms.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, problem, useTestApp } from "../../test/harness.js";
import { buildContract } from "../contracts/contracts.testkit.js";
import {
  buildKpi,
  buildKpiSessions,
  type KpiSessions,
  MISSING,
  monthStart,
  postBulk,
} from "./kpis.testkit.js";

const env = useTestApp();
let s: KpiSessions;
let partnerId: string;
let ids: { availability: string; latency: string; tickets: string };

/**
 * A known data set on a fresh partner: availability (monthly, weight 1, 5 % credit per breach up
 * to 10 % of 10,000 EUR) with 3 of 6 months meeting the target and 2 breaches in 2 months;
 * latency (monthly, lower is better, weight 3) with 2 of 3 months meeting the target; tickets on
 * a USD contract with one breach (10 % of 1,000 USD). Plus an old breach outside the default range.
 */
beforeAll(async () => {
  s = await buildKpiSessions(env);
  partnerId = (await buildPartner(env, s.admin)).id;
  const eur = await buildContract(env, s.admin, partnerId, { title: "A EUR services", currency: "EUR" });
  const usd = await buildContract(env, s.admin, partnerId, { title: "B USD support", currency: "USD" });
  const availability = await buildKpi(env, s.admin, eur.id, {
    name: "Availability",
    serviceCredit: { percentPerBreach: 5, capPercent: 10, monthlyFee: 10000 },
  });
  const latency = await buildKpi(env, s.admin, eur.id, {
    name: "Latency",
    unit: "ms",
    direction: "lower_is_better",
    target: 200,
    warningThreshold: 300,
    breachThreshold: 500,
    weight: 3,
  });
  const tickets = await buildKpi(env, s.admin, usd.id, {
    name: "Tickets solved",
    serviceCredit: { percentPerBreach: 10, capPercent: 20, monthlyFee: 1000 },
  });
  ids = { availability: availability.id, latency: latency.id, tickets: tickets.id };
  const rows = [
    ...[99.95, 98, 99.95, 98.5, 99.2, 99.95].map((value, i) => ({
      kpiId: availability.id,
      periodStart: monthStart(6 - i),
      value,
    })),
    { kpiId: availability.id, periodStart: monthStart(14), value: 90 },
    ...[150, 180, 250].map((value, i) => ({ kpiId: latency.id, periodStart: monthStart(3 - i), value })),
    { kpiId: tickets.id, periodStart: monthStart(2), value: 95 },
  ];
  const res = await postBulk(env, s.admin, rows);
  if (res.statusCode !== 200) throw new Error(res.body);
});

describe("GET /api/v1/partners/:id/scorecard", () => {
  it("scores the last twelve months by default: attainment, breaches, credits per currency, overall score", async () => {
    const res = await call(env, s.viewer, { url: `/api/v1/partners/${partnerId}/scorecard` });
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({
      partner: { id: partnerId },
      to: todayUtc(),
      from: addDays(addMonths(todayUtc(), -12), 1),
    });
    const line = (id: string) => card.kpis.find((k: { kpi: { id: string } }) => k.kpi.id === id);
    expect(card.kpis.map((k: { kpi: { name: string } }) => k.kpi.name)).toEqual([
      "Availability",
      "Latency",
      "Tickets solved",
    ]);
    expect(line(ids.availability)).toMatchObject({
      measured: 6,
      attainment: 50,
      breaches: 2,
      warnings: 1,
      serviceCredit: { amount: 1000, currency: "EUR" },
      latest: { periodStart: monthStart(1), value: 99.95, status: "ok" },
    });
    expect(line(ids.latency)).toMatchObject({
      measured: 3,
      attainment: 66.7,
      breaches: 0,
      serviceCredit: null,
    });
    expect(line(ids.tickets)).toMatchObject({
      measured: 1,
      attainment: 0,
      breaches: 1,
      trend: "insufficient_data",
    });
    expect(card.score).toBe(50);
    expect(card.formula).toBe("(50.0 × 1 + 66.7 × 3 + 0.0 × 1) / 5 = 50.0");
    expect(card.serviceCreditsDue).toEqual([
      { currency: "EUR", amount: 1000 },
      { currency: "USD", amount: 100 },
    ]);
  });

  it("honours from/to (the old breach counts when the range reaches it)", async () => {
    const wide = await call(env, s.admin, {
      url: `/api/v1/partners/${partnerId}/scorecard?from=${monthStart(24)}&to=${monthStart(4)}`,
    });
    const availability = wide.json().kpis.find((k: { kpi: { id: string } }) => k.kpi.id === ids.availability);
    // Months 24 … 4 back: the old breach (90) and 99.95, 98, 99.95.
    expect(availability).toMatchObject({ measured: 4, breaches: 2, attainment: 50 });
    expect(wide.json().kpis.find((k: { kpi: { id: string } }) => k.kpi.id === ids.latency)).toMatchObject({
      measured: 0,
      attainment: null,
    });
  });

  it("has a null score for a partner without KPIs", async () => {
    const bare = await buildPartner(env, s.admin);
    const card = (await call(env, s.admin, { url: `/api/v1/partners/${bare.id}/scorecard` })).json();
    expect(card).toMatchObject({ kpis: [], score: null, serviceCreditsDue: [] });
  });

  it("answers 400/422 for bad ranges, 401, 403 for partner users, 404 for other organizations' partners", async () => {
    const url = `/api/v1/partners/${partnerId}/scorecard`;
    problem(await call(env, s.admin, { url: `${url}?from=2026-13-01` }), 400, "validation_failed");
    problem(
      await call(env, s.admin, { url: `${url}?from=2026-06-01&to=2026-05-01` }),
      422,
      "validation_failed",
    );
    problem(await call(env, null, { url }), 401);
    problem(await call(env, s.partnerUser, { url }), 403);
    problem(await call(env, s.other, { url }), 404, "not_found");
    problem(await call(env, s.admin, { url: `/api/v1/partners/${MISSING}/scorecard` }), 404);
  });
});
