import { describe, expect, it } from "vitest";
import { BOUNDS, country, facts, partner, service, site, wgi } from "./fixtures.js";
import { weakRuleOfLaw as rule } from "./weak-rule-of-law.js";

const weakBoth = country({ governance: { ruleOfLaw: wgi(20), regulatoryQuality: wgi(30) } });
const strong = country({ governance: { ruleOfLaw: wgi(90), regulatoryQuality: wgi(90) } });

describe("weak_rule_of_law", () => {
  it("raises per partner and country where personal data is processed, both weak → likelihood 4", () => {
    const p = partner({ country: "NG", services: [service({ dataCategories: ["personal_data"] })] });
    const [s, ...rest] = rule.evaluate(facts({ partners: [p], countries: { NG: weakBoth } }), BOUNDS);
    expect(rest).toEqual([]);
    expect(s.subjectKey).toBe(`partner:${p.id}:country:NG`);
    expect([s.likelihood, s.impact]).toEqual([4, 4]);
    expect(s.explanation).toContain("processed at headquarters");
    expect(s.explanation).toContain("rule of law percentile 20.0 is below the bound 33");
    expect(s.explanation).toContain("regulatory quality percentile 30.0 is below the bound 33");
  });

  it("covers data locations and sites, and grades sensitive or health data impact 5", () => {
    const p = partner({
      country: "DE",
      sites: [site({ name: "Lagos hub", country: "NG", city: "Lagos" })],
      services: [service({ name: "Claims", dataCategories: ["health"], dataLocations: ["KE"] })],
    });
    const weakOne = country({ governance: { ruleOfLaw: wgi(20), regulatoryQuality: wgi(50) } });
    const out = rule.evaluate(
      facts({ partners: [p], countries: { DE: strong, NG: weakOne, KE: weakOne } }),
      BOUNDS,
    );
    expect(out.map((s) => s.subjectKey).sort()).toEqual(
      [`partner:${p.id}:country:KE`, `partner:${p.id}:country:NG`].sort(),
    );
    const ke = out.find((s) => s.subjectKey.endsWith("KE"));
    expect(ke?.explanation).toContain("'Claims' data stored there");
    expect(out.every((s) => s.likelihood === 3 && s.impact === 5)).toBe(true);
  });

  it("ignores services without personal data", () => {
    const p = partner({
      country: "NG",
      services: [service({ dataCategories: ["financial", "source_code"] })],
    });
    expect(rule.evaluate(facts({ partners: [p], countries: { NG: weakBoth } }), BOUNDS)).toEqual([]);
  });

  it("is strict at the bounds", () => {
    const p = partner({ country: "NG", services: [service({ dataCategories: ["personal_data"] })] });
    const at = country({ governance: { ruleOfLaw: wgi(33), regulatoryQuality: wgi(33) } });
    expect(rule.evaluate(facts({ partners: [p], countries: { NG: at } }), BOUNDS)).toEqual([]);
    const justBelow = country({ governance: { ruleOfLaw: wgi(50), regulatoryQuality: wgi(32.9) } });
    expect(rule.evaluate(facts({ partners: [p], countries: { NG: justBelow } }), BOUNDS)).toHaveLength(1);
  });
});
