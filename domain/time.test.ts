import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isTimeZone, TimeZone, toMinutes, WorkingHours } from "./time.js";

const pad = (n: number) => String(n).padStart(2, "0");
const hour = fc.integer({ min: 0, max: 23 });
const minute = fc.integer({ min: 0, max: 59 });
const hhmm = fc.tuple(hour, minute).map(([h, m]) => `${pad(h)}:${pad(m)}`);
const day = fc.integer({ min: 1, max: 7 });

describe("time zones", () => {
  it("knows real IANA zones and refuses made-up ones", () => {
    for (const tz of [
      "Europe/Paris",
      "Asia/Kolkata",
      "America/Argentina/Buenos_Aires",
      "UTC",
      "Pacific/Chatham",
    ]) {
      expect(isTimeZone(tz), tz).toBe(true);
    }
    for (const tz of ["Mars/Olympus", "", "Europe/Pariss", "Paris", "+05:30", "GMT+25"]) {
      expect(isTimeZone(tz), tz).toBe(false);
    }
  });

  it("the schema trims, refuses unknown zones and spells known ones conventionally", () => {
    expect(TimeZone.parse(" Europe/Berlin ")).toBe("Europe/Berlin");
    expect(TimeZone.parse("europe/paris")).toBe("Europe/Paris");
    expect(TimeZone.parse("ASIA/TOKYO")).toBe("Asia/Tokyo");
    // An alias is kept as given rather than replaced by ICU's legacy canonical name.
    expect(TimeZone.parse("Asia/Kolkata")).toBe("Asia/Kolkata");
    const bad = TimeZone.safeParse("Mars/Olympus");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("Unknown IANA time zone");
    expect(TimeZone.safeParse("   ").success).toBe(false);
    expect(TimeZone.safeParse("A".repeat(65)).success).toBe(false);
  });

  it("property: canonicalTimeZone is idempotent and still a valid zone", () => {
    const zones = fc.constantFrom(...Intl.supportedValuesOf("timeZone"));
    const casing = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toLowerCase(),
      (s: string) => s.toUpperCase(),
    );
    fc.assert(
      fc.property(zones, casing, (tz, recase) => {
        const once = canonicalTimeZone(recase(tz));
        expect(isTimeZone(once)).toBe(true);
        expect(canonicalTimeZone(once)).toBe(once);
        expect(once.toLowerCase()).toBe(tz.toLowerCase());
      }),
    );
  });
});

describe("working hours", () => {
  it("property: toMinutes is hours × 60 + minutes", () => {
    fc.assert(
      fc.property(hour, minute, (h, m) => {
        expect(toMinutes(`${pad(h)}:${pad(m)}`)).toBe(h * 60 + m);
      }),
    );
  });

  it("property: any two different HH:MM times with some days are valid working hours", () => {
    fc.assert(
      fc.property(hhmm, hhmm, fc.array(day, { minLength: 1, maxLength: 7 }), (start, end, days) => {
        fc.pre(start !== end);
        const parsed = WorkingHours.parse({ start, end, days });
        expect(parsed.start).toBe(start);
        expect(parsed.end).toBe(end);
        // days come back de-duplicated and in numeric order
        expect(parsed.days).toEqual([...new Set(days)].sort((a, b) => a - b));
      }),
    );
  });

  it("refuses malformed times with the failing field in the path", () => {
    const ok = { start: "09:00", end: "17:30", days: [1, 2, 3, 4, 5] };
    expect(WorkingHours.parse(ok)).toEqual(ok);
    for (const start of ["9:00", "24:00", "12:60", "0900", "09:00:00", "", "ab:cd"]) {
      const r = WorkingHours.safeParse({ ...ok, start });
      expect(r.success, start).toBe(false);
      expect(r.error?.issues[0].path).toEqual(["start"]);
    }
  });

  it("refuses days outside 1..7, fractions, and an empty week", () => {
    const base = { start: "09:00", end: "17:00" };
    for (const days of [[0], [8], [1, 2, 8], [1.5], [-1]]) {
      const r = WorkingHours.safeParse({ ...base, days });
      expect(r.success, JSON.stringify(days)).toBe(false);
      expect(r.error?.issues[0].path[0]).toBe("days");
    }
    expect(WorkingHours.safeParse({ ...base, days: [] }).success).toBe(false);
    expect(WorkingHours.safeParse({ ...base }).success).toBe(false);
  });

  it("sorts days numerically and removes duplicates", () => {
    expect(WorkingHours.parse({ start: "08:00", end: "16:00", days: [7, 5, 1, 5, 3] }).days).toEqual([
      1, 3, 5, 7,
    ]);
  });

  it("allows a night shift past midnight but not start = end", () => {
    expect(WorkingHours.safeParse({ start: "22:00", end: "06:00", days: [1] }).success).toBe(true);
    const same = WorkingHours.safeParse({ start: "09:00", end: "09:00", days: [1] });
    expect(same.success).toBe(false);
    expect(same.error?.issues[0].path).toEqual(["end"]);
  });
});
