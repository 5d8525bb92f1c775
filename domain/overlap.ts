import Holidays from "date-holidays";
import { z } from "zod";
import { CountryCode, IsoDate } from "./common.js";
import { Site } from "./partner-parts.js";
import { addDays, TimeZone, toMinutes, WorkingHours } from "./time.js";

/*
 * Working-time overlap between two sides (e.g. one of our sites and a partner site).
 *
 * Convention (the one thing to know when reading the figures):
 * - Each side works shifts defined in its own local time: on every local date whose ISO weekday is
 *   in `workingHours.days` and which is not a public holiday of its `country`, a shift runs from
 *   `start` to `end` local time; an `end` earlier than `start` is a night shift ending the next
 *   local day. Shifts are placed on the time line with the zone's real offsets from `Intl`, so DST
 *   changes are honoured (a shift across a DST change is an hour longer or shorter).
 * - The report is per **UTC calendar date** D: D's windows are the intersections of both sides'
 *   shifts (from whatever local date they started on) clipped to [D 00:00Z, D+1 00:00Z). A shared
 *   window running past midnight UTC thus shows on both dates, never counted twice.
 * - A holiday removes the side's shift that *starts* on that local date; a date's `holidays` lists
 *   each side's holidays on calendar date D.
 * - A **working day** is a UTC date on which both sides have working time; the average overlap is
 *   the total overlap divided by the working days (overlap can only occur on working days).
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Holiday types of `date-holidays` that take the working day away (not `optional`, `school`, `observance`). */
export const HOLIDAY_TYPES: readonly string[] = ["public", "bank"];

/** How many best meeting slots a result lists. */
export const BEST_SLOT_COUNT = 5;

/**
 * Communication-risk thresholds on the average overlap per working day. At least 4 hours shared is
 * comfortable (`low`); 2–4 hours is workable with planning (`medium`); under 2 hours is the issue's
 * risk signal (`high`).
 */
export const OVERLAP_LOW_RISK_MIN_MINUTES = 240;
export const OVERLAP_MEDIUM_RISK_MIN_MINUTES = 120;

export const CommunicationRisk = z.enum(["low", "medium", "high"]);
export type CommunicationRisk = z.infer<typeof CommunicationRisk>;

/** Risk level of an average overlap per working day; no common working day at all is `high`. */
export function communicationRisk(averageMinutesPerWorkingDay: number, workingDays = 1): CommunicationRisk {
  if (workingDays === 0) return "high";
  if (averageMinutesPerWorkingDay >= OVERLAP_LOW_RISK_MIN_MINUTES) return "low";
  if (averageMinutesPerWorkingDay >= OVERLAP_MEDIUM_RISK_MIN_MINUTES) return "medium";
  return "high";
}

// ── Schemas ──────────────────────────────────────────────────────────────────
export const OverlapSide = z.object({
  timeZone: TimeZone,
  workingHours: WorkingHours,
  country: CountryCode.optional().describe("ISO 3166-1 alpha-2; its public holidays are days off"),
});
export type OverlapSide = z.input<typeof OverlapSide>;

/** The most days one request may cover. */
export const MAX_OVERLAP_DAYS = 366;

export const OverlapRequest = z.object({
  a: OverlapSide,
  b: OverlapSide,
  from: IsoDate.describe("First UTC date (YYYY-MM-DD)"),
  days: z.number().int().min(1).max(MAX_OVERLAP_DAYS),
});

const LocalSpan = z.object({ start: z.string(), end: z.string() });
export const OverlapWindow = z.object({
  startUtc: z.string(),
  endUtc: z.string(),
  minutes: z.number().int(),
  a: LocalSpan.describe("Side a's local HH:MM"),
  b: LocalSpan.describe("Side b's local HH:MM"),
});
export type OverlapWindow = z.infer<typeof OverlapWindow>;

export const OverlapDay = z.object({
  date: z.string().describe("UTC date"),
  windows: z.array(OverlapWindow),
  overlapMinutes: z.number().int(),
  workingMinutes: z.object({ a: z.number().int(), b: z.number().int() }),
  workingDay: z.boolean(),
  holidays: z.array(z.object({ side: z.enum(["a", "b"]), name: z.string() })),
});
export type OverlapDay = z.infer<typeof OverlapDay>;

export const BestSlot = z.object({
  startUtc: z.string().describe("HH:MM UTC"),
  endUtc: z.string().describe("HH:MM UTC"),
  minutes: z.number().int(),
  a: LocalSpan,
  b: LocalSpan,
  occurrences: z.number().int().describe("Working days the slot recurs on"),
  firstDate: z.string(),
  lastDate: z.string(),
});
export type BestSlot = z.infer<typeof BestSlot>;

