import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bestSlots,
  communicationRisk,
  computeOverlap,
  holidaysOn,
  OverlapRequest,
  zonedToUtc,
} from "./overlap.js";

const WEEKDAYS = [1, 2, 3, 4, 5];
const side = (timeZone: string, start: string, end: string, days = WEEKDAYS, country?: string) => ({
  timeZone,
  workingHours: { start, end, days },
  ...(country ? { country } : {}),
});
const oneDay = (a: ReturnType<typeof side>, b: ReturnType<typeof side>, date: string) =>
  computeOverlap(a, b, date, 1).days[0];

// The issue's figures ("London–Kolkata shares 240 min on a December weekday and 300 min in July")
// hold for London 09:00–17:00 and Kolkata 09:30–18:30, both Monday–Friday:
// December: London 09:00–17:00Z, Kolkata 04:00–13:00Z → 09:00–13:00Z = 240 min.
// July (BST): London 08:00–16:00Z, Kolkata 04:00–13:00Z → 08:00–13:00Z = 300 min.
const london = side("Europe/London", "09:00", "17:00");
const kolkata = side("Asia/Kolkata", "09:30", "18:30");
const utc9to17 = side("UTC", "09:00", "17:00");
const newYork = side("America/New_York", "09:00", "17:00");

describe("the issue's figures", () => {
  it("London–Kolkata shares 240 minutes on a December weekday", () => {
    const day = oneDay(london, kolkata, "2026-12-09");
    expect(day.overlapMinutes).toBe(240);
    expect(day.windows).toEqual([
      {
        startUtc: "2026-12-09T09:00:00.000Z",
        endUtc: "2026-12-09T13:00:00.000Z",
        minutes: 240,
        a: { start: "09:00", end: "13:00" },
        b: { start: "14:30", end: "18:30" },
      },
    ]);
  });

  it("and 300 minutes in July, when London is on summer time", () => {
    const day = oneDay(london, kolkata, "2026-07-15");
    expect(day.overlapMinutes).toBe(300);
    expect(day.windows[0]).toMatchObject({
      startUtc: "2026-07-15T08:00:00.000Z",
      endUtc: "2026-07-15T13:00:00.000Z",
      a: { start: "09:00", end: "14:00" },
      b: { start: "13:30", end: "18:30" },
    });
  });
});

