import { formatNumber, formatQuantity, thresholdReasonTails } from "./kpi-status.js";
import type { KpiThresholds, SeriesPoint, ThresholdStatus } from "./kpis.js";

/**
 * Statistical process control of a KPI history: an Individuals chart (Western Electric rules) and
 * an EWMA chart, both against a moving baseline of the points just before each point, so a point
 * is judged only by its past. Only the adverse direction counts: a KPI getting better is not an
 * anomaly. See {@link spcMethod} for the method in words.
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

export type SpcRule = "we1" | "ewma" | "we2" | "we3" | "we4";

/** Counts the set bits of a small mask (the recent-points flags of rules 2 and 3). */
const bits = (m: number) => {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
};

/**
 * Evaluates a whole history (oldest first): threshold status and SPC per point. Causal: each
 * point is judged only by the points before it, so adding a later point never changes an
 * earlier verdict. O(n).
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
 * the first that fires is `spcRule`, in the adverse direction only. A threshold-ok point with a
 * rule is an `anomaly`; warning/breach keep their status and threshold reason but still carry
 * `spcRule`.
 */
export function evaluateSeries(
  t: KpiThresholds & { unit?: string },
  points: readonly RawPoint[],
  p: SpcParams = SPC_DEFAULTS,
): SeriesPoint[] {
  const unit = t.unit ?? "";
  const n = points.length;
  const window = Math.max(1, Math.floor(p.window));
  const need = minPoints(p);
  const higher = t.direction === "higher_is_better";
  const lambda = p.lambda;
  const ewmaFactor = p.limitSigmas * Math.sqrt(lambda / (2 - lambda));
  const out: SeriesPoint[] = new Array(n);
  const tails = thresholdReasonTails(t, unit);

  // Rolling state. The baseline of point i is x[lo..i-1]; its moving ranges are |x_k − x_{k−1}|
  // for k in lo+1..i-1.
  let sumX = 0;
  let sumMr = 0;
  let z = Number.NaN; // EWMA; NaN until the first point with a baseline
  let beyond2 = 0; // bit j set: the point j places back was beyond 2σ on the adverse side
  let beyond1 = 0;
  let run = 0; // consecutive points on the adverse side of their mean

  for (let i = 0; i < n; i++) {
    const x = points[i].value;
    const lo = Math.max(0, i - window);
    const m = i - lo;
    if (i > 0 && i % window === 0) {
      // Periodic exact recompute (see JSDoc): the baseline x[lo..i-1] from scratch.
      sumX = 0;
      sumMr = 0;
      for (let k = lo; k < i; k++) {
        sumX += points[k].value;
        if (k > lo) sumMr += Math.abs(points[k].value - points[k - 1].value);
      }
    } else if (i > 0) {
      // Slide: add x[i-1] (and its moving range), drop x[lo-1] (and the range it opened).
      sumX += points[i - 1].value;
      if (i - 1 > lo) sumMr += Math.abs(points[i - 1].value - points[i - 2].value);
      if (lo > 0) {
        sumX -= points[lo - 1].value;
        sumMr -= Math.abs(points[lo].value - points[lo - 1].value);
      }
    }

    // Threshold level inline (same rule as thresholdLevel): this loop runs 100,000 times.
    const level: ThresholdStatus = higher
      ? x < t.breachThreshold
        ? "breach"
        : x < t.warningThreshold
          ? "warning"
          : "ok"
      : x > t.breachThreshold
        ? "breach"
        : x > t.warningThreshold
          ? "warning"
          : "ok";
    const thresholdReason = level === "ok" ? null : formatNumber(x) + tails[level];
    if (m < need) {
      out[i] = bare(points[i], level, thresholdReason);
      continue;
    }

    const mu = sumX / m;
    let sigma = Math.max(0, sumMr) / (m - 1) / D2;
    // Rolling sums of a flat history may leave rounding dust: that is still "no variation".
    if (sigma <= 1e-12 * Math.max(1, Math.abs(mu))) sigma = 0;
    z = Number.isNaN(z) ? lambda * x + (1 - lambda) * mu : lambda * x + (1 - lambda) * z;
    const ewmaHalf = ewmaFactor * sigma;

    let rule: SpcRule | null = null;
    if (sigma === 0) {
      beyond2 = 0;
      beyond1 = 0;
      run = 0;
    } else {
      // Adverse deviation in sigmas: positive means worse than the baseline mean.
      const a = (higher ? mu - x : x - mu) / sigma;
      beyond2 = ((beyond2 << 1) | (a > 2 ? 1 : 0)) & 0b111;
      beyond1 = ((beyond1 << 1) | (a > 1 ? 1 : 0)) & 0b11111;
      run = a > 0 ? run + 1 : 0;
      const ewmaAdverse = higher ? z < mu - ewmaHalf : z > mu + ewmaHalf;
      if (a > 3) rule = "we1";
      else if (ewmaAdverse) rule = "ewma";
      else if (a > 2 && bits(beyond2) >= 2) rule = "we2";
      else if (a > 1 && bits(beyond1) >= 4) rule = "we3";
      else if (run >= 8) rule = "we4";
    }
    const anomaly = rule !== null && level === "ok";
    // One literal with final values: no field changes its kind after creation, which keeps
    // every point on one hidden class.
    out[i] = {
      periodStart: points[i].periodStart,
      value: x,
      note: points[i].note ?? null,
      status: anomaly ? "anomaly" : level,
      reason:
        anomaly && rule
          ? spcReason(rule, { x, mu, sigma, z, m, ewmaHalf, higher, unit, beyond2, beyond1, run })
          : thresholdReason,
      thresholdStatus: level,
      spcRule: rule,
      center: mu,
      lowerControlLimit: mu - 3 * sigma,
      upperControlLimit: mu + 3 * sigma,
      ewma: z,
      ewmaLowerLimit: mu - ewmaHalf,
      ewmaUpperLimit: mu + ewmaHalf,
    };
  }
  return out;
}

