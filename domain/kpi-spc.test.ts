import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countsOf, evaluateSeries, periodRange, reasonAt, ruleAt, statusAt } from "./kpi-series.js";
import { evaluateColumns, type RawPoint, type SeriesColumns, SPC_DEFAULTS, spcMethod } from "./kpi-spc.js";
import type { KpiThresholds, SeriesPoint } from "./kpis.js";

/** Thresholds far from the data, so only SPC can change an `ok`. */
const wide: KpiThresholds & { unit: string } = {
  direction: "higher_is_better",
  target: 95,
  warningThreshold: 90,
  breachThreshold: 80,
  unit: "%",
};
const wideLower: KpiThresholds & { unit: string } = {
  direction: "lower_is_better",
  target: 105,
  warningThreshold: 110,
  breachThreshold: 120,
  unit: "ms",
};

const series = (values: readonly number[]): RawPoint[] =>
  values.map((value, i) => ({ periodStart: `2026-01-01+${i}`, value }));
const alternating = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));

/** Seeded N(0,1) noise (Park–Miller generator, Irwin–Hall sum of 12 uniforms): reproducible. */
function gaussian(seed: number) {
  let s = seed;
  return () => {
    let u = 0;
    for (let k = 0; k < 12; k++) {
      s = (s * 16807) % 2147483647;
      u += s / 2147483647;
    }
    return u - 6;
  };
}
const noisy = (n: number, seed: number, mean = 99.8, sd = 0.1) => {
  const g = gaussian(seed);
  return Array.from({ length: n }, () => mean + sd * g());
};

describe("spcMethod", () => {
  it("states the method with its parameters", () => {
    const m = spcMethod();
    expect(m).toContain("up to 20 points");
    expect(m).toContain("fewer than 8 earlier points");
    expect(m).toContain("/ 1.128");
    expect(m).toContain("0.2·value + 0.8·previous z");
    expect(m).toContain("Western Electric");
    expect(spcMethod({ ...SPC_DEFAULTS, window: 30, lambda: 0.1 })).toContain("0.1·value + 0.9·previous z");
  });
});

describe("evaluateSeries: baseline and limits", () => {
  const values = [10, 12, 11, 13, 12, 10, 11, 12, 11.5, 12.5];
  const t = { ...wide, target: 9, warningThreshold: 5, breachThreshold: 1 };

  it("gives no SPC verdict while fewer than minHistory earlier points exist", () => {
    const out = evaluateSeries(t, series(values));
    for (const p of out.slice(0, 8)) {
      expect(p).toMatchObject({
        center: null,
        lowerControlLimit: null,
        ewma: null,
        spcRule: null,
        status: "ok",
      });
    }
    expect(out[8].center).not.toBeNull();
  });

  it("uses the mean and average moving range / 1.128 of the earlier points, EWMA from the first mean", () => {
    const out = evaluateSeries(t, series(values));
    const mu = 91 / 8;
    const sigma = 10 / 7 / 1.128; // moving ranges 2,1,2,1,2,1,1
    const p8 = out[8];
    expect(p8.center).toBeCloseTo(mu, 12);
    expect(p8.lowerControlLimit).toBeCloseTo(mu - 3 * sigma, 12);
    expect(p8.upperControlLimit).toBeCloseTo(mu + 3 * sigma, 12);
    expect(p8.ewma).toBeCloseTo(0.2 * 11.5 + 0.8 * mu, 12);
    const half = 3 * sigma * Math.sqrt(0.2 / 1.8);
    expect(p8.ewmaLowerLimit).toBeCloseTo(mu - half, 12);
    expect(p8.ewmaUpperLimit).toBeCloseTo(mu + half, 12);
    // The next point: baseline of 9 points, EWMA continues from the previous z.
    expect(out[9].center).toBeCloseTo((91 + 11.5) / 9, 12);
    expect(out[9].ewma).toBeCloseTo(0.2 * 12.5 + 0.8 * (p8.ewma ?? 0), 12);
  });

  it("matches a naive re-scan of the last `window` points everywhere (rolling sums stay exact enough)", () => {
    // A large offset makes cancellation in rolling sums visible if they drifted.
    const v = noisy(2_000, 11, 1_000_000, 3);
    const out = evaluateSeries({ ...wide, target: 0, warningThreshold: 0, breachThreshold: 0 }, series(v));
    for (let i = 8; i < v.length; i++) {
      const base = v.slice(Math.max(0, i - 20), i);
      const mu = base.reduce((a, b) => a + b, 0) / base.length;
      let mr = 0;
      for (let k = 1; k < base.length; k++) mr += Math.abs(base[k] - base[k - 1]);
      const sigma = mr / (base.length - 1) / 1.128;
      expect(Math.abs((out[i].center ?? 0) - mu)).toBeLessThan(1e-6);
      expect(Math.abs((out[i].upperControlLimit ?? 0) - (mu + 3 * sigma))).toBeLessThan(1e-6);
    }
  });

  it("fills the value, note and threshold fields of every point", () => {
    const out = evaluateSeries(wide, [
      { periodStart: "2026-01-05", value: 85, note: "outage" },
      { periodStart: "2026-01-12", value: 70 },
    ]);
    expect(out).toMatchObject([
      {
        periodStart: "2026-01-05",
        value: 85,
        note: "outage",
        status: "warning",
        thresholdStatus: "warning",
        reason: "85 % is below the warning threshold 90 %",
      },
      { note: null, status: "breach", reason: "70 % is below the breach threshold 80 %" },
    ]);
    expect(evaluateSeries(wide, [])).toEqual([]);
  });
});

