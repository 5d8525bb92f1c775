import type { KpiPeriod, KpiThresholds, ThresholdStatus } from "./kpis.js";

// STUB (signatures fixed): implemented by the KPI statistics author.

/** The status of one value against the thresholds, with the reason in words (null when ok). */
export function thresholdStatus(
  _t: KpiThresholds,
  _value: number,
  _unit = "",
): { status: ThresholdStatus; reason: string | null } {
  throw new Error("not implemented");
}

/** True when the value meets the target (≥ for higher-is-better, ≤ for lower-is-better). */
export function meetsTarget(_t: KpiThresholds, _value: number): boolean {
  throw new Error("not implemented");
}

/**
 * Why `periodStart` cannot be a measurement period of a KPI with this period (not a Monday for
 * weekly, not the 1st for monthly, after `today`), or null when it can.
 */
export function periodStartProblem(_period: KpiPeriod, _periodStart: string, _today: string): string | null {
  throw new Error("not implemented");
}
