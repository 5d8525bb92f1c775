import {
  ANOMALY,
  evaluateColumns,
  type RawPoint,
  RULES,
  type SeriesColumns,
  SPC_DEFAULTS,
  type SpcParams,
  type SpcRule,
  STATUSES,
} from "./kpi-spc.js";
import { formatNumber, formatQuantity, thresholdReasonTails } from "./kpi-status.js";
import type { KpiThresholds, MeasurementStatus, SeriesPoint, ThresholdStatus } from "./kpis.js";

/**
 * Reading and presenting a judged KPI history (`evaluateColumns` in kpi-spc.ts): statuses and
 * counts, reasons in words on demand, date ranges, and the API's `SeriesPoint` objects.
 */

/** The status of point i. */
export const statusAt = (c: SeriesColumns, i: number): MeasurementStatus => STATUSES[c.status[i]];

/** The SPC rule that fired at point i, if any. */
export const ruleAt = (c: SeriesColumns, i: number): SpcRule | null => RULES[c.rule[i]];

/** Points per status over [from, to) (default: all). */
export function countsOf(c: SeriesColumns, from = 0, to = c.length): Record<MeasurementStatus, number> {
  const k = [0, 0, 0, 0];
  for (let i = Math.max(0, from); i < Math.min(to, c.length); i++) k[c.status[i]]++;
  return { ok: k[0], warning: k[1], breach: k[2], anomaly: k[3] };
}

/**
 * Why point i has its status, in words: the threshold crossed ("97.2 % is below the breach
 * threshold 98 %"), the SPC rule of an anomaly, or null for an ok point. Worded on demand, because
 * most callers need the words of a few points only.
 */
export function reasonAt(c: SeriesColumns, i: number): string | null {
  const s = c.status[i];
  if (s === 0) return null;
  if (s === ANOMALY) return spcReason(c, i);
  // The words after the number are the same for every point of the series: built once.
  const w = c.words;
  w.tails ??= thresholdReasonTails(w.thresholds, w.unit);
  return formatNumber(c.value[i]) + (s === 1 ? w.tails.warning : w.tails.breach);
}

/** A half-open index range [from, to) of a history. */
export interface IndexRange {
  from: number;
  to: number;
}

/**
 * The indexes of the points of a history (sorted by `periodStart`) with from ≤ periodStart ≤ to,
 * either bound optional: the slice a date range selects, found by binary search.
 */
export function periodRange(points: readonly RawPoint[], from?: string, to?: string): IndexRange {
  // First index whose periodStart is not below `bound` (or above it, when `after`).
  const search = (bound: string, after: boolean) => {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const ps = points[mid].periodStart;
      if (after ? ps <= bound : ps < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = from === undefined ? 0 : search(from, false);
  const end = to === undefined ? points.length : search(to, true);
  return { from: first, to: Math.max(first, end) };
}

/**
 * Evaluates a whole history (oldest first) as {@link evaluateColumns} does and presents it as
 * `SeriesPoint` objects with every reason in words: the API's answer. With `slice`, only the
 * points of that index range are materialised (still judged against the whole history before
 * them), so a series endpoint showing a date range pays for the range only.
 */
export function evaluateSeries(
  t: KpiThresholds & { unit?: string },
  points: readonly RawPoint[],
  p: SpcParams = SPC_DEFAULTS,
  slice?: IndexRange,
): SeriesPoint[] {
  // A point is judged by its past only: points after the slice need no evaluation.
  const to = Math.min(points.length, slice?.to ?? points.length);
  const from = Math.max(0, slice?.from ?? 0);
  const c = evaluateColumns(t, to < points.length ? points.slice(0, to) : points, p);
  const out: SeriesPoint[] = new Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) out[i - from] = pointAt(c, points[i], i);
  return out;
}

/** Point i as the API presents it. One literal, so every point shares one hidden class. */
function pointAt(c: SeriesColumns, raw: RawPoint, i: number): SeriesPoint {
  const judged = i >= c.firstVerdict;
  return {
    periodStart: raw.periodStart,
    value: raw.value,
    note: raw.note ?? null,
    status: STATUSES[c.status[i]],
    reason: reasonAt(c, i),
    thresholdStatus: STATUSES[c.level[i]] as ThresholdStatus,
    spcRule: RULES[c.rule[i]],
    center: judged ? c.center[i] : null,
    lowerControlLimit: judged ? c.lowerControlLimit[i] : null,
    upperControlLimit: judged ? c.upperControlLimit[i] : null,
    ewma: judged ? c.ewma[i] : null,
    ewmaLowerLimit: judged ? c.ewmaLowerLimit[i] : null,
    ewmaUpperLimit: judged ? c.ewmaUpperLimit[i] : null,
  };
}

/**
 * The SPC verdict of anomaly point i in words. Statistics are rounded to two significant digits
 * of σ (more would be false precision for an estimate from 20 points); the measured value keeps
 * its own digits.
 */
function spcReason(c: SeriesColumns, i: number): string {
  const { unit: u, window, ewmaFactor, thresholds } = c.words;
  const higher = thresholds.direction === "higher_is_better";
  const x = c.value[i];
  const mu = c.center[i];
  const sigma = c.sigma[i];
  const decimals = Math.min(10, Math.max(0, 1 - Math.floor(Math.log10(sigma))));
  const side = higher ? "below" : "above";
  const baseline = `σ ${formatQuantity(sigma, u, decimals)} from the ${Math.min(i, window)} earlier points`;
  const mean = `the mean ${formatQuantity(mu, u, decimals)}`;
  const count = c.ruleCount[i];
  switch (RULES[c.rule[i]]) {
    case "we1": {
      const limit = higher ? mu - 3 * sigma : mu + 3 * sigma;
      const which = higher ? "lower" : "upper";
      return `Western Electric rule 1: ${formatQuantity(x, u)} is more than 3σ ${side} ${mean} (${which} control limit ${formatQuantity(limit, u, decimals)}, ${baseline})`;
    }
    case "ewma": {
      const ewmaHalf = ewmaFactor * sigma;
      const limit = higher ? mu - ewmaHalf : mu + ewmaHalf;
      const verb = higher ? "fell below its lower" : "rose above its upper";
      return `EWMA ${formatQuantity(c.ewma[i], u, decimals)} ${verb} control limit ${formatQuantity(limit, u, decimals)} (baseline mean ${formatQuantity(mu, u, decimals)}, ${baseline})`;
    }
    case "we2":
      return `Western Electric rule 2: ${count} of the last 3 points more than 2σ ${side} ${mean} (${baseline})`;
    case "we3":
      return `Western Electric rule 3: ${count} of the last 5 points more than 1σ ${side} ${mean} (${baseline})`;
    case "we4":
      return `Western Electric rule 4: ${count} points in a row ${side} ${mean} (${baseline})`;
    default:
      return "";
  }
}