describe("DST changes", () => {
  it("Europe/London springs forward on the last Sunday of March (2026-03-29)", () => {
    // Against a UTC side working 09:00–17:00Z: London 09:00–17:00 GMT = 480, then BST 08:00–16:00Z → 420.
    const r = computeOverlap(london, utc9to17, "2026-03-27", 4);
    expect(r.days.map((d) => [d.date, d.overlapMinutes])).toEqual([
      ["2026-03-27", 480],
      ["2026-03-28", 0],
      ["2026-03-29", 0],
      ["2026-03-30", 420],
    ]);
    expect(r.days[3].windows[0]).toMatchObject({
      startUtc: "2026-03-30T09:00:00.000Z",
      endUtc: "2026-03-30T16:00:00.000Z",
      a: { start: "10:00", end: "17:00" },
      b: { start: "09:00", end: "16:00" },
    });
  });

  it("Europe/London falls back on the last Sunday of October (2026-10-25)", () => {
    const r = computeOverlap(london, utc9to17, "2026-10-23", 4);
    expect(r.days.map((d) => d.overlapMinutes)).toEqual([420, 0, 0, 480]);
  });

  it("America/New_York changes on the second Sunday of March, three weeks before London", () => {
    // NY 09:00–17:00 EST = 14:00–22:00Z, EDT = 13:00–21:00Z; London GMT 09–17Z, BST 08–16Z.
    const r = computeOverlap(london, newYork, "2026-03-02", 30);
    const byDate = Object.fromEntries(r.days.map((d) => [d.date, d.overlapMinutes]));
    expect(byDate["2026-03-06"]).toBe(180); // both on winter time: 14:00–17:00Z
    expect(byDate["2026-03-09"]).toBe(240); // NY on EDT, London still GMT: 13:00–17:00Z
    expect(byDate["2026-03-30"]).toBe(180); // both on summer time: 13:00–16:00Z
    expect(r.workingDays).toBe(22);
    expect(r.totalOverlapMinutes).toBe(5 * 180 + 15 * 240 + 2 * 180);
    expect(r.averageOverlapMinutesPerWorkingDay).toBe(
      Math.round(((5 * 180 + 15 * 240 + 2 * 180) / 22) * 10) / 10,
    );
  });

  it("converts local times in the skipped and the repeated hour deterministically", () => {
    // 01:30 does not exist in London on 2026-03-29: read with the old offset, i.e. 02:30 BST.
    expect(new Date(zonedToUtc("2026-03-29", 90, "Europe/London")).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    // 01:30 happens twice on 2026-10-25: the earlier (BST) one.
    expect(new Date(zonedToUtc("2026-10-25", 90, "Europe/London")).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(new Date(zonedToUtc("2026-07-01", 9 * 60, "America/New_York")).toISOString()).toBe(
      "2026-07-01T13:00:00.000Z",
    );
  });
});

describe("overnight shifts", () => {
  it("a Tokyo night shift (22:00–06:00) meets a London day", () => {
    // Tokyo (UTC+9) Monday 22:00 → Tuesday 06:00 = Monday 13:00–21:00Z; London GMT 09:00–17:00Z.
    const day = oneDay(side("Asia/Tokyo", "22:00", "06:00"), london, "2026-01-12");
    expect(day.windows).toEqual([
      {
        startUtc: "2026-01-12T13:00:00.000Z",
        endUtc: "2026-01-12T17:00:00.000Z",
        minutes: 240,
        a: { start: "22:00", end: "02:00" },
        b: { start: "13:00", end: "17:00" },
      },
    ]);
  });

  it("a window across midnight UTC is split between the two dates and counted once", () => {
    // a: Monday 20:00Z → Tuesday 04:00Z. b: Kolkata Tuesday 04:30–07:30 = Monday 23:00Z → Tuesday 02:00Z.
    const r = computeOverlap(
      side("UTC", "20:00", "04:00", [1]),
      side("Asia/Kolkata", "04:30", "07:30", [2]),
      "2026-02-02",
      2,
    );
    expect(r.days.map((d) => d.overlapMinutes)).toEqual([60, 120]);
    expect(r.days[1].windows[0]).toMatchObject({
      startUtc: "2026-02-03T00:00:00.000Z",
      endUtc: "2026-02-03T02:00:00.000Z",
      a: { start: "00:00", end: "02:00" },
      b: { start: "05:30", end: "07:30" },
    });
    expect(r.totalOverlapMinutes).toBe(180);
    expect(r.workingDays).toBe(2);
  });
});

describe("holidays", () => {
  it("Christmas Day (GB) takes away London's working hours and is named", () => {
    const r = computeOverlap(
      side("Europe/London", "09:00", "17:00", WEEKDAYS, "GB"),
      utc9to17,
      "2026-12-24",
      2,
    );
    expect(r.days[0].overlapMinutes).toBe(480);
    expect(r.days[1]).toMatchObject({
      date: "2026-12-25",
      overlapMinutes: 0,
      workingDay: false,
      workingMinutes: { a: 0, b: 480 },
      holidays: [{ side: "a", name: "Christmas Day" }],
    });
    expect(r.workingDays).toBe(1);
  });

  it("Republic Day (IN, 2026-01-26) stops Kolkata; without a country it is a normal Monday", () => {
    const withIn = oneDay(london, { ...kolkata, country: "IN" }, "2026-01-26");
    expect(withIn.overlapMinutes).toBe(0);
    expect(withIn.holidays).toEqual([{ side: "b", name: "Republic Day" }]);
    expect(oneDay(london, kolkata, "2026-01-26").overlapMinutes).toBe(240);
  });

  it("counts only public and bank holidays", () => {
    expect(holidaysOn("US", "2026-12-25")).toEqual(["Christmas Day"]);
    expect(holidaysOn("US", "2026-12-24")).toEqual([]); // Christmas Eve is "optional"
    expect(holidaysOn("GB", "2026-03-15")).toEqual([]); // Mother's Day is an observance
  });
});

describe("odd offsets", () => {
  it("Asia/Kathmandu (UTC+5:45) against London in winter", () => {
    // Kathmandu 10:00–17:00 = 04:15–11:15Z; London 09:00–17:00Z → 09:00–11:15Z = 135 min.
    const day = oneDay(side("Asia/Kathmandu", "10:00", "17:00"), london, "2026-12-09");
    expect(day.windows).toEqual([
      {
        startUtc: "2026-12-09T09:00:00.000Z",
        endUtc: "2026-12-09T11:15:00.000Z",
        minutes: 135,
        a: { start: "14:45", end: "17:00" },
        b: { start: "09:00", end: "11:15" },
      },
    ]);
  });

  it("Kolkata (UTC+5:30) and Kathmandu (UTC+5:45) with the same hours share all but 15 minutes", () => {
    const day = oneDay(
      side("Asia/Kolkata", "09:00", "17:00"),
      side("Asia/Kathmandu", "09:00", "17:00"),
      "2026-06-10",
    );
    expect(day.overlapMinutes).toBe(465);
    expect(day.windows[0].a).toEqual({ start: "09:00", end: "16:45" });
    expect(day.windows[0].b).toEqual({ start: "09:15", end: "17:00" });
  });
});

describe("working days", () => {
  it("honours each side's days: a Sunday–Thursday week against Monday–Friday", () => {
    // Riyadh (UTC+3) 08:00–16:00 = 05:00–13:00Z, Sun–Thu; London 09:00–17:00Z Mon–Fri.
    const r = computeOverlap(side("Asia/Riyadh", "08:00", "16:00", [7, 1, 2, 3, 4]), london, "2026-12-06", 7);
    expect(r.days.map((d) => d.overlapMinutes)).toEqual([0, 240, 240, 240, 240, 0, 0]);
    expect(r.days.map((d) => d.workingDay)).toEqual([false, true, true, true, true, false, false]);
    expect(r.workingDays).toBe(4);
    expect(r.averageOverlapMinutesPerWorkingDay).toBe(240);
  });

  it("answers zero working days and a zero average when the weeks never meet", () => {
    const r = computeOverlap(side("UTC", "09:00", "17:00", [6, 7]), london, "2026-12-07", 14);
    expect(r).toMatchObject({
      totalOverlapMinutes: 0,
      workingDays: 0,
      averageOverlapMinutesPerWorkingDay: 0,
    });
    expect(r.bestSlots).toEqual([]);
  });
});

describe("best meeting slots", () => {
  it("ranks the shared windows by how many days they recur on", () => {
    const r = computeOverlap(london, newYork, "2026-03-02", 30);
    expect(r.bestSlots.map((s) => [s.startUtc, s.endUtc, s.occurrences])).toEqual([
      ["13:00", "17:00", 15],
      ["14:00", "17:00", 5],
      ["13:00", "16:00", 2],
    ]);
    expect(r.bestSlots[0]).toMatchObject({
      a: { start: "13:00", end: "17:00" },
      b: { start: "09:00", end: "13:00" },
      minutes: 240,
      firstDate: "2026-03-09",
      lastDate: "2026-03-27",
    });
    expect(bestSlots(r.days, 1)).toHaveLength(1);
  });
});

describe("communication risk", () => {
  it("applies the documented thresholds", () => {
    expect(communicationRisk(300)).toBe("low");
    expect(communicationRisk(240)).toBe("low");
    expect(communicationRisk(239.9)).toBe("medium");
    expect(communicationRisk(120)).toBe("medium");
    expect(communicationRisk(119.9)).toBe("high");
    expect(communicationRisk(0, 0)).toBe("high");
  });
});

describe("request schema", () => {
  const valid = { a: london, b: kolkata, from: "2026-12-01", days: 30 };
  it("accepts a valid request and normalises country codes", () => {
    const r = OverlapRequest.parse({ ...valid, a: { ...london, country: "gb" } });
    expect(r.a.country).toBe("GB");
  });
  it.each([
    ["a.timeZone", { ...valid, a: { ...london, timeZone: "Mars/Olympus" } }],
    [
      "b.workingHours.start",
      { ...valid, b: { ...kolkata, workingHours: { ...kolkata.workingHours, start: "9:00" } } },
    ],
    ["a.country", { ...valid, a: { ...london, country: "XX" } }],
    ["days", { ...valid, days: 0 }],
    ["days", { ...valid, days: 367 }],
    ["from", { ...valid, from: "2026-02-30" }],
  ])("refuses a bad %s", (path, body) => {
    const r = OverlapRequest.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("properties", () => {
  const zones = [
    "UTC",
    "Europe/London",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Sydney",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
  ];
  const pad = (n: number) => String(n).padStart(2, "0");
  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
    .map(([h, m]) => `${pad(h)}:${pad(m)}`);
  const arbSide = fc
    .record({
      timeZone: fc.constantFrom(...zones),
      start: hhmm,
      end: hhmm,
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    })
    .filter((s) => s.start !== s.end)
    .map((s) => side(s.timeZone, s.start, s.end, s.days));
  const arbFrom = fc
    .integer({ min: 0, max: 364 })
    .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));

  it("overlap is symmetric in a and b and never exceeds either side's working minutes", () => {
    fc.assert(
      fc.property(arbSide, arbSide, arbFrom, fc.integer({ min: 1, max: 10 }), (a, b, from, n) => {
        const ab = computeOverlap(a, b, from, n);
        const ba = computeOverlap(b, a, from, n);
        expect(ba.totalOverlapMinutes).toBe(ab.totalOverlapMinutes);
        expect(ba.workingDays).toBe(ab.workingDays);
        ab.days.forEach((d, i) => {
          const mirror = ba.days[i];
          expect(mirror.overlapMinutes).toBe(d.overlapMinutes);
          expect(mirror.windows.map((w) => [w.startUtc, w.endUtc, w.b, w.a])).toEqual(
            d.windows.map((w) => [w.startUtc, w.endUtc, w.a, w.b]),
          );
          expect(d.overlapMinutes).toBeLessThanOrEqual(d.workingMinutes.a);
          expect(d.overlapMinutes).toBeLessThanOrEqual(d.workingMinutes.b);
          expect(d.workingMinutes.a).toBeLessThanOrEqual(24 * 60);
          if (d.overlapMinutes > 0) expect(d.workingDay).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });
});
