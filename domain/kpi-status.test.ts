import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatNumber,
  formatQuantity,
  meetsTarget,
  periodStartOf,
  periodStartProblem,
  thresholdLevel,
  thresholdStatus,
} from "./kpi-status.js";
import type { KpiThresholds } from "./kpis.js";

const availability: KpiThresholds = {
  direction: "higher_is_better",
  target: 99.5,
  warningThreshold: 99,
  breachThreshold: 98,
};
const latency: KpiThresholds = {
  direction: "lower_is_better",
  target: 200,
  warningThreshold: 250,
  breachThreshold: 300,
};

describe("formatNumber / formatQuantity", () => {
  it("spells numbers compactly, without binary noise, with grouped thousands", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-(0.1 + 0.2))).toBe("-0.3");
    expect(formatNumber(97.2)).toBe("97.2");
    expect(formatNumber(98)).toBe("98");
    expect(formatNumber(12_500)).toBe("12,500");
    expect(formatNumber(-1234.5)).toBe("-1,234.5");
    expect(formatNumber(1_234_567.891234567)).toBe("1,234,567.891");
    expect(formatNumber(99.73152837461)).toBe("99.73152837");
    expect(formatNumber(1e-9)).toBe("0.000000001");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(0.1234, 2)).toBe("0.12");
    expect(formatNumber(2.5, 0)).toBe("3");
  });

  it("puts the unit after one space, and nothing without a unit", () => {
    expect(formatQuantity(97.2, "%")).toBe("97.2 %");
    expect(formatQuantity(350, "ms")).toBe("350 ms");
    expect(formatQuantity(12)).toBe("12");
  });

  it("never shows more than 10 significant digits nor exponent notation for ordinary values", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (v) => {
        const s = formatNumber(v);
        expect(s).not.toMatch(/e/);
        const shown = Number(s.replace(/,/g, ""));
        // Exactly v at 10 significant digits; tiny values are cut at 10 decimals instead.
        if (Math.abs(v) >= 1e-6) expect(shown).toBe(Number(v.toPrecision(10)) || 0);
        else expect(Math.abs(shown - v)).toBeLessThanOrEqual(1e-10);
      }),
    );
  });
});

describe("thresholdStatus", () => {
  it("higher is better: below breach → breach, below warning → warning, else ok", () => {
    expect(thresholdStatus(availability, 97.2, "%")).toEqual({
      status: "breach",
      reason: "97.2 % is below the breach threshold 98 %",
    });
    expect(thresholdStatus(availability, 98.5, "%")).toEqual({
      status: "warning",
      reason: "98.5 % is below the warning threshold 99 %",
    });
    expect(thresholdStatus(availability, 99.2, "%")).toEqual({ status: "ok", reason: null });
    expect(thresholdStatus(availability, 100, "%")).toEqual({ status: "ok", reason: null });
  });

  it("higher is better: a value exactly at a threshold is on its good side", () => {
    expect(thresholdStatus(availability, 98).status).toBe("warning");
    expect(thresholdStatus(availability, 99).status).toBe("ok");
    expect(thresholdStatus(availability, 97.999999).status).toBe("breach");
    expect(thresholdStatus(availability, 98.999999).status).toBe("warning");
  });

  it("lower is better mirrors it, 'above' in the reason", () => {
    expect(thresholdStatus(latency, 301, "ms")).toEqual({
      status: "breach",
      reason: "301 ms is above the breach threshold 300 ms",
    });
    expect(thresholdStatus(latency, 260.5, "ms")).toEqual({
      status: "warning",
      reason: "260.5 ms is above the warning threshold 250 ms",
    });
    expect(thresholdStatus(latency, 300).status).toBe("warning");
    expect(thresholdStatus(latency, 250).status).toBe("ok");
    expect(thresholdStatus(latency, 12).status).toBe("ok");
  });

  it("words a computed value without floating-point noise, and works without a unit", () => {
    expect(thresholdStatus({ ...availability, breachThreshold: 0.5 }, 0.1 + 0.2).reason).toBe(
      "0.3 is below the breach threshold 0.5",
    );
  });

  it("a warning threshold equal to the breach threshold gives breaches and never warnings", () => {
    const t = { ...availability, warningThreshold: 98 };
    expect(thresholdStatus(t, 97.9).status).toBe("breach");
    expect(thresholdStatus(t, 98).status).toBe("ok");
  });

  it("agrees with thresholdLevel for any value", () => {
    fc.assert(
      fc.property(fc.double({ min: 90, max: 110, noNaN: true }), fc.boolean(), (v, higher) => {
        const t = higher
          ? availability
          : { ...latency, target: 95, warningThreshold: 100, breachThreshold: 105 };
        const r = thresholdStatus(t, v, "u");
        expect(r.status).toBe(thresholdLevel(t, v));
        expect(r.reason === null).toBe(r.status === "ok");
      }),
    );
  });
});

