import { formatNumber } from "./kpi-status.js";
import type { KpiThresholds, MeasurementStatus } from "./kpis.js";

/**
 * Statistical process control of a KPI history: an Individuals chart (Western Electric rules) and
 * an EWMA chart, both against a moving baseline of the points just before each point, so a point
 * is judged only by its past. Only the adverse direction counts: a KPI getting better is not an
 * anomaly. See {@link spcMethod} for the method in words.
 *
 * Evaluation and presentation are split: {@link evaluateColumns} judges a history into typed
 * arrays (no object and no string per point, so 100,000 points cost a few milliseconds and almost
 * no garbage); `kpi-series.ts` words a point on demand (`reasonAt`) and presents the API's `SeriesPoint`
 * objects (`evaluateSeries`, optionally only a slice of them).
 */

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

/** The parameters every caller uses (documented in {@link spcMethod}). */
export const SPC_DEFAULTS: SpcParams = { window: 20, minHistory: 8, lambda: 0.2, limitSigmas: 3 };

/** d2 for subgroups of 2: the expected moving range of normal data is 1.128 σ (Montgomery). */
const D2 = 1.128;

/**
 * The method in words, parameters included (shown under the chart and in the series answer).
 */
export function spcMethod(p: SpcParams = SPC_DEFAULTS): string {
  const lambda = formatNumber(p.lambda);
  return [
    `Each point is judged only by the up to ${p.window} points just before it (its baseline); with fewer than ${minPoints(p)} earlier points there is no statistical verdict yet.`,
    `Baseline mean μ; σ = average moving range of the baseline / ${D2} (Individuals chart, robust to a slow drift); control limits μ ± 3σ.`,
    `EWMA z = ${lambda}·value + ${formatNumber(1 - p.lambda)}·previous z, starting at the first baseline mean; its limits are μ ± ${formatNumber(p.limitSigmas)}σ·√(${lambda}/(2−${lambda})).`,
    "Rules, checked in this order: Western Electric 1 (a point beyond 3σ), EWMA outside its limits, Western Electric 2 (2 of the last 3 points beyond 2σ), 3 (4 of the last 5 beyond 1σ), 4 (8 in a row on one side of the mean); the current point must itself be one of the points a rule counts.",
    "Only deviations in the adverse direction count (below the mean when higher is better, above it when lower is better). A point within its thresholds that a rule flags is an anomaly.",
    "A baseline with no variation at all (σ = 0) gives no verdict for that point: a single change from a perfectly flat history is judged by the thresholds alone, and a change that persists is judged at the next point, whose baseline includes it.",
  ].join(" ");
}

/** Effective minimum history: a sigma needs at least one moving range, i.e. two points. */
const minPoints = (p: SpcParams) => Math.max(2, Math.ceil(p.minHistory));

/** A stored measurement, oldest first. */
export interface RawPoint {
  periodStart: string;
  value: number;
  note?: string | null;
}

/** A Western Electric rule (1–4) or the EWMA chart, whichever fired first in the adverse direction. */
export type SpcRule = "we1" | "ewma" | "we2" | "we3" | "we4";

/** Status codes of {@link SeriesColumns.status}; threshold levels use the first three. */
export const STATUSES = [
  "ok",
  "warning",
  "breach",
  "anomaly",
] as const satisfies readonly MeasurementStatus[];
export const ANOMALY = 3;
/** Rule codes of {@link SeriesColumns.rule}: 0 is "no rule fired". */
export const RULES = [null, "we1", "ewma", "we2", "we3", "we4"] as const;

/**
 * A judged history in columns, one entry per point (index i = the i-th point, oldest first). Typed
 * arrays rather than objects: V8 without pointer compression boxes every double field of an object
 * in its own heap number, so 100,000 result objects are about a million allocations and the GC
 * work that comes with them; these columns are a dozen allocations.
 */
