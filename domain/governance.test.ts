import fc from "fast-check";
import isoCountries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { countryRegion, countryTimeZones, isCountryCode } from "./countries.js";
import {
  assessRisk,
  DEFAULT_RISK_SETTINGS,
  INDICATORS,
  type Indicator,
  type PercentileInput,
  RiskSettings,
  wbCodeToIso2,
} from "./governance.js";

const a3 = (c: string) => isoCountries.alpha3ToAlpha2(c);
const all = (p: number, year = 2019): PercentileInput[] =>
  INDICATORS.map((indicator) => ({ indicator, percentile: p, year }));
const withDim = (base: number, indicator: Indicator, p: number) =>
  all(base).map((i) => (i.indicator === indicator ? { ...i, percentile: p } : i));

describe("World Bank code → ISO 3166-1 alpha-2", () => {
  it.each([
    ["ROM", "RO"],
    ["ZAR", "CD"],
    ["ADO", "AD"],
    ["TMP", "TL"],
    ["WBG", "PS"],
    ["KSV", "XK"],
  ])("maps the documented exception %s to %s", (wb, iso) => {
    expect(wbCodeToIso2(wb, a3)).toBe(iso);
  });

  it("maps ordinary ISO alpha-3 codes, case-insensitively", () => {
    expect(wbCodeToIso2("IND", a3)).toBe("IN");
    expect(wbCodeToIso2("deu", a3)).toBe("DE");
    expect(wbCodeToIso2(" USA ", a3)).toBe("US");
  });

  it("refuses aggregates, withdrawn codes and junk", () => {
    for (const code of ["WLD", "ANT", "XXX", "", "IN", "INDI", "R0M"])
      expect(wbCodeToIso2(code, a3)).toBeNull();
  });

  it("accepts Kosovo's user-assigned XK as a country code and knows its time zone and region", () => {
    expect(isCountryCode("XK")).toBe(true);
    expect(countryTimeZones("XK")).toEqual(["Europe/Belgrade"]);
    expect(countryRegion("XK")).toBe("Europe");
  });

  it("derives regions, with the pinned exceptions", () => {
    expect(countryRegion("IN")).toBe("Asia");
    expect(countryRegion("RU")).toBe("Europe");
    expect(countryRegion("ES")).toBe("Europe");
    expect(countryRegion("AU")).toBe("Oceania");
    expect(countryRegion("BR")).toBe("Americas");
    expect(countryRegion("KE")).toBe("Africa");
    expect(countryRegion("RE")).toBe("Africa");
  });
});

describe("risk level", () => {
  it.each([
    [90, "low"],
    [67, "low"],
    [66.9, "medium"],
    [45, "medium"],
    [44.9, "high"],
    [25, "high"],
    [24.9, "very_high"],
    [10, "very_high"],
  ])("a country at percentile %d everywhere is %s", (p, level) => {
    expect(assessRisk(all(p)).level).toBe(level);
  });

  it("weights the dimensions as documented (political stability 30%)", () => {
    // 0.3·0 + 0.7·100 = 70 → low; without the 10th-percentile floor rule this would stay low.
    const r = assessRisk(withDim(100, "PoliticalStability", 0), {
      ...DEFAULT_RISK_SETTINGS,
      floorPercentile: 0,
    });
    expect(r.score).toBe(70);
    expect(r.level).toBe("low");
    // Voice & accountability weighs only 10%: 0.1·0 + 0.9·100 = 90.
    expect(
      assessRisk(withDim(100, "VoiceandAccountability", 0), { ...DEFAULT_RISK_SETTINGS, floorPercentile: 0 })
        .score,
    ).toBe(90);
  });

  it("never shows a figure rounded across the threshold that decided the level", () => {
    // 0.3·66.96 + 0.7·66.96 = 66.96 → medium (below 67); shown truncated.
    const r = assessRisk(all(66.96));
    expect(r).toMatchObject({ level: "medium", score: 66.9 });
    expect(r.explanation[0]).toBe("weighted percentile 66.9 (2019) → medium");
    expect(assessRisk(withDim(80, "RuleofLaw", 9.97)).explanation).toContain(
      "rule of law percentile 9 (2019) → high",
    );
  });

  it("raises the level to at least high when one dimension is below the 10th percentile, and says why", () => {
    const r = assessRisk(withDim(80, "PoliticalStability", 9.4));
    expect(r.level).toBe("high");
    expect(r.explanation).toContain("political stability percentile 9 (2019) → high");
  });

  it("does not lower a very high level through the floor rule", () => {
    const r = assessRisk(withDim(15, "RuleofLaw", 3));
    expect(r.level).toBe("very_high");
    expect(r.explanation).toContain("rule of law percentile 3 (2019) → very high");
  });

  it("names the two weakest dimensions when no floor rule fires", () => {
    // 0.2·40 + 0.2·50 + 0.6·80 = 66
    const r = assessRisk(
      withDim(80, "ControlofCorruption", 40).map((i) =>
        i.indicator === "RuleofLaw" ? { ...i, percentile: 50 } : i,
      ),
    );
    expect(r.explanation[0]).toMatch(/^weighted percentile 66 \(2019\) → medium$/);
    expect(r.explanation.slice(1)).toEqual([
      "weakest: control of corruption percentile 40 (2019)",
      "weakest: rule of law percentile 50 (2019)",
    ]);
  });

  it("leaves missing dimensions out and re-normalises the weights", () => {
    const inputs = all(50).map((i) =>
      i.indicator === "PoliticalStability" ? { ...i, percentile: null } : i,
    );
    const r = assessRisk(inputs);
    expect(r.score).toBe(50);
    expect(r.explanation.at(-1)).toBe("no figure for political stability; left out of the weighting");
  });

  it("has no level without figures", () => {
    expect(assessRisk([])).toEqual({ level: null, score: null, explanation: ["no governance figures"] });
  });

  it("never ranks a country with uniformly better percentiles as riskier (property)", () => {
    const order = ["low", "medium", "high", "very_high"];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (ps, bump) => {
          const worse = INDICATORS.map((indicator, k) => ({ indicator, percentile: ps[k], year: 2019 }));
          const better = worse.map((i) => ({ ...i, percentile: Math.min(100, i.percentile + bump) }));
          const lw = assessRisk(worse).level as string;
          const lb = assessRisk(better).level as string;
          expect(order.indexOf(lb)).toBeLessThanOrEqual(order.indexOf(lw));
        },
      ),
    );
  });
});

describe("risk settings", () => {
  it("accepts the defaults", () => {
    expect(RiskSettings.safeParse(DEFAULT_RISK_SETTINGS).success).toBe(true);
  });
  it("refuses weights that do not sum to 1, and non-decreasing thresholds", () => {
    const bad = RiskSettings.safeParse({
      ...DEFAULT_RISK_SETTINGS,
      weights: { ...DEFAULT_RISK_SETTINGS.weights, PoliticalStability: 0.5 },
      thresholds: { low: 40, medium: 45, high: 25 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["weights", "thresholds"]);
  });
});
