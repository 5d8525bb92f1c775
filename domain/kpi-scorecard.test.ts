import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  overallScore,
  roundTo,
  type ScorecardKpiInput,
  scorecardLine,
  serviceCreditDue,
} from "./kpi-scorecard.js";
import type { MeasurementStatus, ScorecardKpi, SeriesPoint } from "./kpis.js";

const kpi: ScorecardKpiInput = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "Availability",
  unit: "%",
  direction: "higher_is_better",
  target: 99.5,
  warningThreshold: 99,
  breachThreshold: 98,
  period: "weekly",
  weight: 2,
  serviceCredit: null,
  currency: "EUR",
  contract: { id: "00000000-0000-4000-8000-0000000000c1", title: "Hosting" },
};

/** An evaluated point (only what the scorecard reads matters). */
const point = (
  periodStart: string,
  value: number,
  status: MeasurementStatus = "ok",
  reason: string | null = null,
) =>
  ({
    periodStart,
    value,
    note: null,
    status,
    reason,
    thresholdStatus: status === "anomaly" ? "ok" : status,
    spcRule: status === "anomaly" ? "we1" : null,
    center: null,
    lowerControlLimit: null,
    upperControlLimit: null,
    ewma: null,
    ewmaLowerLimit: null,
    ewmaUpperLimit: null,
  }) satisfies SeriesPoint;

const line = (attainment: number | null, weight: number): ScorecardKpi => ({
  ...scorecardLine({ ...kpi, weight }, []),
  attainment,
});

describe("roundTo", () => {
  it("rounds half away from zero in decimal", () => {
    expect(roundTo(90.25, 1)).toBe(90.3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(66.66666, 1)).toBe(66.7);
    expect(roundTo(1e-7, 1)).toBe(0);
  });
});

