import type { KpiPeriod, KpiThresholds, ThresholdStatus } from "./kpis.js";
import { addDays } from "./time.js";

/**
 * Threshold status, target attainment and period alignment of KPI measurements, plus the number
 * wording every KPI explanation shares (so reasons, SPC verdicts and scorecards read alike).
 */

/** Inserts thousands separators into the integer part of a plain decimal string. */
function group(plain: string): string {
  const [int, frac] = plain.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ",") : digits;
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

/** Exact powers of ten (10^0 … 10^22 are all exactly representable doubles). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number as people write it: at most 10 significant digits (so binary noise such as
 * 0.30000000000000004 reads "0.3"), at most `maxDecimals` decimals, no trailing zeros, thousands
 * grouped with commas ("12,500"). Hand-rolled rather than `Intl.NumberFormat` or `toPrecision`,
 * which are several times slower, and this runs for every non-ok point of a long history.
 */
export function formatNumber(n: number, maxDecimals = 15): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e-6 && abs < 1e10) {
    // Values with at most 4 decimals (what people type) print as they are: k / 10^4 with k an
    // integer is the double nearest that decimal, so String() gives exactly those digits.
    if (maxDecimals >= 4 && abs < 1e6 && Math.round(n * 1e4) / 1e4 === n) {
      const s = String(n);
      return abs >= 1000 ? group(s) : s;
    }
    // Otherwise round to 10 significant digits as an integer and place the decimal point:
    // integer-to-string conversion is much cheaper than shortest-double conversion.
    const d = Math.min(maxDecimals, 9 - Math.floor(Math.log10(abs)));
    if (d >= 0) {
      const k = Math.round(abs * POW10[d]);
      if (k === 0) return "0";
      return (n < 0 ? "-" : "") + placePoint(integerDigits(k), d);
    }
  }
  // Rare: very large or tiny values (and negative maxDecimals).
  const r = Number(Number(n.toPrecision(10)).toFixed(Math.min(20, Math.max(0, maxDecimals))));
  if (r === 0) return "0"; // also turns -0 into "0"
  // String() switches to exponent notation outside [1e-7, 1e21): spell small ones out.
  const plain = Math.abs(r) < 1e-6 ? trimZeros(r.toFixed(Math.min(20, maxDecimals))) : String(r);
  return plain.includes("e") ? plain : withGroups(plain);
}

/** The digits of a non-negative integer below 10^15, converted in two int32-sized halves. */
function integerDigits(k: number): string {
  if (k < 2_147_483_648) return String(k);
  const hi = Math.floor(k / 100_000);
  const lo = String(k - hi * 100_000);
  return String(hi) + "00000".slice(lo.length) + lo;
}

/** `digits / 10^d` spelled out: the point placed, trailing zeros dropped, thousands grouped. */
function placePoint(digits: string, d: number): string {
  if (d === 0) return digits.length > 3 ? group(digits) : digits;
  let int: string;
  let frac: string;
  if (digits.length > d) {
    int = digits.slice(0, digits.length - d);
    frac = digits.slice(digits.length - d);
  } else {
    int = "0";
    frac = "0".repeat(d - digits.length) + digits;
  }
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--; // "0"
  if (int.length > 3) int = group(int);
  return end === 0 ? int : `${int}.${frac.slice(0, end)}`;
}

/** Drops trailing zeros after a decimal point, and the point itself if nothing follows it. */
function trimZeros(s: string): string {
  if (!s.includes(".")) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--; // "0"
  if (s.charCodeAt(end - 1) === 46) end--; // "."
  const out = s.slice(0, end);
  return out === "-0" ? "0" : out;
}

/** Groups thousands when the integer part has more than three digits. */
function withGroups(s: string): string {
  const dot = s.indexOf(".");
  const intLength = (dot < 0 ? s.length : dot) - (s.startsWith("-") ? 1 : 0);
  return intLength > 3 ? group(s) : s;
}

/**
 * A value with its unit: "97.2 %", "350 ms", "12" (no unit). The unit always follows after one
 * space, "%" included, so every KPI sentence spells quantities the same way.
 */
export function formatQuantity(value: number, unit = "", maxDecimals = 15): string {
  const n = formatNumber(value, maxDecimals);
  return unit ? `${n} ${unit}` : n;
}

