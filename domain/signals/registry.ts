import { concentration } from "./rules/concentration.js";
import { confidentialSharedWithoutNda } from "./rules/confidential-shared-without-nda.js";
import { contractMissingClauses } from "./rules/contract-missing-clauses.js";
import { inadequateDataProtection } from "./rules/inadequate-data-protection.js";
import { kpiDeviations } from "./rules/kpi-deviations.js";
import { lowOverlap } from "./rules/low-overlap.js";
import { lowPoliticalStability } from "./rules/low-political-stability.js";
import { ndaExpiringWithShares } from "./rules/nda-expiring-with-shares.js";
import { noExitPlan } from "./rules/no-exit-plan.js";
import { noNda } from "./rules/no-nda.js";
import { noReviewDate } from "./rules/no-review-date.js";
import { noSubcontractorInfo } from "./rules/no-subcontractor-info.js";
import { weakRuleOfLaw } from "./rules/weak-rule-of-law.js";
import type { SignalRule } from "./types.js";

/** Every signal rule, in the order the rules page lists them. A new rule: one file, one line here. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  lowPoliticalStability,
  weakRuleOfLaw,
  lowOverlap,
  inadequateDataProtection,
  concentration,
  noSubcontractorInfo,
  noReviewDate,
  contractMissingClauses,
  noExitPlan,
  kpiDeviations,
  noNda,
  confidentialSharedWithoutNda,
  ndaExpiringWithShares,
];

const BY_ID = new Map(SIGNAL_RULES.map((r) => [r.id, r]));

/** The rule with this id, if it is still registered. */
export const ruleById = (id: string): SignalRule | undefined => BY_ID.get(id);
