import { toMinutes } from "../../../domain/time";

export const WEEKDAYS = [
  { value: 1, short: "Mon" },
  { value: 2, short: "Tue" },
  { value: 3, short: "Wed" },
  { value: 4, short: "Thu" },
  { value: 5, short: "Fri" },
  { value: 6, short: "Sat" },
  { value: 7, short: "Sun" },
];

const ISO_DAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** "Mon–Fri", "Mon, Wed, Sat" or "Every day" for ISO weekday numbers. */
export function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "Every day";
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  const name = (d: number) => WEEKDAYS[d - 1]?.short ?? String(d);
  if (consecutive && sorted.length > 2) return `${name(sorted[0])}–${name(sorted[sorted.length - 1])}`;
  return sorted.map(name).join(", ");
}

/** The local time at a site and whether it is inside its working hours right now. */
export interface SiteClock {
  time: string;
  weekday: string;
  open: boolean;
}

/**
 * Reads the wall clock in `timeZone` (DST handled by Intl) and checks it against working hours.
 * A shift whose end is before its start runs past midnight, so its early hours belong to the
 * previous day's shift.
 */
export function siteClock(
  timeZone: string,
  hours: { start: string; end: string; days: number[] },
  now = new Date(),
): SiteClock {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    }).formatToParts(now);
  } catch {
    return { time: "—", weekday: "", open: false };
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const time = `${get("hour")}:${get("minute")}`;
  const weekday = get("weekday");
  const day = ISO_DAY[weekday] ?? 0;
  const minutes = toMinutes(time);
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  let open: boolean;
  if (start < end) open = hours.days.includes(day) && minutes >= start && minutes < end;
  else {
    const previous = day === 1 ? 7 : day - 1;
    open = (hours.days.includes(day) && minutes >= start) || (hours.days.includes(previous) && minutes < end);
  }
  return { time, weekday, open };
}