/**
 * The threshold level of a value, without words: the hot path of {@link thresholdStatus}, for
 * callers judging many values of one KPI. A value exactly at a threshold is on its good side.
 */
export function thresholdLevel(t: KpiThresholds, value: number): ThresholdStatus {
  if (t.direction === "higher_is_better") {
    if (value < t.breachThreshold) return "breach";
    return value < t.warningThreshold ? "warning" : "ok";
  }
  if (value > t.breachThreshold) return "breach";
  return value > t.warningThreshold ? "warning" : "ok";
}

/**
 * The words after the number in a threshold reason, unit included (" % is below the breach
 * threshold 98 %"), built once per KPI so judging a long history formats each threshold once,
 * and each reason is one concatenation: `formatNumber(value) + tail`.
 */
export function thresholdReasonTails(t: KpiThresholds, unit = ""): { warning: string; breach: string } {
  const side = t.direction === "higher_is_better" ? "below" : "above";
  const u = unit ? ` ${unit}` : "";
  return {
    warning: `${u} is ${side} the warning threshold ${formatQuantity(t.warningThreshold, unit)}`,
    breach: `${u} is ${side} the breach threshold ${formatQuantity(t.breachThreshold, unit)}`,
  };
}

/**
 * The status of one value against the thresholds, with the reason in words (null when ok), e.g.
 * "97.2 % is below the breach threshold 98 %". Higher is better: below the breach threshold is a
 * breach, below the warning threshold a warning; a value exactly at a threshold is on its good
 * side. Lower is better mirrors this ("above").
 */
export function thresholdStatus(
  t: KpiThresholds,
  value: number,
  unit = "",
): { status: ThresholdStatus; reason: string | null } {
  const status = thresholdLevel(t, value);
  if (status === "ok") return { status, reason: null };
  return { status, reason: formatNumber(value) + thresholdReasonTails(t, unit)[status] };
}

/** True when the value meets the target (≥ for higher-is-better, ≤ for lower-is-better). */
export function meetsTarget(t: KpiThresholds, value: number): boolean {
  return t.direction === "higher_is_better" ? value >= t.target : value <= t.target;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The calendar date of a 'YYYY-MM-DD' string at UTC midnight, or null when it is no real date. */
function utcDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 2026-02-30 over to March: a round trip detects it.
  return d.toISOString().slice(0, 10) === date ? d : null;
}

/**
 * The first day of the period containing `date` ('YYYY-MM-DD', UTC): the date itself for daily,
 * the Monday of its ISO week for weekly, the 1st of its month for monthly.
 */
export function periodStartOf(period: KpiPeriod, date: string): string {
  if (period === "monthly") return `${date.slice(0, 7)}-01`;
  if (period === "weekly") {
    const d = utcDate(date);
    if (!d) return date;
    // getUTCDay: 0 = Sunday … 6 = Saturday; ISO weeks start on Monday.
    return addDays(date, -((d.getUTCDay() + 6) % 7));
  }
  return date;
}

/**
 * Why `periodStart` cannot be a measurement period of a KPI with this period (not a Monday for
 * weekly, not the 1st for monthly, after `today`), or null when it can. The message names the
 * date to send instead, because the caller usually just picked a day inside the right period.
 */
export function periodStartProblem(period: KpiPeriod, periodStart: string, today: string): string | null {
  const d = utcDate(periodStart);
  if (!d) return `${periodStart} is not a calendar date: use YYYY-MM-DD`;
  const aligned = periodStartOf(period, periodStart);
  // A period that has started (even if not ended) may be reported; one that starts later may not.
  const notStarted = (start: string) => start > today;
  if (aligned !== periodStart) {
    const head =
      period === "weekly"
        ? `${periodStart} is a ${WEEKDAYS[d.getUTCDay()]}: a weekly KPI takes the Monday that starts the week (${aligned})`
        : `${periodStart} is not the 1st of the month: a monthly KPI takes the first day of the month (${aligned})`;
    return notStarted(aligned) ? `${head}, and that period has not started yet (today is ${today})` : head;
  }
  if (notStarted(periodStart)) {
    const what = period === "daily" ? "day" : period === "weekly" ? "week" : "month";
    return `${periodStart} is in the future (today is ${today}): measure a ${what} once it has started`;
  }
  return null;
}
