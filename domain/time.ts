import { z } from "zod";

/** True when `tz` is an IANA time zone this runtime (full ICU) knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

/**
 * The conventional spelling of a known time zone: ICU matches names case-insensitively, so
 * "europe/paris" is accepted, and is stored as "Europe/Paris". Aliases are kept as given (ICU
 * would turn "Asia/Kolkata" into its legacy "Asia/Calcutta").
 */
export function canonicalTimeZone(tz: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
}

export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: "Unknown IANA time zone" })
  .transform(canonicalTimeZone);

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM (24-hour)" });

/** Minutes since midnight of an "HH:MM" string. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/**
 * Local working hours: start and end as HH:MM, days as ISO weekdays (1 = Monday … 7 = Sunday).
 * An end earlier than the start means a night shift that runs past midnight.
 */
export const WorkingHours = z
  .object({
    start: HHMM,
    end: HHMM,
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .transform((d) => [...new Set(d)].sort((a, b) => a - b)),
  })
  .refine((w) => w.start !== w.end, { message: "Start and end must differ", path: ["end"] });
export type WorkingHours = z.infer<typeof WorkingHours>;

/** Today's calendar date in UTC (YYYY-MM-DD): due dates and review dates are calendar dates. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** `date` (YYYY-MM-DD) plus `n` calendar days (negative goes back). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