describe("evaluateSeries: rules", () => {
  it("a stable noisy series raises no anomaly", () => {
    const out = evaluateSeries(wide, series(noisy(60, 42)));
    expect(out.filter((p) => p.spcRule !== null)).toEqual([]);
    expect(out.every((p) => p.status === "ok")).toBe(true);
  });

  it("false alarms on pure noise stay rare (combined Western Electric rules: about 1 %)", () => {
    const out = evaluateSeries(wide, series(noisy(20_000, 7)));
    const rate = out.filter((p) => p.status === "anomaly").length / out.length;
    expect(rate).toBeLessThan(0.025);
  });

  it("flags a 1.5σ adverse step shift before the value reaches the warning threshold", () => {
    // σ 0.1 around 99.8; the warning threshold 99 lies 8σ below, so thresholds stay silent.
    const t = { ...wide, target: 99.5, warningThreshold: 99, breachThreshold: 98 };
    const v = noisy(45, 3).map((x, i) => (i >= 30 ? x - 0.15 : x));
    const out = evaluateSeries(t, series(v));
    expect(out.slice(0, 30).some((p) => p.spcRule)).toBe(false);
    expect(out.every((p) => p.thresholdStatus === "ok")).toBe(true);
    const flagged = out.slice(30).filter((p) => p.status === "anomaly");
    expect(flagged.length).toBeGreaterThan(0);
    expect(["ewma", "we1", "we2", "we3", "we4"]).toContain(flagged[0].spcRule);
    expect(flagged[0].reason).toMatch(/below/);
  });

  it("does not flag the same shift in the good direction", () => {
    const t = { ...wide, target: 99.5, warningThreshold: 99, breachThreshold: 98 };
    const v = noisy(45, 3).map((x, i) => (i >= 30 ? x + 0.15 : x));
    expect(evaluateSeries(t, series(v)).some((p) => p.spcRule)).toBe(false);
    // Even a large improvement is no anomaly.
    const big = noisy(45, 3).map((x, i) => (i >= 30 ? x + 1 : x));
    expect(evaluateSeries(t, series(big)).some((p) => p.spcRule)).toBe(false);
  });

  it("mirrors for lower-is-better: an upward shift is flagged, a downward one is not", () => {
    const up = noisy(45, 5, 100, 1).map((x, i) => (i >= 30 ? x + 1.5 : x));
    const down = noisy(45, 5, 100, 1).map((x, i) => (i >= 30 ? x - 1.5 : x));
    const flagged = evaluateSeries(wideLower, series(up))
      .slice(30)
      .filter((p) => p.spcRule);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0].reason).toMatch(/above/);
    // (Point 11 of this seed is a false alarm on a young baseline: only the shift matters here.)
    expect(evaluateSeries(wideLower, series(down)).some((p, i) => i >= 30 && p.spcRule)).toBe(false);
  });

  it("rule 1: one point beyond 3σ on the adverse side, explained", () => {
    const out = evaluateSeries(wide, series([...alternating(20, 100, 100.2), 99.2, 100]));
    expect(out[20]).toMatchObject({ status: "anomaly", spcRule: "we1", thresholdStatus: "ok" });
    expect(out[20].reason).toBe(
      "Western Electric rule 1: 99.2 % is more than 3σ below the mean 100.1 % (lower control limit 99.57 %, σ 0.18 % from the 20 earlier points)",
    );
    const good = evaluateSeries(wide, series([...alternating(20, 100, 100.2), 101]));
    expect(good[20]).toMatchObject({ status: "ok", spcRule: null, reason: null });
  });

  it("rule 1 for lower-is-better says 'above' and names the upper limit", () => {
    const out = evaluateSeries(wideLower, series([...alternating(20, 100, 100.2), 101]));
    expect(out[20].spcRule).toBe("we1");
    expect(out[20].reason).toMatch(
      /^Western Electric rule 1: 101 ms is more than 3σ above the mean 100.1 ms \(upper control limit 100.63 ms/,
    );
  });

  it("rule 4: 8 points in a row below the mean, none of them far", () => {
    const out = evaluateSeries(wide, series([...alternating(20, 100, 100.2), ...alternating(10, 99.9, 100)]));
    expect(out.slice(20, 27).some((p) => p.spcRule)).toBe(false);
    expect(out[27]).toMatchObject({ status: "anomaly", spcRule: "we4" });
    expect(out[27].reason).toMatch(/^Western Electric rule 4: 8 points in a row below the mean 100.05 %/);
  });

  it("rule 2: 2 of the last 3 beyond 2σ, the current point among them", () => {
    // σ ≈ 0.18 around 100.1: 99.6 is 2.8σ below; the second 99.6 is 2.2σ below the moved baseline.
    const out = evaluateSeries(wide, series([...alternating(20, 100, 100.2), 99.6, 100.2, 99.6, 100.2]));
    expect(out[20].spcRule).toBeNull();
    expect(out[22]).toMatchObject({ spcRule: "we2", status: "anomaly" });
    expect(out[22].reason).toMatch(
      /^Western Electric rule 2: 2 of the last 3 points more than 2σ below the mean/,
    );
    expect(out[23].spcRule).toBeNull(); // an unremarkable point is not flagged for its predecessors
  });

  it("keeps a warning/breach status and reason but still records the rule", () => {
    const t = { ...wide, target: 100, warningThreshold: 99.5, breachThreshold: 95 };
    const out = evaluateSeries(t, series([...alternating(20, 100, 100.2), 99.2]));
    expect(out[20]).toMatchObject({
      status: "warning",
      thresholdStatus: "warning",
      spcRule: "we1",
      reason: "99.2 % is below the warning threshold 99.5 %",
    });
  });

  it("a perfectly flat history gives no verdict for one change, and flags it when it persists", () => {
    const out = evaluateSeries(wide, series([...Array(20).fill(100), 99.9, 99.9]));
    expect(out[20]).toMatchObject({ status: "ok", spcRule: null, center: 100, lowerControlLimit: 100 });
    expect(out[21]).toMatchObject({ status: "anomaly", spcRule: "we1" });
    // Rounding dust in a flat history of binary-inexact values is still "no variation".
    const dusty = evaluateSeries(wide, series([...Array(45).fill(0.1 + 0.2), 0.3]));
    expect(dusty.some((p) => p.spcRule)).toBe(false);
  });
});

