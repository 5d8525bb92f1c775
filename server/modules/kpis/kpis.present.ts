import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Kpi, KpiDirection, KpiPeriod, LatestMeasurement, SeriesPoint } from "../../../domain/kpis.js";
import { contracts } from "../contracts/contracts.tables.js";
import { partners } from "../partners/partners.tables.js";
import { kpiMeasurements, kpis } from "./kpis.tables.js";

export type KpiRow = typeof kpis.$inferSelect;

/** The columns of a presented KPI; select from `kpis` joined to its contract and partner. */
export const kpiColumns = {
  kpi: kpis,
  contract: {
    id: contracts.id,
    title: contracts.title,
    currency: contracts.currency,
    ownerId: contracts.ownerId,
  },
  partner: { id: partners.id, name: partners.name },
  measurementCount: sql<number>`(SELECT count(*)::int FROM ${kpiMeasurements} WHERE ${kpiMeasurements.kpiId} = ${kpis.id})`,
};

/** One row selected with {@link kpiColumns}. */
export interface KpiSelectRow {
  kpi: KpiRow;
  contract: { id: string; title: string; currency: string | null; ownerId: string | null };
  partner: { id: string; name: string };
  measurementCount: number;
}

/** The thresholds of a KPI row, as the statistics take them. */
export const thresholdsOf = (k: KpiRow) => ({
  direction: k.direction as KpiDirection,
  target: k.target,
  warningThreshold: k.warningThreshold,
  breachThreshold: k.breachThreshold,
  unit: k.unit,
});

/** The latest measurement from a KPI's evaluated recent history (null without measurements). */
export function latestOf(points: readonly SeriesPoint[]): z.infer<typeof LatestMeasurement> | null {
  const p = points.at(-1);
  return p ? { periodStart: p.periodStart, value: p.value, status: p.status, reason: p.reason } : null;
}

/** Whitelists a KPI with its contract, partner, measurement count and evaluated latest measurement. */
export function presentKpi(r: KpiSelectRow, latest: Kpi["latest"]): Kpi {
  const k = r.kpi;
  return {
    id: k.id,
    contract: { id: r.contract.id, title: r.contract.title },
    partner: { id: r.partner.id, name: r.partner.name },
    name: k.name,
    description: k.description,
    unit: k.unit,
    direction: k.direction as KpiDirection,
    target: k.target,
    warningThreshold: k.warningThreshold,
    breachThreshold: k.breachThreshold,
    period: k.period as KpiPeriod,
    weight: k.weight,
    serviceCredit: k.serviceCredit ?? null,
    currency: r.contract.currency,
    measurementCount: r.measurementCount,
    latest,
    createdAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
  };
}

/** The audit snapshot of a KPI: its own fields without the organization and timestamps. */
export function kpiSnapshot(k: KpiRow) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...fields } = k;
  return fields;
}