describe("scorecardLine", () => {
  const points = [
    point("2026-10-05", 99.7),
    point("2026-10-12", 99.5), // exactly the target: met
    point("2026-10-19", 98.5, "warning", "98.5 % is below the warning threshold 99 %"),
    point("2026-10-26", 97, "breach", "97 % is below the breach threshold 98 %"),
    point("2026-11-02", 99.4, "anomaly", "Western Electric rule 1: …"),
    point("2026-11-09", 97.5, "breach", "97.5 % is below the breach threshold 98 %"),
  ];

  it("counts measured points, attainment, and statuses; copies the KPI and contract", () => {
    const l = scorecardLine(kpi, points);
    expect(l.kpi).toEqual({
      id: kpi.id,
      name: "Availability",
      unit: "%",
      direction: "higher_is_better",
      target: 99.5,
      period: "weekly",
      weight: 2,
    });
    expect(l.contract).toEqual(kpi.contract);
    expect(l).toMatchObject({ measured: 6, attainment: 33.3, breaches: 2, warnings: 1, anomalies: 1 });
    expect(l.latest).toEqual({
      periodStart: "2026-11-09",
      value: 97.5,
      status: "breach",
      reason: "97.5 % is below the breach threshold 98 %",
    });
    expect(l.serviceCredit).toBeNull();
  });

  it("with no points: nothing measured, no attainment, no latest, insufficient data", () => {
    const l = scorecardLine(kpi, []);
    expect(l).toMatchObject({
      measured: 0,
      attainment: null,
      breaches: 0,
      latest: null,
      trend: "insufficient_data",
    });
    expect(l.trendExplanation).toBe("0 measurements in the range: a trend needs at least 3");
  });

  it("lower-is-better attainment counts values at or below the target", () => {
    const t = {
      ...kpi,
      direction: "lower_is_better" as const,
      target: 200,
      warningThreshold: 250,
      breachThreshold: 300,
    };
    const l = scorecardLine(t, [
      point("2026-10-05", 200),
      point("2026-10-12", 150),
      point("2026-10-19", 210),
    ]);
    expect(l.attainment).toBe(66.7);
  });

  it("trend: improving, worsening, stable by the 5 % share of the target–breach gap", () => {
    const values = (vs: number[]) => vs.map((v, i) => point(`2026-10-${String(i + 1).padStart(2, "0")}`, v));
    // Gap 1.5 %: stable below 0.075 % of change across the range (|slope × n|).
    const up = scorecardLine(kpi, values([98.5, 98.8, 99.1, 99.4]));
    expect(up.trend).toBe("improving");
    expect(up.trendExplanation).toBe(
      "Least-squares slope +0.3 % per week over 4 weeks (+1.2 % across the range): at least 5 % of the 1.5 % gap between target and breach threshold, improving (higher is better)",
    );
    expect(scorecardLine(kpi, values([99.4, 99.1, 98.8])).trend).toBe("worsening");
    const flat = scorecardLine(kpi, values([99.5, 99.52, 99.5, 99.52]));
    expect(flat.trend).toBe("stable"); // slope 0.006 × 4 = 0.024 < 0.075
    expect(flat.trendExplanation).toMatch(
      /: less than 5 % of the 1.5 % gap between target and breach threshold, stable$/,
    );
    expect(scorecardLine(kpi, values([99.5, 99.5, 99.5])).trend).toBe("stable");
    expect(scorecardLine(kpi, values([99.5, 99.5])).trend).toBe("insufficient_data");
    const lower = {
      ...kpi,
      direction: "lower_is_better" as const,
      target: 200,
      warningThreshold: 250,
      breachThreshold: 300,
    };
    expect(scorecardLine(lower, values([300, 250, 200])).trend).toBe("improving");
    expect(scorecardLine(lower, values([200, 250, 300])).trend).toBe("worsening");
  });

  it("trend: a noisy but steady KPI is stable, the same slope with little noise is not", () => {
    const values = (vs: number[]) => vs.map((v, i) => point(`2026-10-${String(i + 1).padStart(2, "0")}`, v));
    // Slope −0.05 per week over 6 weeks (−0.3 across the range, well above 5 % of the gap), but
    // the points swing ±0.4 around the line: t ≈ 0.4.
    const noisy = scorecardLine(kpi, values([99.6, 98.8, 99.5, 98.9, 99.4, 98.9]));
    expect(noisy.trend).toBe("stable");
    expect(noisy.trendExplanation).toMatch(
      /, but t = [\d.]+ < 2: not told apart from the ups and downs around it, stable$/,
    );
    const clean = scorecardLine(kpi, values([99.6, 99.54, 99.5, 99.44, 99.41, 99.35]));
    expect(clean.trend).toBe("worsening");
  });

  it("computes service credits when the KPI has them", () => {
    const withCredit = {
      ...kpi,
      serviceCredit: { percentPerBreach: 5, capPercent: 20, monthlyFee: 10_000 },
    };
    const l = scorecardLine(withCredit, points);
    expect(l.serviceCredit).toEqual({
      amount: 1_000,
      currency: "EUR",
      explanation:
        "2026-10: 1 breach × 5 % = 5 % (cap 20 %) of 10,000.00 EUR = 500.00 EUR; 2026-11: 1 breach × 5 % = 5 % (cap 20 %) of 10,000.00 EUR = 500.00 EUR; total 1,000.00 EUR",
    });
  });
});

