import { describe, expect, it } from "vitest";
import { DEFAULT_ASSESSMENT_SETTINGS } from "../../../domain/assessments.js";
import { cadencedTiers, reassessmentDue } from "./scheduler.plan.js";

const settings = {
  ...DEFAULT_ASSESSMENT_SETTINGS,
  cadenceMonths: { "1": 12, "2": 24, "3": null, "4": null },
  leadDays: 30,
  answerDays: 21,
};

describe("reassessment cadence", () => {
  it("lists only the tiers with a cadence", () => {
    expect(cadencedTiers(settings)).toEqual([1, 2]);
  });

  it("is due from lead days before the next due date, with that date as the due date", () => {
    // Completed 2025-12-28; tier 1 → next due 2026-12-28; lead 30 days → from 2026-11-28.
    expect(reassessmentDue(settings, 1, "2025-12-28", "2026-11-27")).toBeNull();
    expect(reassessmentDue(settings, 1, "2025-12-28", "2026-11-28")).toEqual({
      nextDue: "2026-12-28",
      dueDate: "2026-12-28",
    });
  });

  it("gives the partner at least the answer days when drafted late", () => {
    expect(reassessmentDue(settings, 1, "2025-01-15", "2026-11-28")).toEqual({
      nextDue: "2026-01-15",
      dueDate: "2026-12-19",
    });
  });

  it("never for a tier without a cadence; month ends are clamped", () => {
    expect(reassessmentDue(settings, 3, "2020-01-01", "2026-11-28")).toBeNull();
    expect(reassessmentDue({ ...settings, leadDays: 0 }, 2, "2024-02-29", "2026-02-28")?.nextDue).toBe(
      "2026-02-28",
    );
  });
});
