import type { AssessmentSettings } from "../../../domain/assessments.js";
import { addMonths } from "../../../domain/contract-terms.js";
import { addDays } from "../../../domain/time.js";

/*
 * When a partner's next assessment falls due, as a pure function so the arithmetic is unit-tested
 * without a database; `scheduler.ts` loads the partners and drafts.
 */

/** Partner statuses a reassessment is drafted for: the ones we actually work with. */
export const REASSESSED_PARTNER_STATUSES = ["onboarding", "active"] as const;

/** What the scheduler decided for one partner whose reassessment is due. */
export interface ReassessmentDue {
  /** Last completion + the tier's cadence. */
  nextDue: string;
  /** The draft's due date: the next due date, or later if the partner would get too little time. */
  dueDate: string;
}

/** Tiers ("1"–"4") with a cadence, as numbers for the partners query. */
export function cadencedTiers(settings: AssessmentSettings): number[] {
  return (["1", "2", "3", "4"] as const).filter((t) => settings.cadenceMonths[t] !== null).map(Number);
}

/**
 * Whether a partner of `tier` last assessed (completed) on `completedOn` is due a reassessment on
 * `today`, and its due date. Due from `leadDays` before the next due date, so the draft can be
 * checked and sent in time; the due date gives the partner at least `answerDays` to answer, since
 * a draft made late (a missed run, a cadence shortened) must not be due tomorrow.
 */
export function reassessmentDue(
  settings: AssessmentSettings,
  tier: number,
  completedOn: string,
  today: string,
): ReassessmentDue | null {
  const months = settings.cadenceMonths[String(tier) as "1" | "2" | "3" | "4"];
  if (months === null || months === undefined) return null;
  const nextDue = addMonths(completedOn, months);
  if (today < addDays(nextDue, -settings.leadDays)) return null;
  const earliest = addDays(today, settings.answerDays);
  // ISO dates order as strings: the later of the two.
  return { nextDue, dueDate: [nextDue, earliest].sort()[1] };
}
