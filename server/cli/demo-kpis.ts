import { and, eq } from "drizzle-orm";
import { CreateKpi } from "../../domain/kpis.js";
import { contracts } from "../modules/contracts/contracts.tables.js";
import { createKpiService } from "../modules/kpis/kpis.service.js";
import { bulkMeasurements } from "../modules/kpis/measurements.bulk.js";
import type { Actor } from "../platform/access.js";
import type { Runtime } from "../platform/runtime.js";
import { demoSeries, type SeriesShape } from "./demo-kpi-series.js";

/**
 * The demo's KPIs, each with a history that tells a story: hosting availability with a breach
 * this month (and an older one), a call centre's answer time drifting up before it crosses any
 * threshold (an SPC anomaly), steady delivery, and resolution rates that slipped once.
 */
const KPIS: {
  contract: string;
  kpi: Omit<CreateKpi, "contractId">;
  series: SeriesShape;
}[] = [
  {
    contract: "Hosting service level agreement",
    kpi: {
      name: "Monthly availability",
      unit: "%",
      direction: "higher_is_better",
      target: 99.9,
      warningThreshold: 99.8,
      breachThreshold: 99.5,
      period: "monthly",
      weight: 3,
      serviceCredit: { percentPerBreach: 5, capPercent: 25, monthlyFee: 20_000 },
    },
    series: {
      period: "monthly",
      count: 18,
      level: 99.94,
      noise: 0.025,
      decimals: 3,
      seed: 11,
      spikes: { 7: 99.31, 0: 99.42 },
    },
  },
  {
    contract: "Hosting service level agreement",
    kpi: {
      name: "P1 incident response time",
      unit: "min",
      direction: "lower_is_better",
      target: 15,
      warningThreshold: 20,
      breachThreshold: 30,
      period: "monthly",
      weight: 2,
    },
    series: { period: "monthly", count: 18, level: 11, noise: 1.6, decimals: 1, seed: 12 },
  },
  {
    contract: "Data processing agreement",
    kpi: {
      name: "Average speed of answer",
      unit: "s",
      direction: "lower_is_better",
      target: 30,
      warningThreshold: 45,
      breachThreshold: 60,
      period: "weekly",
      weight: 2,
    },
    series: {
      period: "weekly",
      count: 40,
      level: 24,
      noise: 1.5,
      decimals: 1,
      seed: 21,
      drift: { periods: 6, by: 12 },
    },
  },
  {
    contract: "Data processing agreement",
    kpi: {
      name: "First-contact resolution",
      unit: "%",
      direction: "higher_is_better",
      target: 80,
      warningThreshold: 75,
      breachThreshold: 70,
      period: "weekly",
      weight: 1,
    },
    series: { period: "weekly", count: 40, level: 83, noise: 2, decimals: 1, seed: 22, spikes: { 9: 68.5 } },
  },
  {
    contract: "Master services agreement",
    kpi: {
      name: "On-time delivery",
      unit: "%",
      direction: "higher_is_better",
      target: 95,
      warningThreshold: 90,
      breachThreshold: 85,
      period: "monthly",
      weight: 2,
    },
    series: {
      period: "monthly",
      count: 18,
      level: 96.5,
      noise: 1.5,
      decimals: 1,
      seed: 31,
      spikes: { 4: 88 },
    },
  },
];

/** Loads the demo KPIs and their measurements through the same services as the API. */
export async function loadDemoKpis(runtime: Runtime, actor: Actor): Promise<number> {
  const service = createKpiService(runtime);
  const rows: { kpiId: string; periodStart: string; value: number }[] = [];
  for (const { contract, kpi, series } of KPIS) {
    const [c] = await runtime.database.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.orgId, actor.orgId), eq(contracts.title, contract)));
    const created = await service.create(actor, CreateKpi.parse({ ...kpi, contractId: c.id }));
    for (const m of demoSeries(series)) rows.push({ kpiId: created.id, ...m });
  }
  await bulkMeasurements(runtime, actor, rows, false);
  return KPIS.length;
}