describe("serviceCreditDue", () => {
  const sc = { percentPerBreach: 5, capPercent: 20, monthlyFee: 10_000 };
  const breach = (d: string) => point(d, 90, "breach");

  it("per month min(cap, breaches × percent) of the fee, summed", () => {
    const r = serviceCreditDue(
      sc,
      [breach("2026-10-05"), breach("2026-10-12"), point("2026-10-19", 99)],
      "EUR",
    );
    expect(r).toEqual({
      amount: 1_000,
      currency: "EUR",
      explanation:
        "2026-10: 2 breaches × 5 % = 10 % (cap 20 %) of 10,000.00 EUR = 1,000.00 EUR; total 1,000.00 EUR",
    });
  });

  it("caps a month at capPercent and keeps months apart", () => {
    const days = ["01", "02", "03", "04", "05"];
    const r = serviceCreditDue(sc, [...days.map((d) => breach(`2026-11-${d}`)), breach("2026-12-01")], "EUR");
    expect(r.amount).toBe(2_500); // 20 % capped + 5 %
    expect(r.explanation).toBe(
      "2026-11: 5 breaches × 5 % = 25 %, capped at 20 % of 10,000.00 EUR = 2,000.00 EUR; 2026-12: 1 breach × 5 % = 5 % (cap 20 %) of 10,000.00 EUR = 500.00 EUR; total 2,500.00 EUR",
    );
  });

  it("counts only breaches (not warnings or anomalies) and rounds to the cent", () => {
    const odd = { percentPerBreach: 0.1, capPercent: 1, monthlyFee: 1234.56 };
    const r = serviceCreditDue(
      odd,
      [
        breach("2026-10-01"),
        breach("2026-10-02"),
        breach("2026-10-03"),
        point("2026-10-04", 1, "warning"),
        point("2026-10-05", 1, "anomaly"),
      ],
      null,
    );
    // 3 × 0.1 % = 0.3 % of 1,234.56 = 3.70368 → 3.70
    expect(r).toEqual({
      amount: 3.7,
      currency: null,
      explanation: "2026-10: 3 breaches × 0.1 % = 0.3 % (cap 1 %) of 1,234.56 = 3.70; total 3.70",
    });
  });

  it("no breaches: nothing due", () => {
    expect(serviceCreditDue(sc, [point("2026-10-05", 99.9)], "EUR")).toEqual({
      amount: 0,
      currency: "EUR",
      explanation: "No breaches in the period",
    });
  });

  it("never exceeds cap × fee per month nor goes negative", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
          { maxLength: 60 },
        ),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (raw, ppb) => {
          const pts = raw.map((r) =>
            breach(`2026-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`),
          );
          const months = new Set(raw.map((r) => r.month)).size;
          const c = { percentPerBreach: ppb, capPercent: 50, monthlyFee: 999.99 };
          const { amount } = serviceCreditDue(c, pts, "EUR");
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(amount).toBeLessThanOrEqual(months * 0.5 * 999.99 + 0.01 * months);
          expect(Math.round(amount * 100) / 100).toBe(amount);
        },
      ),
    );
  });
});

describe("overallScore", () => {
  it("weights each attainment by its KPI's weight and shows the arithmetic", () => {
    expect(overallScore([line(98, 2), line(75, 1)])).toEqual({
      score: 90.3,
      formula: "(98.0 × 2 + 75.0 × 1) / 3 = 90.3",
    });
  });

  it("skips KPIs without measurements", () => {
    expect(overallScore([line(null, 5), line(80, 1)])).toEqual({
      score: 80,
      formula: "(80.0 × 1) / 1 = 80.0",
    });
  });

  it("no KPI with data: no score", () => {
    expect(overallScore([])).toEqual({ score: null, formula: "No KPI has measurements in the period" });
    expect(overallScore([line(null, 1)])).toEqual({
      score: null,
      formula: "No KPI has measurements in the period",
    });
  });

  it("lies between the lowest and highest attainment", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.integer({ min: 0, max: 1000 }), w: fc.integer({ min: 1, max: 10 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (raw) => {
          const lines = raw.map((r) => line(r.a / 10, r.w));
          const { score } = overallScore(lines);
          const as = raw.map((r) => r.a / 10);
          expect(score).not.toBeNull();
          expect(score ?? 0).toBeGreaterThanOrEqual(Math.min(...as) - 0.05);
          expect(score ?? 0).toBeLessThanOrEqual(Math.max(...as) + 0.05);
        },
      ),
    );
  });
});
