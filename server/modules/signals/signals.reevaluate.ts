import type { AuditActor } from "../../platform/audit/audit.service.js";
import type { Tx } from "../../platform/db/index.js";

/** Which partners' signals to re-evaluate: some partners (after a change to them) or all. */
export type SignalScope = { partnerIds: string[] } | "all";

/**
 * Re-evaluates the signal rules for `scope` inside the caller's transaction, raising, updating,
 * reopening and resolving signals (each change audited as `who`), then refreshes the risk profile
 * of the partners whose signals changed. Called by every service that changes facts a rule reads.
 *
 * PLACEHOLDER (session of 2026-11-28): the signals helper replaces this body; the signature is
 * the contract other modules code against.
 */
export async function reevaluateSignals(
  _tx: Tx,
  _orgId: string,
  _who: AuditActor,
  _scope: SignalScope,
): Promise<void> {}
