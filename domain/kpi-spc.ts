import type { KpiThresholds, SeriesPoint } from "./kpis.js";

// STUB (signatures fixed): implemented by the KPI statistics author.

/** Parameters of the statistical process control. */
export interface SpcParams {
  /** Baseline: how many earlier points estimate the mean and sigma. */
  window: number;
  /** Fewer earlier points than this: no SPC verdict yet. */
  minHistory: number;
  /** EWMA smoothing weight. */
  lambda: number;
  /** Width of the EWMA control limits, in sigmas of the EWMA statistic. */
  limitSigmas: number;
}

export const SPC_DEFAULTS: SpcParams = { window: 20, minHistory: 8, lambda: 0.2, limitSigmas: 3 };

/** The method in words, parameters included (shown under the chart and in the series answer). */
export function spcMethod(_p: SpcParams = SPC_DEFAULTS): string {
  throw new Error("not implemented");
}

/** A stored measurement, oldest first. */
export interface RawPoint {
  periodStart: string;
  value: number;
  note?: string | null;
}

/**
 * Evaluates a whole history (oldest first): threshold status and SPC per point. Causal: each
 * point is judged only by the points before it, so adding a later point never changes an
 * earlier verdict. O(n).
 */
export function evaluateSeries(
  _t: KpiThresholds & { unit?: string },
  _points: readonly RawPoint[],
  _p: SpcParams = SPC_DEFAULTS,
): SeriesPoint[] {
  throw new Error("not implemented");
}