describe("meetsTarget", () => {
  it("is ≥ target for higher-is-better and ≤ target for lower-is-better, inclusive", () => {
    expect(meetsTarget(availability, 99.5)).toBe(true);
    expect(meetsTarget(availability, 99.49)).toBe(false);
    expect(meetsTarget(availability, 100)).toBe(true);
    expect(meetsTarget(latency, 200)).toBe(true);
    expect(meetsTarget(latency, 200.01)).toBe(false);
    expect(meetsTarget(latency, 150)).toBe(true);
  });
});

describe("periodStartOf", () => {
  it("gives the day, the ISO week's Monday, or the 1st of the month", () => {
    expect(periodStartOf("daily", "2026-11-04")).toBe("2026-11-04");
    expect(periodStartOf("weekly", "2026-11-04")).toBe("2026-11-02");
    expect(periodStartOf("weekly", "2026-11-08")).toBe("2026-11-02"); // Sunday ends the ISO week
    expect(periodStartOf("weekly", "2026-11-02")).toBe("2026-11-02");
    expect(periodStartOf("weekly", "2027-01-01")).toBe("2026-12-28"); // across the year end
    expect(periodStartOf("monthly", "2026-11-30")).toBe("2026-11-01");
  });
});

describe("periodStartProblem", () => {
  const today = "2026-11-28"; // a Saturday

  it("accepts any past or present day for a daily KPI", () => {
    expect(periodStartProblem("daily", "2026-11-04", today)).toBeNull();
    expect(periodStartProblem("daily", today, today)).toBeNull();
    expect(periodStartProblem("daily", "2020-02-29", today)).toBeNull();
  });

  it("requires a Monday for a weekly KPI and names the Monday to send instead", () => {
    expect(periodStartProblem("weekly", "2026-11-02", today)).toBeNull();
    expect(periodStartProblem("weekly", "2026-11-23", today)).toBeNull(); // the current week
    expect(periodStartProblem("weekly", "2026-11-04", today)).toBe(
      "2026-11-04 is a Wednesday: a weekly KPI takes the Monday that starts the week (2026-11-02)",
    );
    expect(periodStartProblem("weekly", "2026-11-08", today)).toBe(
      "2026-11-08 is a Sunday: a weekly KPI takes the Monday that starts the week (2026-11-02)",
    );
  });

  it("requires the 1st for a monthly KPI and names it", () => {
    expect(periodStartProblem("monthly", "2026-11-01", today)).toBeNull();
    expect(periodStartProblem("monthly", "2026-10-15", today)).toBe(
      "2026-10-15 is not the 1st of the month: a monthly KPI takes the first day of the month (2026-10-01)",
    );
  });

  it("refuses a period that has not started yet, whatever the period", () => {
    expect(periodStartProblem("daily", "2026-11-29", today)).toBe(
      "2026-11-29 is in the future (today is 2026-11-28): measure a day once it has started",
    );
    expect(periodStartProblem("weekly", "2026-11-30", today)).toMatch(/^2026-11-30 is in the future/);
    expect(periodStartProblem("monthly", "2026-12-01", today)).toMatch(/^2026-12-01 is in the future/);
  });

  it("a misaligned date whose period has not started says both", () => {
    expect(periodStartProblem("weekly", "2026-12-02", today)).toBe(
      "2026-12-02 is a Wednesday: a weekly KPI takes the Monday that starts the week (2026-11-30), and that period has not started yet (today is 2026-11-28)",
    );
    // A later day of the current week points at this week's Monday, which is fine to send.
    expect(periodStartProblem("weekly", "2026-11-29", today)).toBe(
      "2026-11-29 is a Sunday: a weekly KPI takes the Monday that starts the week (2026-11-23)",
    );
  });

  it("refuses impossible dates", () => {
    expect(periodStartProblem("daily", "2026-02-30", today)).toBe(
      "2026-02-30 is not a calendar date: use YYYY-MM-DD",
    );
  });

  it("for any date, the suggested start is accepted (when not in the future)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2026-11-28T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("daily", "weekly", "monthly" as const),
        (d, period) => {
          const date = d.toISOString().slice(0, 10);
          const start = periodStartOf(period, date);
          expect(periodStartProblem(period, start, today)).toBeNull();
          expect(periodStartProblem(period, date, today) === null).toBe(start === date);
        },
      ),
    );
  });
});
