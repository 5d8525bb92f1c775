import type { KpiDirection, KpiPeriod, ScorecardKpi, SeriesPoint, ServiceCredit } from "./kpis.js";

// STUB (signatures fixed): implemented by the KPI statistics author.

/** What the scorecard needs to know about one KPI. */
export interface ScorecardKpiInput {
  id: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  target: number;
  warningThreshold: number;
  breachThreshold: number;
  period: KpiPeriod;
  weight: number;
  serviceCredit: ServiceCredit | null;
  currency: string | null;
  contract: { id: string; title: string };
}

/**
 * One KPI's scorecard line from its evaluated points within the range (oldest first): attainment
 * (share meeting the target), breaches, warnings, anomalies, trend, service credits due.
 */
export function scorecardLine(_kpi: ScorecardKpiInput, _points: readonly SeriesPoint[]): ScorecardKpi {
  throw new Error("not implemented");
}

/**
 * Service credit due: per calendar month, min(cap, breaches × percentPerBreach) % of the monthly
 * fee; summed over the months of the points. The explanation shows the arithmetic.
 */
export function serviceCreditDue(
  _sc: ServiceCredit,
  _points: readonly SeriesPoint[],
  _currency: string | null,
): { amount: number; currency: string | null; explanation: string } {
  throw new Error("not implemented");
}

/** The overall score: weighted mean attainment of the KPIs that have one, with its formula. */
export function overallScore(_lines: readonly ScorecardKpi[]): { score: number | null; formula: string } {
  throw new Error("not implemented");
}
