import { and, desc, eq, sql } from "drizzle-orm";
import { lifecycleBlockers, type PartnerStatus } from "../../../domain/lifecycle.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict } from "../../platform/errors.js";
import { assessments, partnerLifecycleExceptions } from "../assessments/assessments.tables.js";

/** What the due-diligence gate looks at for one partner. */
export interface DueDiligenceFacts {
  /** The latest completed due-diligence assessment: the one that decides. */
  latest: { assessmentId: string; conclusion: string; completedAt: Date } | null;
  passedDueDiligence: boolean;
  failedDueDiligence: boolean;
  /** A recorded exception lets the partner into contracting without a passing assessment. */
  exception: boolean;
}

/**
 * Reads the facts of the due-diligence gate. Only the LATEST completed due-diligence assessment
 * counts: a pass followed by a fail means the partner no longer passes (the fail is newer news).
 * Reassessments are periodic checks of partners already under contract, not the gate's evidence.
 * An exception, once recorded, stays valid: it is a documented decision with its own audit event.
 */
export async function dueDiligenceFacts(
  q: Queryable,
  orgId: string,
  partnerId: string,
): Promise<DueDiligenceFacts> {
  const [latest] = await q
    .select({ id: assessments.id, conclusion: assessments.conclusion, completedAt: assessments.completedAt })
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, orgId),
        eq(assessments.partnerId, partnerId),
        eq(assessments.purpose, "due_diligence"),
        eq(assessments.status, "completed"),
      ),
    )
    .orderBy(sql`${assessments.completedAt} desc nulls last`, desc(assessments.createdAt))
    .limit(1);
  const [exception] = await q
    .select({ id: partnerLifecycleExceptions.id })
    .from(partnerLifecycleExceptions)
    .where(
      and(
        eq(partnerLifecycleExceptions.orgId, orgId),
        eq(partnerLifecycleExceptions.partnerId, partnerId),
        eq(partnerLifecycleExceptions.toStatus, "contracting"),
      ),
    )
    .limit(1);
  const conclusion = latest?.conclusion ?? null;
  return {
    latest:
      latest && conclusion
        ? {
            assessmentId: latest.id,
            conclusion,
            completedAt: latest.completedAt ?? new Date(0),
          }
        : null,
    passedDueDiligence: conclusion === "pass" || conclusion === "pass_with_conditions",
    failedDueDiligence: conclusion === "fail",
    exception: Boolean(exception),
  };
}

/**
 * Enforces the lifecycle gate for a transition `from` → `to` inside the caller's transaction (the
 * caller holds the partner row's lock, and recording an exception takes the same lock, so the facts
 * cannot change between this check and the update). Throws 409 `due_diligence_required`.
 */
export async function assertLifecycleGate(
  tx: Tx,
  orgId: string,
  partnerId: string,
  from: PartnerStatus,
  to: PartnerStatus,
): Promise<void> {
  // Only a move INTO contracting is gated; staying there (an ordinary update) is not a transition.
  if (to !== "contracting" || from === to) return;
  const [blocker] = lifecycleBlockers(to, await dueDiligenceFacts(tx, orgId, partnerId));
  if (blocker) throw conflict(blocker.message, "due_diligence_required");
}