describe("evaluateSeries: causality and determinism", () => {
  it("evaluating a prefix gives exactly the prefix of the full evaluation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1_000, max: 1_000, noNaN: true }), { minLength: 1, maxLength: 90 }),
        fc.nat(),
        fc.constantFrom<KpiThresholds["direction"]>("higher_is_better", "lower_is_better"),
        (values, cut, direction) => {
          const t = { direction, target: 0, warningThreshold: 0, breachThreshold: 0, unit: "u" };
          const full = evaluateSeries(t, series(values));
          const k = 1 + (cut % values.length);
          expect(evaluateSeries(t, series(values.slice(0, k)))).toEqual(full.slice(0, k));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("100,000 points: same answer twice, same prefix, in order", () => {
    const g = gaussian(99);
    const values = Array.from({ length: 100_000 }, (_, i) => 99.8 + 0.2 * g() - (1.5 * i) / 100_000);
    const t = { ...wide, target: 99.5, warningThreshold: 99, breachThreshold: 98.5 };
    const a = evaluateSeries(t, series(values));
    const b = evaluateSeries(t, series(values));
    expect(a.length).toBe(100_000);
    // Serialized comparison: deep equality of 100,000 objects is slow and says no more.
    const json = JSON.stringify(a);
    expect(JSON.stringify(b)).toBe(json);
    const prefix = evaluateSeries(t, series(values.slice(0, 54_321)));
    expect(JSON.stringify(prefix)).toBe(JSON.stringify(a.slice(0, 54_321)));
    expect(a.every((p, i) => p.value === values[i] && p.periodStart === `2026-01-01+${i}`)).toBe(true);
    // The drift crosses the thresholds: every status occurs.
    expect(new Set(a.map((p) => p.status))).toEqual(new Set(["ok", "anomaly", "warning", "breach"]));
  }, 60_000);
});

/** The columns read back as the API's points, independently of the presenter (NaN reads null). */
function fromColumns(c: SeriesColumns, raw: readonly RawPoint[]): SeriesPoint[] {
  const num = (col: Float64Array, i: number) => (Number.isNaN(col[i]) ? null : col[i]);
  return raw.map((r, i) => ({
    periodStart: r.periodStart,
    value: c.value[i],
    note: r.note ?? null,
    status: statusAt(c, i),
    reason: reasonAt(c, i),
    thresholdStatus: (["ok", "warning", "breach"] as const)[c.level[i]],
    spcRule: ruleAt(c, i),
    center: num(c.center, i),
    lowerControlLimit: num(c.lowerControlLimit, i),
    upperControlLimit: num(c.upperControlLimit, i),
    ewma: num(c.ewma, i),
    ewmaLowerLimit: num(c.ewmaLowerLimit, i),
    ewmaUpperLimit: num(c.ewmaUpperLimit, i),
  }));
}

describe("evaluateColumns: the columnar evaluation behind evaluateSeries", () => {
  // A step shift on a coarse grid (values repeat: flat baselines, runs, every rule and status
  // occur), or arbitrary doubles.
  const shifted = fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 60 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }),
      fc.integer({ min: -4, max: 4 }),
    )
    .map(([before, after, step]) => [...before, ...after.map((v) => v + step)].map((v) => 10 + v / 2));
  const arbitrarySeries = fc.record({
    values: fc.oneof(
      shifted,
      fc.array(fc.double({ min: -1_000, max: 1_000, noNaN: true }), { maxLength: 120 }),
    ),
    direction: fc.constantFrom<KpiThresholds["direction"]>("higher_is_better", "lower_is_better"),
    warning: fc.integer({ min: 0, max: 20 }),
    gap: fc.integer({ min: 0, max: 10 }),
    unit: fc.constantFrom("", "%", "ms"),
  });
  const thresholdsOf = (a: {
    direction: KpiThresholds["direction"];
    warning: number;
    gap: number;
    unit: string;
  }) => {
    const breach = a.direction === "higher_is_better" ? a.warning - a.gap : a.warning + a.gap;
    return {
      direction: a.direction,
      target: a.warning,
      warningThreshold: a.warning,
      breachThreshold: breach,
      unit: a.unit,
    };
  };

  it("evaluateSeries equals the materialised columns, reasons included", () => {
    fc.assert(
      fc.property(arbitrarySeries, (a) => {
        const t = thresholdsOf(a);
        const raw = series(a.values);
        const out = evaluateSeries(t, raw);
        expect(out).toEqual(fromColumns(evaluateColumns(t, raw), raw));
        const c = evaluateColumns(t, raw);
        for (let i = 0; i < raw.length; i++) expect(reasonAt(c, i)).toBe(out[i].reason);
      }),
      { numRuns: 300 },
    );
  });

  it("a slice materialises exactly those points of the full evaluation", () => {
    fc.assert(
      fc.property(arbitrarySeries, fc.nat(), fc.nat(), (a, x, y) => {
        const t = thresholdsOf(a);
        const raw = series(a.values);
        const from = x % (raw.length + 1);
        const to = from + (y % (raw.length - from + 1));
        expect(evaluateSeries(t, raw, SPC_DEFAULTS, { from, to })).toEqual(
          evaluateSeries(t, raw).slice(from, to),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("counts statuses, and finds a date range by binary search", () => {
    const raw = [85, 70, 95, 96, 75].map((value, i) => ({ periodStart: `2026-01-0${i + 1}`, value }));
    const c = evaluateColumns(wide, raw);
    expect(countsOf(c)).toEqual({ ok: 2, warning: 1, breach: 2, anomaly: 0 });
    expect(countsOf(c, 1, 3)).toEqual({ ok: 1, warning: 0, breach: 1, anomaly: 0 });
    expect(periodRange(raw, "2026-01-02", "2026-01-04")).toEqual({ from: 1, to: 4 });
    expect(periodRange(raw, "2026-01-01T", undefined)).toEqual({ from: 1, to: 5 });
    expect(periodRange(raw, undefined, "2025-12-31")).toEqual({ from: 0, to: 0 });
    expect(periodRange(raw, "2026-02-01", "2026-01-01")).toEqual({ from: 5, to: 5 });
  });

  it("words an anomaly's rule on demand, with the counts the rule names", () => {
    const raw = series([...alternating(20, 100, 100.2), ...alternating(10, 99.9, 100)]);
    const c = evaluateColumns(wide, raw);
    expect([statusAt(c, 27), ruleAt(c, 27)]).toEqual(["anomaly", "we4"]);
    expect(reasonAt(c, 27)).toMatch(/^Western Electric rule 4: 8 points in a row below/);
    expect(reasonAt(c, 0)).toBeNull();
    expect(c.firstVerdict).toBe(8);
    expect(Number.isNaN(c.center[7]) && !Number.isNaN(c.center[8])).toBe(true);
  });
});
