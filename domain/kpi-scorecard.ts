import { formatNumber, formatQuantity, meetsTarget } from "./kpi-status.js";
import type { KpiDirection, KpiPeriod, ScorecardKpi, SeriesPoint, ServiceCredit } from "./kpis.js";

/**
 * A partner's KPI scorecard: per KPI the attainment, the counts by status, the trend and the
 * service credits due; overall the weighted mean attainment. Every figure comes with the
 * arithmetic behind it, because a scorecard is argued over with the partner.
 */

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
 * Rounds half away from zero at `decimals` places in decimal, not binary: 90.25 → 90.3 (plain
 * `Math.round(x * 10) / 10` turns some .x5 values down because x * 10 lands just below).
 */
export function roundTo(x: number, decimals: number): number {
  const abs = Math.abs(x);
  // Exponent notation ("1e-7") cannot take the decimal shift: such values need no care anyway.
  if (String(abs).includes("e")) return Math.round(x * 10 ** decimals) / 10 ** decimals || 0;
  const r = Math.round(Number(`${abs}e${decimals}`));
  return Math.sign(x) * Number(`${r}e-${decimals}`) || 0;
}

/** A trend smaller than this share of the target-to-breach gap over the range counts as stable. */
const STABLE_SHARE = 0.05;

const PERIOD_NOUN: Record<KpiPeriod, string> = { daily: "day", weekly: "week", monthly: "month" };

/** Below this |t| the slope is not told apart from noise (about 95 % for a handful of points and up). */
const MIN_T = 2;

/**
 * Least-squares slope of the values over the point index 0…n−1 (per period) and its t statistic
 * (slope / standard error; infinite when the points lie exactly on a line).
 */
function slopeOf(points: readonly SeriesPoint[]): { slope: number; t: number } {
  const n = points.length;
  const meanI = (n - 1) / 2;
  let meanX = 0;
  for (const p of points) meanX += p.value / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - meanI) * (points[i].value - meanX);
    sxx += (i - meanI) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (points[i].value - meanX - slope * (i - meanI)) ** 2;
  const se = n > 2 && sxx > 0 ? Math.sqrt(sse / (n - 2) / sxx) : 0;
  // Rounding dust of an exact line is not noise.
  const t = se <= 1e-12 * Math.max(1, Math.abs(slope)) ? Number.POSITIVE_INFINITY : Math.abs(slope) / se;
  return { slope, t };
}

/**
 * The trend of the range: the least-squares slope over the point index. Stable when the change it
 * implies across the range (|slope × n|) is less than 5 % of the gap between target and breach
 * threshold (the gap is the KPI's own scale of "a change that matters"), or when the slope is not
 * told apart from the noise around it (|t| < 2): a noisy but steady KPI is not "worsening". Fewer
 * than 3 points: no trend (two points always lie on a line).
 */
function trendOf(kpi: ScorecardKpiInput, points: readonly SeriesPoint[]) {
  const n = points.length;
  const noun = PERIOD_NOUN[kpi.period];
  if (n < 3)
    return {
      trend: "insufficient_data" as const,
      trendExplanation: `${n} measurement${n === 1 ? "" : "s"} in the range: a trend needs at least 3`,
    };
  const { slope, t } = slopeOf(points);
  const change = slope * n;
  const gap = Math.abs(kpi.target - kpi.breachThreshold);
  // A floor far below any meaningful change absorbs the rounding dust of a perfectly flat series
  // (and decides when target = breach threshold leaves no gap).
  const limit = Math.max(STABLE_SHARE * gap, 1e-9 * Math.max(1, Math.abs(points[0].value)));
  const q = (v: number) => formatQuantity(v, kpi.unit, 6);
  const signed = (v: number) => (v > 0 ? `+${q(v)}` : q(v));
  const head = `Least-squares slope ${signed(slope)} per ${noun} over ${n} ${noun}s (${signed(change)} across the range)`;
  const scale = `5 % of the ${q(gap)} gap between target and breach threshold`;
  if (Math.abs(change) < limit)
    return { trend: "stable" as const, trendExplanation: `${head}: less than ${scale}, stable` };
  if (t < MIN_T)
    return {
      trend: "stable" as const,
      trendExplanation: `${head}, but t = ${formatNumber(Math.round(t * 10) / 10)} < ${MIN_T}: not told apart from the ups and downs around it, stable`,
    };
  const better = kpi.direction === "higher_is_better" ? slope > 0 : slope < 0;
  return {
    trend: better ? ("improving" as const) : ("worsening" as const),
    trendExplanation: `${head}: at least ${scale}, ${better ? "improving" : "worsening"} (${kpi.direction === "higher_is_better" ? "higher" : "lower"} is better)`,
  };
}

