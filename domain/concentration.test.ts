import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyseDimension,
  ConcentrationQuery,
  concentrationFlags,
  hhi,
  hhiBand,
  scopeLabel,
  serviceWeight,
  sharesOf,
} from "./concentration.js";

const equal = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i}`, name: `K${i}`, weight: 1 }));
const SCOPE = "critical and important services";

describe("hhi", () => {
  it("is 10,000 for a monopoly, 5,000 for two equal carriers, 10,000/n for n equal ones, 0 for none", () => {
    expect(hhi([1])).toBe(10_000);
    expect(hhi([0.5, 0.5])).toBe(5_000);
    for (const n of [3, 4, 7, 40]) {
      expect(hhi(sharesOf(equal(n)).map((s) => s.share))).toBeCloseTo(10_000 / n, 6);
    }
    expect(hhi([])).toBe(0);
    expect(hhi([0.5, 0.25, 0.25])).toBe(3_750);
    expect(hhi([0.62, 0.38])).toBeCloseTo(62 ** 2 + 38 ** 2, 9);
  });

  it("lies within [10,000/n, 10,000] and shares sum to 1 for any positive weights", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
            weight: fc.double({ min: 0.001, max: 1_000, noNaN: true }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (raw) => {
          const shares = sharesOf(raw.map((r) => ({ ...r, name: r.key.toUpperCase() })));
          const n = shares.length;
          expect(n).toBe(new Set(raw.map((r) => r.key)).size);
          expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
          const index = hhi(shares.map((s) => s.share));
          expect(index).toBeGreaterThanOrEqual(10_000 / n - 1e-6);
          expect(index).toBeLessThanOrEqual(10_000 + 1e-6);
          for (let i = 1; i < n; i++) expect(shares[i - 1].weight).toBeGreaterThanOrEqual(shares[i].weight);
        },
      ),
    );
  });
});

describe("sharesOf", () => {
  it("sums weights and counts per key, ignores zero weights, sorts largest first then by key", () => {
    const shares = sharesOf([
      { key: "IN", name: "India", weight: 0.5, count: 1 },
      { key: "PH", name: "Philippines", weight: 1 },
      { key: "IN", name: "India", weight: 1.5, count: 2 },
      { key: "DE", name: "Germany", weight: 1 },
      { key: "FR", name: "France", weight: 0 },
    ]);
    expect(shares).toEqual([
      { key: "IN", name: "India", count: 3, weight: 2, share: 0.5 },
      { key: "DE", name: "Germany", count: 1, weight: 1, share: 0.25 },
      { key: "PH", name: "Philippines", count: 1, weight: 1, share: 0.25 },
    ]);
    expect(sharesOf([])).toEqual([]);
  });
});

describe("hhiBand", () => {
  it("follows the conventional bands: < 1,500, 1,500–2,500, > 2,500", () => {
    expect(hhiBand(0)).toBe("unconcentrated");
    expect(hhiBand(1_499.99)).toBe("unconcentrated");
    expect(hhiBand(1_500)).toBe("moderate");
    expect(hhiBand(2_500)).toBe("moderate");
    expect(hhiBand(2_500.01)).toBe("high");
    expect(hhiBand(10_000)).toBe("high");
  });
});

describe("concentrationFlags", () => {
  it("flags a carrier strictly above the threshold and an index above 2,500, with explanations", () => {
    const shares = sharesOf([
      { key: "IN", name: "India", weight: 62 },
      { key: "PH", name: "Philippines", weight: 38 },
    ]);
    const flags = concentrationFlags("country", shares, 0.4, SCOPE);
    expect(flags).toHaveLength(2);
    expect(flags[0]).toMatchObject({ dimension: "country", kind: "share", key: "IN", name: "India" });
    expect(flags[0].share).toBeCloseTo(0.62, 12);
    expect(flags[0].explanation).toBe(
      "India carries 62% of critical and important services (HHI 5,288 > 2,500)",
    );
    expect(flags[1]).toMatchObject({ kind: "index", key: null, share: null });
    expect(flags[1].hhi).toBeCloseTo(5_288, 9);
    expect(flags[1].explanation).toBe(
      "Critical and important services are highly concentrated across countries: HHI 5,288 > 2,500; the largest, India, carries 62%",
    );
  });

  it("does not flag a share equal to the threshold nor an index of exactly 2,500", () => {
    // Four equal carriers: shares 0.25 each, HHI 2,500.
    const four = sharesOf(equal(4));
    expect(concentrationFlags("partner", four, 0.25, SCOPE)).toEqual([]);
    const flags = concentrationFlags("partner", four, 0.2, SCOPE);
    expect(flags.map((f) => f.kind)).toEqual(["share", "share", "share", "share"]);
    expect(flags[0].explanation).toBe(
      "K0 carries 25% of critical and important services (above the 20% threshold)",
    );
  });

  it("flags the index alone when no carrier passes the threshold", () => {
    // 0.35, 0.35, 0.3 → HHI 1,225 + 1,225 + 900 = 3,350.
    const shares = sharesOf([
      { key: "a", name: "A", weight: 35 },
      { key: "b", name: "B", weight: 35 },
      { key: "c", name: "C", weight: 30 },
    ]);
    const flags = concentrationFlags("fourthParty", shares, 0.4, "critical services");
    expect(flags).toHaveLength(1);
    expect(flags[0].kind).toBe("index");
    expect(flags[0].explanation).toContain("across fourth parties: HHI 3,350 > 2,500");
  });

  it("flags exactly the carriers above any threshold (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, threshold) => {
          const shares = sharesOf(weights.map((w, i) => ({ key: `k${i}`, name: `K${i}`, weight: w })));
          const flags = concentrationFlags("partner", shares, threshold, SCOPE);
          const shareFlags = flags.filter((f) => f.kind === "share").map((f) => f.key);
          expect(shareFlags).toEqual(shares.filter((s) => s.share > threshold).map((s) => s.key));
          const index = hhi(shares.map((s) => s.share));
          expect(flags.some((f) => f.kind === "index")).toBe(index > 2_500);
        },
      ),
    );
  });
});

describe("analyseDimension", () => {
  it("gives null index and band when there is nothing to count", () => {
    expect(analyseDimension([])).toEqual({ hhi: null, band: null, carriers: 0, items: [], others: null });
  });
  it("rounds the index to 2 decimals and shares to 6", () => {
    const r = analyseDimension(sharesOf(equal(3)));
    expect(r.hhi).toBe(3_333.33);
    expect(r.band).toBe("high");
    expect(r.items[0]).toEqual({ key: "k0", name: "K0", count: 1, weight: 1, share: 0.333333 });
    expect(r.carriers).toBe(3);
    expect(r.others).toBeNull();
  });
  it("lists the largest `limit` carriers and sums the rest, keeping the index over all", () => {
    const r = analyseDimension(
      sharesOf([
        { key: "a", name: "A", weight: 5, count: 5 },
        { key: "b", name: "B", weight: 3, count: 3 },
        { key: "c", name: "C", weight: 2, count: 2 },
      ]),
      1,
    );
    expect(r.hhi).toBe(50 ** 2 + 30 ** 2 + 20 ** 2);
    expect(r.items.map((i) => i.key)).toEqual(["a"]);
    expect(r.others).toEqual({ carriers: 2, count: 5, weight: 5, share: 0.5 });
  });
});

describe("ConcentrationQuery", () => {
  it("defaults to critical and important services, threshold 0.4, count weighting, data locations", () => {
    expect(ConcentrationQuery.parse({})).toEqual({
      criticality: ["critical", "important"],
      threshold: 0.4,
      weighting: "count",
      by: "dataLocation",
      limit: 50,
    });
  });
  it("accepts a comma-separated or repeated criticality and rejects unknown values", () => {
    expect(ConcentrationQuery.parse({ criticality: "standard, critical,critical" }).criticality).toEqual([
      "standard",
      "critical",
    ]);
    expect(ConcentrationQuery.parse({ criticality: ["critical", "important"] }).criticality).toEqual([
      "critical",
      "important",
    ]);
    expect(ConcentrationQuery.safeParse({ criticality: "critical,urgent" }).success).toBe(false);
    expect(ConcentrationQuery.safeParse({ criticality: "," }).success).toBe(false);
  });
  it("accepts a threshold within 0..1 only", () => {
    expect(ConcentrationQuery.parse({ threshold: "0.25" }).threshold).toBe(0.25);
    for (const bad of ["1.5", "-0.1", "abc"]) {
      expect(ConcentrationQuery.safeParse({ threshold: bad }).success).toBe(false);
    }
  });
});

describe("serviceWeight and scopeLabel", () => {
  it("doubles critical services only under critical2x", () => {
    expect(serviceWeight("critical", "count")).toBe(1);
    expect(serviceWeight("critical", "critical2x")).toBe(2);
    expect(serviceWeight("important", "critical2x")).toBe(1);
  });
  it("names the scope in criticality order", () => {
    expect(scopeLabel(["important", "critical"])).toBe("critical and important services");
    expect(scopeLabel(["standard", "important", "critical"])).toBe(
      "critical, important and standard services",
    );
    expect(scopeLabel(["standard"])).toBe("standard services");
  });
});