export interface SeriesColumns {
  readonly length: number;
  /**
   * Points before this index have no SPC verdict (too short a baseline): their statistics columns
   * hold NaN and the presenter answers null. Kept as an index rather than read from NaN, so a
   * statistic that is NaN for another reason (an infinite value) still presents as it is.
   */
  readonly firstVerdict: number;
  /** The measured values. */
  readonly value: Float64Array;
  /** Baseline mean and Individuals control limits μ ± 3σ. */
  readonly center: Float64Array;
  readonly lowerControlLimit: Float64Array;
  readonly upperControlLimit: Float64Array;
  /** EWMA statistic and its limits. */
  readonly ewma: Float64Array;
  readonly ewmaLowerLimit: Float64Array;
  readonly ewmaUpperLimit: Float64Array;
  /** Threshold level: 0 ok, 1 warning, 2 breach. */
  readonly level: Uint8Array;
  /** Status: 0 ok, 1 warning, 2 breach, 3 anomaly (read with `statusAt` in kpi-series.ts). */
  readonly status: Uint8Array;
  /** SPC rule: 0 none, 1 we1, 2 ewma, 3 we2, 4 we3, 5 we4 (read with `ruleAt`). */
  readonly rule: Uint8Array;
  /** What `reasonAt` needs and the limits do not give back exactly: the baseline σ … */
  readonly sigma: Float64Array;
  /** … and the count the fired rule names (points beyond 2σ, beyond 1σ, or the run length). */
  readonly ruleCount: Uint32Array;
  /** Per-series inputs of the words; `tails` is filled by the first threshold reason worded. */
  readonly words: {
    thresholds: KpiThresholds;
    unit: string;
    window: number;
    ewmaFactor: number;
    tails: { warning: string; breach: string } | null;
  };
}

/** Counts the set bits of a small mask (the recent-points flags of rules 2 and 3). */
const bits = (m: number) => {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
};

/**
 * Evaluates a whole history (oldest first) into columns: threshold status and SPC per point,
 * without wording anything. Causal: each point is judged only by the points before it, so adding
 * a later point never changes an earlier verdict. O(n).
 *
 * Method: for point i the baseline is the up-to-`window` points before it. μ is their mean and
 * σ their average moving range / 1.128. Both sums are kept rolling (add the newest, drop the
 * oldest) and recomputed from scratch every `window` points, which keeps the cost O(n) while
 * bounding the floating-point drift of long add/subtract chains; the schedule depends on i only,
 * so evaluating a prefix gives exactly the same numbers. Individuals limits μ ± 3σ; EWMA
 * z_i = λx_i + (1−λ)z_{i−1} starting at the first baseline's μ, limits μ ± L·σ·√(λ/(2−λ)).
 * Western Electric rules use each point's own μ and σ; the current point must satisfy the rule
 * itself (a rule never fires on an unremarkable point because of its predecessors); points
 * without a verdict (no baseline, or σ = 0) break runs. Rules in order we1, ewma, we2, we3, we4;
 * the first that fires is the point's rule, in the adverse direction only. A threshold-ok point
 * with a rule is an `anomaly`; warning/breach keep their status but still carry the rule.
 */
