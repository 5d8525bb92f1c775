import { highestCriticality, SOURCES } from "../format.js";
import type { SignalRule } from "../types.js";

/**
 * Rule 7: an active partner without any open review date: none of its risks that are not closed
 * has a next review date (including when it has no risk at all), so nobody is due to look at it
 * again. One signal per partner.
 *
 * Likelihood 3 (unreviewed arrangements drift); impact from the partner's most critical service
 * one step below the criticality scale (4 critical, 3 important, 2 otherwise), as missing
 * oversight harms through what it fails to catch.
 */
export const noReviewDate: SignalRule = {
  id: "no_review_date",
  title: "Active partner without an open review date",
  categoryKey: "loss_of_control",
  description:
    "An active partner has no risk that is not closed with a next review date. Likelihood 3; impact 4 if it serves a critical service, 3 important, 2 otherwise.",
  reads: ["partners", "services", "risks"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners
      .filter((p) => p.status === "active" && p.risksWithReviewDate === 0)
      .map((p) => {
        const top = highestCriticality(p.services);
        return {
          subjectKey: `partner:${p.id}`,
          partnerId: p.id,
          serviceId: null,
          title: `${p.name}: active without an open review date`,
          likelihood: 3,
          impact: top === "critical" ? 4 : top === "important" ? 3 : 2,
          explanation:
            `${p.name} (partner) is active, and ` +
            (p.openRisks === 0
              ? "no risk in the register concerns it, so nothing about it is due for review"
              : `none of its ${p.openRisks === 1 ? "open risk has" : `${p.openRisks} open risks have`} a next review date`) +
            `${top ? `; its most critical service is ${top}` : ""}.`,
          facts: [
            { label: "Risks not closed", value: String(p.openRisks), source: "Outsight risk register" },
            { label: "Of which with a next review date", value: "0", source: "Outsight risk register" },
            { label: "Most critical service", value: top ?? "none", source: SOURCES.register },
          ],
        };
      });
  },
};
