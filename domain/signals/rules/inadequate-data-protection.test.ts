import { describe, expect, it } from "vitest";
import type { DataProtectionStatus } from "../facts.js";
import { BOUNDS, country, facts, partner, service } from "./fixtures.js";
import { inadequateDataProtection as rule } from "./inadequate-data-protection.js";

const dp = (status: DataProtectionStatus, law: string | null = "Some Act") =>
  country({ dataProtection: { status, law, asOf: "2026-11" } });

describe("inadequate_data_protection", () => {
  it("raises for personal data in a country that is not adequate, naming the source", () => {
    const p = partner({ country: "IN", services: [service({ dataCategories: ["personal_data"] })] });
    const [s, ...rest] = rule.evaluate(
      facts({ partners: [p], countries: { IN: dp("not_adequate", "DPDP Act 2023") } }),
      BOUNDS,
    );
    expect(rest).toEqual([]);
    expect(s.subjectKey).toBe(`partner:${p.id}:country:IN`);
    expect([s.likelihood, s.impact]).toEqual([3, 4]);
    expect(s.explanation).toContain(
      "India (IN) is not covered by an EU adequacy decision; its law: DPDP Act 2023",
    );
    expect(s.explanation).toContain("Outsight data-protection table as of 2026-11");
  });

  it("treats a partial adequacy as likelihood 2 and an unknown country as likelihood 3", () => {
    const p = partner({
      country: "US",
      services: [service({ dataCategories: ["sensitive_personal_data"], dataLocations: ["XK"] })],
    });
    const out = rule.evaluate(
      facts({ partners: [p], countries: { US: dp("partial_adequacy"), XK: dp("unknown", null) } }),
      BOUNDS,
    );
    const byCountry = Object.fromEntries(out.map((s) => [s.subjectKey.slice(-2), [s.likelihood, s.impact]]));
    expect(byCountry).toEqual({ US: [2, 5], XK: [3, 5] });
  });

  it("stays silent in the EU/EEA and adequate countries, and without personal data", () => {
    const eu = partner({
      country: "DE",
      services: [service({ dataCategories: ["personal_data"], dataLocations: ["JP"] })],
    });
    const noPersonal = partner({ country: "IN", services: [service({ dataCategories: ["financial"] })] });
    const countries = { DE: dp("eu_eea"), JP: dp("adequate"), IN: dp("not_adequate") };
    expect(rule.evaluate(facts({ partners: [eu, noPersonal], countries }), BOUNDS)).toEqual([]);
  });
});