export function evaluateColumns(
  t: KpiThresholds & { unit?: string },
  points: readonly RawPoint[],
  p: SpcParams = SPC_DEFAULTS,
): SeriesColumns {
  const n = points.length;
  const window = Math.max(1, Math.floor(p.window));
  const need = minPoints(p);
  const higher = t.direction === "higher_is_better";
  const { warningThreshold: warn, breachThreshold: breach, unit = "" } = t;
  const lambda = p.lambda;
  const ewmaFactor = p.limitSigmas * Math.sqrt(lambda / (2 - lambda));
  // The baseline of point i is the last min(i, window) points, so it is long enough exactly from
  // index `need` on (and never when the window itself is shorter than `need`).
  const firstVerdict = window >= need ? Math.min(need, n) : n;
  const c: SeriesColumns = {
    length: n,
    firstVerdict,
    value: new Float64Array(n),
    center: new Float64Array(n),
    lowerControlLimit: new Float64Array(n),
    upperControlLimit: new Float64Array(n),
    ewma: new Float64Array(n),
    ewmaLowerLimit: new Float64Array(n),
    ewmaUpperLimit: new Float64Array(n),
    level: new Uint8Array(n),
    status: new Uint8Array(n),
    rule: new Uint8Array(n),
    sigma: new Float64Array(n),
    ruleCount: new Uint32Array(n),
    words: { thresholds: t, unit, window, ewmaFactor, tails: null },
  };
  const x = c.value;
  for (let i = 0; i < n; i++) x[i] = points[i].value;
  for (const col of [
    c.center,
    c.lowerControlLimit,
    c.upperControlLimit,
    c.ewma,
    c.ewmaLowerLimit,
    c.ewmaUpperLimit,
    c.sigma,
  ])
    col.fill(Number.NaN, 0, firstVerdict);

  // Rolling state. The baseline of point i is x[lo..i-1]; its moving ranges are |x_k − x_{k−1}|
  // for k in lo+1..i-1.
  let sumX = 0;
  let sumMr = 0;
  let z = Number.NaN; // EWMA; NaN until the first point with a baseline
  let beyond2 = 0; // bit j set: the point j places back was beyond 2σ on the adverse side
  let beyond1 = 0;
  let run = 0; // consecutive points on the adverse side of their mean

  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const lo = Math.max(0, i - window);
    const m = i - lo;
    if (i > 0 && i % window === 0) {
      // Periodic exact recompute (see JSDoc): the baseline x[lo..i-1] from scratch.
      sumX = 0;
      sumMr = 0;
      for (let k = lo; k < i; k++) {
        sumX += x[k];
        if (k > lo) sumMr += Math.abs(x[k] - x[k - 1]);
      }
    } else if (i > 0) {
      // Slide: add x[i-1] (and its moving range), drop x[lo-1] (and the range it opened).
      sumX += x[i - 1];
      if (i - 1 > lo) sumMr += Math.abs(x[i - 1] - x[i - 2]);
      if (lo > 0) {
        sumX -= x[lo - 1];
        sumMr -= Math.abs(x[lo] - x[lo - 1]);
      }
    }

    // Threshold level inline (same rule as thresholdLevel): 0 ok, 1 warning, 2 breach.
    const level = higher ? (xi < breach ? 2 : xi < warn ? 1 : 0) : xi > breach ? 2 : xi > warn ? 1 : 0;
    c.level[i] = level;
    c.status[i] = level;
    if (m < need) continue;

    const mu = sumX / m;
    let sigma = Math.max(0, sumMr) / (m - 1) / D2;
    // Rolling sums of a flat history may leave rounding dust: that is still "no variation".
    if (sigma <= 1e-12 * Math.max(1, Math.abs(mu))) sigma = 0;
    z = Number.isNaN(z) ? lambda * xi + (1 - lambda) * mu : lambda * xi + (1 - lambda) * z;
    const ewmaHalf = ewmaFactor * sigma;
    c.center[i] = mu;
    c.lowerControlLimit[i] = mu - 3 * sigma;
    c.upperControlLimit[i] = mu + 3 * sigma;
    c.ewma[i] = z;
    c.ewmaLowerLimit[i] = mu - ewmaHalf;
    c.ewmaUpperLimit[i] = mu + ewmaHalf;
    c.sigma[i] = sigma;

    if (sigma === 0) {
      beyond2 = 0;
      beyond1 = 0;
      run = 0;
      continue;
    }
    // Adverse deviation in sigmas: positive means worse than the baseline mean.
    const a = (higher ? mu - xi : xi - mu) / sigma;
    beyond2 = ((beyond2 << 1) | (a > 2 ? 1 : 0)) & 0b111;
    beyond1 = ((beyond1 << 1) | (a > 1 ? 1 : 0)) & 0b11111;
    run = a > 0 ? run + 1 : 0;
    const ewmaAdverse = higher ? z < mu - ewmaHalf : z > mu + ewmaHalf;
    let rule = 0;
    if (a > 3) rule = 1;
    else if (ewmaAdverse) rule = 2;
    else if (a > 2 && bits(beyond2) >= 2) rule = 3;
    else if (a > 1 && bits(beyond1) >= 4) rule = 4;
    else if (run >= 8) rule = 5;
    if (rule === 0) continue;
    c.rule[i] = rule;
    // The count the reason names (rules 2–4); rules 1 and EWMA name none.
    c.ruleCount[i] = rule === 3 ? bits(beyond2) : rule === 4 ? bits(beyond1) : rule === 5 ? run : 0;
    if (level === 0) c.status[i] = ANOMALY;
  }
  return c;
}
