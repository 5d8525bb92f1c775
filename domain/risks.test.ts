import { describe, expect, it } from "vitest";
import { acceptanceExpiryProblems, residualProblems } from "./risks.js";
import { addDays, todayUtc } from "./time.js";

describe("residualProblems", () => {
  const base = { inherentLikelihood: 3, inherentImpact: 4, residualLikelihood: 3, residualImpact: 4 };
  it("accepts residual ratings at or below the inherent ones", () => {
    expect(residualProblems(base)).toEqual([]);
    expect(residualProblems({ ...base, residualLikelihood: 1, residualImpact: 2 })).toEqual([]);
  });
  it("names each residual rating above its inherent rating", () => {
    expect(residualProblems({ ...base, residualLikelihood: 4 }).map((p) => p.path)).toEqual([
      "body.residualLikelihood",
    ]);
    expect(
      residualProblems({ ...base, residualLikelihood: 5, residualImpact: 5 }).map((p) => p.path),
    ).toEqual(["body.residualLikelihood", "body.residualImpact"]);
  });
  it("refuses a higher rating even when the residual score stays lower (2×5 vs 3×4)", () => {
    expect(residualProblems({ ...base, residualLikelihood: 2, residualImpact: 5 })).toHaveLength(1);
  });
});

describe("dates", () => {
  it("adds calendar days across month and leap-year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("today is the UTC date", () => {
    expect(todayUtc(new Date("2026-11-28T23:30:00-05:00"))).toBe("2026-11-29");
  });
  it("an acceptance must expire after today and within three years", () => {
    expect(acceptanceExpiryProblems("2026-11-28", "2026-11-28")).toHaveLength(1);
    expect(acceptanceExpiryProblems("2026-11-29", "2026-11-28")).toEqual([]);
    expect(acceptanceExpiryProblems(addDays("2026-11-28", 1095), "2026-11-28")).toEqual([]);
    expect(acceptanceExpiryProblems(addDays("2026-11-28", 1096), "2026-11-28")).toHaveLength(1);
  });
});
