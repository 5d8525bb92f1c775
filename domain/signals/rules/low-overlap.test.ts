import { describe, expect, it } from "vitest";
import { BOUNDS, facts, partner, service, site } from "./fixtures.js";
import { durationText, lowOverlap as rule } from "./low-overlap.js";

const berlin = site({ name: "Berlin HQ", country: "DE", city: "Berlin", timeZone: "Europe/Berlin" });
const hours = (start: string, end: string) => ({ start, end, days: [1, 2, 3, 4, 5] });

describe("low_overlap", () => {
  it("raises for a partner site sharing under 2 h a day with our best site", () => {
    // Manila (UTC+8) 09–17 vs Berlin (UTC+1 in winter) 09–17: 08:00–09:00 UTC, 1 h a day.
    const manila = site({ name: "Manila", country: "PH", city: "Manila", timeZone: "Asia/Manila" });
    const p = partner({ sites: [manila], services: [service({ criticality: "critical" })] });
    const [s, ...rest] = rule.evaluate(facts({ partners: [p], organizationSites: [berlin] }), BOUNDS);
    expect(rest).toEqual([]);
    expect(s.subjectKey).toBe(`partner:${p.id}:site:${manila.id}`);
    expect([s.likelihood, s.impact]).toEqual([3, 4]);
    expect(s.explanation).toContain("'Berlin HQ'");
    expect(s.explanation).toContain("1 h per working day over the 30 days from 2026-11-30");
  });

  it("picks the best of our sites, and stays silent when that one overlaps enough", () => {
    const manila = site({ country: "PH", timeZone: "Asia/Manila" });
    const singapore = site({
      name: "Singapore",
      country: "SG",
      city: "Singapore",
      timeZone: "Asia/Singapore",
    });
    const p = partner({ sites: [manila] });
    expect(rule.evaluate(facts({ partners: [p], organizationSites: [berlin, singapore] }), BOUNDS)).toEqual(
      [],
    );
  });

  it("grades no common working time likelihood 4, and needs sites on both sides", () => {
    const night = site({ country: "DE", timeZone: "Europe/Berlin", workingHours: hours("18:00", "23:00") });
    const p = partner({ sites: [night] });
    const [s] = rule.evaluate(facts({ partners: [p], organizationSites: [berlin] }), BOUNDS);
    expect([s.likelihood, s.impact]).toEqual([4, 2]);
    expect(rule.evaluate(facts({ partners: [p], organizationSites: [] }), BOUNDS)).toEqual([]);
    expect(rule.evaluate(facts({ partners: [partner()], organizationSites: [berlin] }), BOUNDS)).toEqual([]);
  });

  it("is strict at the bound: exactly 2 h a day is enough", () => {
    const two = site({ country: "DE", timeZone: "Europe/Berlin", workingHours: hours("15:00", "20:00") });
    const p = partner({ sites: [two] });
    expect(rule.evaluate(facts({ partners: [p], organizationSites: [berlin] }), BOUNDS)).toEqual([]);
    expect(
      rule.evaluate(facts({ partners: [p], organizationSites: [berlin] }), {
        ...BOUNDS,
        overlapMinMinutes: 121,
      }),
    ).toHaveLength(1);
  });

  it("fingerprints the inputs, not the date-dependent average", () => {
    const p = partner({ sites: [site({ country: "PH", timeZone: "Asia/Manila" })] });
    const a = rule.evaluate(facts({ partners: [p], organizationSites: [berlin] }), BOUNDS);
    const b = rule.evaluate(
      facts({ today: "2026-12-07", partners: [p], organizationSites: [berlin] }),
      BOUNDS,
    );
    expect(a[0].fingerprint).toEqual(b[0].fingerprint);
    expect(durationText(90)).toBe("1 h 30 min");
  });
});
