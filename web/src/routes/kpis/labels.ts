/** Labels, colours and number formatting of the KPI area, keyed by the shared domain enums. */

import dayjs from "dayjs";
import type { KpiDirection, KpiPeriod, MeasurementStatus } from "../../../../domain/kpis";

export const STATUS_LABELS: Record<MeasurementStatus, string> = {
  ok: "OK",
  warning: "Warning",
  breach: "Breach",
  anomaly: "Anomaly",
};

/** Mantine colours: the same four everywhere (badges, chart points, counts). */
export const STATUS_COLORS: Record<MeasurementStatus, string> = {
  ok: "green",
  warning: "yellow",
  breach: "red",
  anomaly: "violet",
};

export const STATUS_HELP: Record<MeasurementStatus, string> = {
  ok: "Meets the thresholds and shows no adverse drift",
  warning: "Past the warning threshold, not yet a breach",
  breach: "Past the breach threshold: a service level was missed",
  anomaly: "Within thresholds, but statistical process control sees an adverse drift",
};

export const DIRECTION_LABELS: Record<KpiDirection, string> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
};

export const PERIOD_LABELS: Record<KpiPeriod, string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
};

/** Where a period must start, said the way people check a calendar. */
export const PERIOD_ALIGNMENT: Record<KpiPeriod, string> = {
  daily: "Any day",
  weekly: "A Monday (weeks start on Monday)",
  monthly: "The 1st of the month",
};

/** "99.5", "1 200", "0.25": up to 3 decimals, in the viewer's locale. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString(undefined, { maximumFractionDigits: 3 });
}

/** A value with its unit: "99.5 %", "4 h"; a percent sign sticks to the number as people write it. */
export function formatValue(value: number | null | undefined, unit: string): string {
  const n = formatNumber(value);
  if (n === "—" || !unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/** "≥ 99.5%" for higher-is-better targets, "≤ 4 h" for lower-is-better ones. */
export function formatTarget(k: { direction: KpiDirection; target: number; unit: string }): string {
  return `${k.direction === "higher_is_better" ? "≥" : "≤"} ${formatValue(k.target, k.unit)}`;
}

/** The period a measurement covers: "Week of 3 Mar 2025", "Mar 2025", "3 Mar 2025". */
export function formatPeriod(periodStart: string, period: KpiPeriod): string {
  const d = new Date(`${periodStart.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return periodStart;
  const day = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(undefined, { timeZone: "UTC", ...opts }).format(d);
  if (period === "monthly") return day({ month: "short", year: "numeric" });
  const date = day({ day: "numeric", month: "short", year: "numeric" });
  return period === "weekly" ? `Week of ${date}` : date;
}

/** The start of the period containing today (local calendar): today, this week's Monday, or the 1st. */
export function currentPeriodStart(period: KpiPeriod): string {
  const today = dayjs();
  if (period === "monthly") return today.startOf("month").format("YYYY-MM-DD");
  if (period === "weekly") return today.subtract((today.day() + 6) % 7, "day").format("YYYY-MM-DD");
  return today.format("YYYY-MM-DD");
}
