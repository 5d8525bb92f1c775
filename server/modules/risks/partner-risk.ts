import type { Tx } from "../../platform/db/index.js";

/**
 * Recomputes `partners.risk_score` / `partners.risk_tier` for the given partners (or all of the
 * organization's) from their risks, open signals and service criticality, in the caller's
 * transaction.
 *
 * PLACEHOLDER (session of 2026-11-28): the risk-register helper replaces this body; the
 * signature is the contract other modules code against.
 */
export async function refreshPartnerRisk(
  _tx: Tx,
  _orgId: string,
  _partnerIds: string[] | "all",
): Promise<void> {}
