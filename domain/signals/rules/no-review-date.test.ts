import { describe, expect, it } from "vitest";
import { BOUNDS, facts, partner, service } from "./fixtures.js";
import { noReviewDate as rule } from "./no-review-date.js";

describe("no_review_date", () => {
  it("raises for an active partner without risks, grading impact by its most critical service", () => {
    const crit = partner({ services: [service({ criticality: "critical" })] });
    const imp = partner({ services: [service({ criticality: "important" })], openRisks: 2 });
    const none = partner();
    const out = rule.evaluate(facts({ partners: [crit, imp, none] }), BOUNDS);
    expect(out.map((s) => [s.subjectKey, s.likelihood, s.impact])).toEqual([
      [`partner:${crit.id}`, 3, 4],
      [`partner:${imp.id}`, 3, 3],
      [`partner:${none.id}`, 3, 2],
    ]);
    expect(out[1].explanation).toContain("none of its 2 open risks have a next review date");
  });

  it("stays silent once one open risk has a review date, and for partners not active", () => {
    const reviewed = partner({ openRisks: 3, risksWithReviewDate: 1 });
    const onboarding = partner({ status: "onboarding" });
    expect(rule.evaluate(facts({ partners: [reviewed, onboarding] }), BOUNDS)).toEqual([]);
  });
});