/**
 * One KPI's scorecard line from its evaluated points within the range (oldest first): attainment
 * (share meeting the target), breaches, warnings, anomalies, trend, service credits due.
 */
export function scorecardLine(kpi: ScorecardKpiInput, points: readonly SeriesPoint[]): ScorecardKpi {
  const n = points.length;
  let met = 0;
  let breaches = 0;
  let warnings = 0;
  let anomalies = 0;
  for (const p of points) {
    if (meetsTarget(kpi, p.value)) met++;
    if (p.status === "breach") breaches++;
    else if (p.status === "warning") warnings++;
    else if (p.status === "anomaly") anomalies++;
  }
  const last = points.at(-1);
  return {
    kpi: {
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      target: kpi.target,
      period: kpi.period,
      weight: kpi.weight,
    },
    contract: { id: kpi.contract.id, title: kpi.contract.title },
    measured: n,
    attainment: n === 0 ? null : roundTo((100 * met) / n, 1),
    breaches,
    warnings,
    anomalies,
    ...trendOf(kpi, points),
    latest: last
      ? { periodStart: last.periodStart, value: last.value, status: last.status, reason: last.reason }
      : null,
    serviceCredit: kpi.serviceCredit ? serviceCreditDue(kpi.serviceCredit, points, kpi.currency) : null,
  };
}

const MONEY = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount with two decimals and its currency code, e.g. "10,000.00 EUR". */
const money = (amount: number, currency: string | null) =>
  currency ? `${MONEY.format(amount)} ${currency}` : MONEY.format(amount);

/**
 * Service credit due: per calendar month, min(cap, breaches × percentPerBreach) % of the monthly
 * fee; summed over the months of the points. The explanation shows the arithmetic. Each month is
 * rounded to the cent before summing, so the total equals the sum of the amounts shown.
 */
export function serviceCreditDue(
  sc: ServiceCredit,
  points: readonly SeriesPoint[],
  currency: string | null,
): { amount: number; currency: string | null; explanation: string } {
  const perMonth = new Map<string, number>();
  for (const p of points) {
    if (p.status !== "breach") continue;
    const month = p.periodStart.slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  if (perMonth.size === 0) return { amount: 0, currency, explanation: "No breaches in the period" };
  let totalCents = 0;
  const parts: string[] = [];
  const pct = (v: number) => `${formatNumber(v)} %`;
  for (const month of [...perMonth.keys()].sort()) {
    const count = perMonth.get(month) ?? 0;
    const raw = count * sc.percentPerBreach;
    const share = Math.min(sc.capPercent, raw);
    // share % of the fee, in cents: share / 100 × fee × 100.
    const cents = Math.round(share * sc.monthlyFee);
    totalCents += cents;
    const arithmetic =
      raw > sc.capPercent
        ? `${pct(raw)}, capped at ${pct(sc.capPercent)}`
        : `${pct(raw)} (cap ${pct(sc.capPercent)})`;
    parts.push(
      `${month}: ${count} breach${count === 1 ? "" : "es"} × ${pct(sc.percentPerBreach)} = ${arithmetic} of ${money(sc.monthlyFee, currency)} = ${money(cents / 100, currency)}`,
    );
  }
  const amount = totalCents / 100;
  return { amount, currency, explanation: `${parts.join("; ")}; total ${money(amount, currency)}` };
}

/**
 * The overall score: weighted mean attainment of the KPIs that have one, with its formula. The
 * formula uses the lines' rounded attainments, so anyone can redo the arithmetic by hand.
 */
export function overallScore(lines: readonly ScorecardKpi[]): { score: number | null; formula: string } {
  let sum = 0;
  let weights = 0;
  const terms: string[] = [];
  for (const line of lines) {
    if (line.attainment === null) continue;
    sum += line.attainment * line.kpi.weight;
    weights += line.kpi.weight;
    terms.push(`${line.attainment.toFixed(1)} × ${line.kpi.weight}`);
  }
  if (terms.length === 0 || weights === 0)
    return { score: null, formula: "No KPI has measurements in the period" };
  const score = roundTo(sum / weights, 1);
  return { score, formula: `(${terms.join(" + ")}) / ${weights} = ${score.toFixed(1)}` };
}
