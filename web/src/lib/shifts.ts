import { toMinutes } from "../../../domain/time";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The zone's UTC offset (ms) at instant `ms`, from Intl (DST included). */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  try {
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    for (const p of f.formatToParts(ms)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  } catch {
    return 0;
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute);
  return wall - Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** The instant of a local wall-clock reading (given as a UTC-epoch "wall" value) in `timeZone`. */
function wallToInstant(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

export interface Hours {
  start: string;
  end: string;
  days: number[];
}

/** A span in minutes from 00:00 of the reference day (0–1440). */
export type Span = [number, number];

/**
 * A side's working time that falls on UTC date `date` (YYYY-MM-DD), as minute spans of that UTC
 * day. Shifts starting on the local day before and after are included (night shifts, far zones);
 * holidays are not removed here (the API reports them per date).
 */
export function shiftsOnUtcDate(date: string, timeZone: string, hours: Hours): Span[] {
  const day0 = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day0)) return [];
  const start = toMinutes(hours.start);
  let end = toMinutes(hours.end);
  if (end <= start) end += 1440;
  const spans: Span[] = [];
  for (const delta of [-1, 0, 1]) {
    const local = day0 + delta * DAY_MS;
    const iso = new Date(local).getUTCDay() || 7;
    if (!hours.days.includes(iso)) continue;
    const s = wallToInstant(local + start * MINUTE_MS, timeZone);
    const e = wallToInstant(local + end * MINUTE_MS, timeZone);
    const from = Math.max(s, day0);
    const to = Math.min(e, day0 + DAY_MS);
    if (to > from) spans.push([(from - day0) / MINUTE_MS, (to - day0) / MINUTE_MS]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Minutes since 00:00 of an ISO instant's UTC day, relative to `date` (may exceed 1440). */
export function minuteOfDate(iso: string, date: string): number {
  return (Date.parse(iso) - Date.parse(`${date}T00:00:00Z`)) / MINUTE_MS;
}

/** Today's UTC date as YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "Mon 2 Dec" for a UTC date. */
export function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}