export const OverlapResult = z.object({
  days: z.array(OverlapDay),
  totalOverlapMinutes: z.number().int(),
  workingDays: z.number().int(),
  averageOverlapMinutesPerWorkingDay: z.number(),
  bestSlots: z.array(BestSlot),
});
export type OverlapResult = z.infer<typeof OverlapResult>;

// ── Time-zone arithmetic on Intl ─────────────────────────────────────────────
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of instant `ms` in `timeZone`, as if it were a UTC instant. */
function wallClock(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

// Offsets are looked up at the same instants again and again (a date's "day after" is the next
// date's "day before"); ICU formatting dominates the cost, so remember a bounded number of them.
const offsets = new Map<string, number>();

/** The zone's UTC offset in milliseconds at instant `ms`. */
export function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone}@${ms}`;
  let o = offsets.get(key);
  if (o === undefined) {
    o = wallClock(ms, timeZone) - Math.floor(ms / 1000) * 1000;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, o);
  }
  return o;
}

/**
 * The instant at which `timeZone` reads local date `date` and `minutes` past midnight. In the
 * hour a DST change repeats, the earlier instant; in the hour it skips, the wall time read with the
 * offset before the change (so 02:30 on a spring-forward night becomes 03:30), as Temporal does.
 */
export function zonedToUtc(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  // No offset change within a day either side (real zones never change twice in two days).
  if (before === after) return wall - before;
  const valid = [wall - before, wall - after].filter((t) => wallClock(t, timeZone) === wall);
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** "HH:MM" of instant `ms` in `timeZone`. */
export function localHHMM(ms: number, timeZone: string): string {
  const w = new Date(wallClock(ms, timeZone));
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}
const utcHHMM = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

// ── Holidays ─────────────────────────────────────────────────────────────────
const holidayCache = new Map<string, Map<string, string[]>>();

/** Names of the public (and bank) holidays of `country` on calendar date `date`. */
export function holidaysOn(country: string, date: string): string[] {
  const year = date.slice(0, 4);
  const key = `${country}:${year}`;
  let byDate = holidayCache.get(key);
  if (!byDate) {
    byDate = new Map();
    const list = new Holidays(country).getHolidays(Number(year)) || [];
    for (const h of list) {
      if (!HOLIDAY_TYPES.includes(h.type)) continue;
      // Multi-day holidays cover each day from their date to their end.
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < span; i++) {
        const d = addDays(h.date.slice(0, 10), i);
        const names = byDate.get(d) ?? [];
        if (!names.includes(h.name)) names.push(h.name);
        byDate.set(d, names);
      }
    }
    holidayCache.set(key, byDate);
  }
  return byDate.get(date) ?? [];
}

// ── Overlap ──────────────────────────────────────────────────────────────────
interface Side {
  timeZone: string;
  workingHours: { start: string; end: string; days: number[] };
  country?: string | null;
}
type Interval = [number, number];

/** One side's shifts starting on local dates `first`..`last`, merged, in UTC milliseconds. */
function shifts(side: Side, first: string, last: string): Interval[] {
  const { start, end, days } = side.workingHours;
  const s = toMinutes(start);
  const e = toMinutes(end);
  const out: Interval[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (!days.includes(isoWeekday(d))) continue;
    if (side.country && holidaysOn(side.country, d).length > 0) continue;
    const from = zonedToUtc(d, s, side.timeZone);
    const to = e > s ? zonedToUtc(d, e, side.timeZone) : zonedToUtc(addDays(d, 1), e, side.timeZone);
    if (to <= from) continue;
    const prev = out.at(-1);
    // A shift over 23 hours can touch the next one across a DST change: merge so nothing counts twice.
    if (prev && from <= prev[1]) prev[1] = Math.max(prev[1], to);
    else out.push([from, to]);
  }
  return out;
}

const clip = (list: Interval[], lo: number, hi: number): Interval[] =>
  list.map(([s, e]): Interval => [Math.max(s, lo), Math.min(e, hi)]).filter(([s, e]) => e > s);
const minutesOf = (list: Interval[]) => list.reduce((n, [s, e]) => n + (e - s) / MINUTE_MS, 0);

/**
 * The shared working windows of sides `a` and `b` for each UTC date from `from` for `days` days,
 * with holidays, the average overlap per working day and the best recurring meeting slots. Pure
 * (no I/O); time zones and countries must already be valid (see `OverlapRequest`).
 */
export function computeOverlap(a: Side, b: Side, from: string, days: number): OverlapResult {
  const last = addDays(from, days - 1);
  // UTC offsets lie within -12h..+14h, so a shift reaching UTC date D started on local D-2..D+1.
  const sa = shifts(a, addDays(from, -2), addDays(last, 1));
  const sb = shifts(b, addDays(from, -2), addDays(last, 1));
  const out: OverlapDay[] = [];
  let total = 0;
  let workingDays = 0;
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const lo = Date.parse(`${date}T00:00:00Z`);
    const hi = lo + DAY_MS;
    const ca = clip(sa, lo, hi);
    const cb = clip(sb, lo, hi);
    const windows: OverlapWindow[] = [];
    for (const [s1, e1] of ca) {
      for (const [s2, e2] of cb) {
        const s = Math.max(s1, s2);
        const e = Math.min(e1, e2);
        if (e <= s) continue;
        windows.push({
          startUtc: new Date(s).toISOString(),
          endUtc: new Date(e).toISOString(),
          minutes: (e - s) / MINUTE_MS,
          a: { start: localHHMM(s, a.timeZone), end: localHHMM(e, a.timeZone) },
          b: { start: localHHMM(s, b.timeZone), end: localHHMM(e, b.timeZone) },
        });
      }
    }
    windows.sort((x, y) => x.startUtc.localeCompare(y.startUtc));
    const overlapMinutes = windows.reduce((n, w) => n + w.minutes, 0);
    const workingMinutes = { a: minutesOf(ca), b: minutesOf(cb) };
    const workingDay = workingMinutes.a > 0 && workingMinutes.b > 0;
    if (workingDay) workingDays++;
    total += overlapMinutes;
    const holidays = [
      ...(a.country ? holidaysOn(a.country, date).map((name) => ({ side: "a" as const, name })) : []),
      ...(b.country ? holidaysOn(b.country, date).map((name) => ({ side: "b" as const, name })) : []),
    ];
    out.push({ date, windows, overlapMinutes, workingMinutes, workingDay, holidays });
  }
  return {
    days: out,
    totalOverlapMinutes: total,
    workingDays,
    averageOverlapMinutesPerWorkingDay: workingDays ? Math.round((total / workingDays) * 10) / 10 : 0,
    bestSlots: bestSlots(out),
  };
}

/**
 * The shared windows that recur on the most days (then the longest, then the earliest in UTC):
 * a window is the same slot on two days when its UTC and both local times are the same.
 */
export function bestSlots(days: OverlapDay[], count = BEST_SLOT_COUNT): BestSlot[] {
  const slots = new Map<string, BestSlot>();
  for (const day of days) {
    for (const w of day.windows) {
      const startUtc = utcHHMM(Date.parse(w.startUtc));
      const endUtc = utcHHMM(Date.parse(w.endUtc));
      const key = [startUtc, endUtc, w.a.start, w.a.end, w.b.start, w.b.end].join("|");
      const slot = slots.get(key);
      if (slot) {
        slot.occurrences++;
        slot.lastDate = day.date;
      } else {
        slots.set(key, {
          startUtc,
          endUtc,
          minutes: w.minutes,
          a: w.a,
          b: w.b,
          occurrences: 1,
          firstDate: day.date,
          lastDate: day.date,
        });
      }
    }
  }
  return [...slots.values()]
    .sort(
      (x, y) =>
        y.occurrences - x.occurrences || y.minutes - x.minutes || x.startUtc.localeCompare(y.startUtc),
    )
    .slice(0, count);
}

// ── Organization sites ───────────────────────────────────────────────────────
/**
 * One of our own sites: the shape of a partner site (`Site` in partner-parts) without `partnerId`.
 * Created and updated with `CreateSite` / `UpdateSite`.
 */
export const OrganizationSite = Site.omit({ partnerId: true });
export type OrganizationSite = z.infer<typeof OrganizationSite>;

// ── A partner's overlap with our sites ───────────────────────────────────────
/** Days `GET /partners/:id/overlap` looks ahead. */
export const PARTNER_OVERLAP_DAYS = 30;

export const PartnerOverlapQuery = z.object({
  from: IsoDate.optional().describe("First UTC date; today (UTC) when omitted"),
});

const SiteRef = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  country: z.string(),
  timeZone: z.string(),
  workingHours: z.object({ start: z.string(), end: z.string(), days: z.array(z.number()) }),
});

/** One partner site × one of our sites: side `a` is our site, side `b` the partner's. */
export const SitePairOverlap = OverlapResult.extend({
  organizationSite: SiteRef,
  partnerSite: SiteRef,
  risk: CommunicationRisk,
});

export const PartnerOverlap = z.object({
  from: z.string(),
  days: z.number().int(),
  thresholds: z.object({ lowRiskMinMinutes: z.number(), mediumRiskMinMinutes: z.number() }),
  pairs: z.array(SitePairOverlap),
});
export type PartnerOverlap = z.infer<typeof PartnerOverlap>;
