import { describe, expect, it } from "vitest";
import { BOUNDS, country, facts, partner, service, site, wgi } from "./fixtures.js";
import { lowPoliticalStability as rule } from "./low-political-stability.js";

const unstable = { PK: country({ governance: { politicalStability: wgi(9) } }) };

describe("low_political_stability", () => {
  it("raises one signal per partner country with a critical service, naming facts and sources", () => {
    const p = partner({
      country: "PK",
      sites: [site({ name: "Lahore office", country: "PK", city: "Lahore" })],
      services: [service({ name: "Payroll", criticality: "critical" })],
    });
    const [s, ...rest] = rule.evaluate(facts({ partners: [p], countries: unstable }), BOUNDS);
    expect(rest).toEqual([]);
    expect(s.subjectKey).toBe(`partner:${p.id}:country:PK`);
    expect(s.partnerId).toBe(p.id);
    expect([s.likelihood, s.impact]).toEqual([4, 5]);
    expect(s.explanation).toBe(
      "Acme Ltd (partner) has its headquarters and site 'Lahore office' (Lahore) in Pakistan (PK); " +
        "World Bank WGI 2019 (bundled wgi-2015-2019.csv) political stability percentile 9.0 is below the bound 25; " +
        "it serves 'Payroll' (critical).",
    );
    expect(s.facts).toContainEqual({
      label: "Political stability percentile, Pakistan (PK)",
      value: "9.0 (2019)",
      source: "World Bank WGI 2019 (bundled wgi-2015-2019.csv)",
    });
  });

  it("grades an important service impact 4 and a percentile from 10 up likelihood 3", () => {
    const p = partner({ country: "PK", services: [service({ criticality: "important" })] });
    const countries = { PK: country({ governance: { politicalStability: wgi(10) } }) };
    const [s] = rule.evaluate(facts({ partners: [p], countries }), BOUNDS);
    expect([s.likelihood, s.impact]).toEqual([3, 4]);
  });

  it("looks at site countries too", () => {
    const p = partner({ country: "DE", sites: [site({ country: "PK" })], services: [service()] });
    const out = rule.evaluate(facts({ partners: [p], countries: { ...unstable, DE: country() } }), BOUNDS);
    expect(out.map((s) => s.subjectKey)).toEqual([`partner:${p.id}:country:PK`]);
  });

  it("stays silent for standard services only, or no services", () => {
    const std = partner({ country: "PK", services: [service({ criticality: "standard" })] });
    const none = partner({ country: "PK" });
    expect(rule.evaluate(facts({ partners: [std, none], countries: unstable }), BOUNDS)).toEqual([]);
  });

  it("is strict at the bound: a percentile equal to it is not below it", () => {
    const p = partner({ country: "PK", services: [service()] });
    const at = { PK: country({ governance: { politicalStability: wgi(25) } }) };
    const below = { PK: country({ governance: { politicalStability: wgi(24.9) } }) };
    expect(rule.evaluate(facts({ partners: [p], countries: at }), BOUNDS)).toEqual([]);
    expect(rule.evaluate(facts({ partners: [p], countries: below }), BOUNDS)).toHaveLength(1);
  });

  it("stays silent when the country has no figure, and follows the organization's bound", () => {
    const p = partner({ country: "PK", services: [service()] });
    expect(rule.evaluate(facts({ partners: [p], countries: { PK: country() } }), BOUNDS)).toEqual([]);
    expect(
      rule.evaluate(facts({ partners: [p], countries: unstable }), { ...BOUNDS, politicalStabilityBelow: 5 }),
    ).toEqual([]);
  });
});