/** A point too early in the history for a statistical verdict: thresholds only. */
function bare(raw: RawPoint, level: ThresholdStatus, reason: string | null): SeriesPoint {
  return {
    periodStart: raw.periodStart,
    value: raw.value,
    note: raw.note ?? null,
    status: level,
    reason,
    thresholdStatus: level,
    spcRule: null,
    center: null,
    lowerControlLimit: null,
    upperControlLimit: null,
    ewma: null,
    ewmaLowerLimit: null,
    ewmaUpperLimit: null,
  };
}

interface Verdict {
  x: number;
  mu: number;
  sigma: number;
  z: number;
  m: number;
  ewmaHalf: number;
  higher: boolean;
  unit: string;
  beyond2: number;
  beyond1: number;
  run: number;
}

/**
 * An SPC verdict in words. Statistics are rounded to two significant digits of σ (more would be
 * false precision for an estimate from 20 points); the measured value keeps its own digits.
 */
function spcReason(rule: SpcRule, v: Verdict): string {
  const decimals = Math.min(10, Math.max(0, 1 - Math.floor(Math.log10(v.sigma))));
  // A plain alias, not a closure: tsx's keep-names wrapper makes closures costly in a hot path.
  const u = v.unit;
  const side = v.higher ? "below" : "above";
  const baseline = `σ ${formatQuantity(v.sigma, u, decimals)} from the ${v.m} earlier points`;
  const mean = `the mean ${formatQuantity(v.mu, u, decimals)}`;
  switch (rule) {
    case "we1": {
      const limit = v.higher ? v.mu - 3 * v.sigma : v.mu + 3 * v.sigma;
      const which = v.higher ? "lower" : "upper";
      return `Western Electric rule 1: ${formatQuantity(v.x, v.unit)} is more than 3σ ${side} ${mean} (${which} control limit ${formatQuantity(limit, u, decimals)}, ${baseline})`;
    }
    case "ewma": {
      const limit = v.higher ? v.mu - v.ewmaHalf : v.mu + v.ewmaHalf;
      const verb = v.higher ? "fell below its lower" : "rose above its upper";
      return `EWMA ${formatQuantity(v.z, u, decimals)} ${verb} control limit ${formatQuantity(limit, u, decimals)} (baseline mean ${formatQuantity(v.mu, u, decimals)}, ${baseline})`;
    }
    case "we2":
      return `Western Electric rule 2: ${bits(v.beyond2)} of the last 3 points more than 2σ ${side} ${mean} (${baseline})`;
    case "we3":
      return `Western Electric rule 3: ${bits(v.beyond1)} of the last 5 points more than 1σ ${side} ${mean} (${baseline})`;
    case "we4":
      return `Western Electric rule 4: ${v.run} points in a row ${side} ${mean} (${baseline})`;
  }
}
