import type { SignalStatus } from "../../../domain/signals/api.js";
import type { SignalProposal } from "../../../domain/signals/types.js";

/** A proposal of one rule with its fingerprint. */
export interface RuleProposal extends SignalProposal {
  rule: string;
  categoryKey: string;
  factsHash: string;
}

/** The stored state of a signal the reconciliation compares against. */
export interface StoredSignal {
  id: string;
  rule: string;
  subjectKey: string;
  partnerId: string | null;
  status: SignalStatus;
  factsHash: string;
}

/** What to do with the stored signals, decided without touching the database. */
export interface ReconcilePlan {
  raise: RuleProposal[];
  /** Facts changed; the status stays (open or accepted). */
  update: { stored: StoredSignal; proposal: RuleProposal }[];
  /** Dismissed with other facts, or resolved and proposed again: open again. */
  reopen: { stored: StoredSignal; proposal: RuleProposal }[];
  /** Open but no longer proposed. */
  resolve: StoredSignal[];
  /** Proposed with the same facts, or dismissed with the same facts. */
  unchanged: StoredSignal[];
}

export const signalKey = (rule: string, subjectKey: string) => `${rule}\u0000${subjectKey}`;

/**
 * The reconciliation rules in one pure function:
 * new → raise (open); open → update when the fingerprint changed; dismissed → reopen only when
 * it changed (a dismissed signal does not come back unless its facts change); resolved → reopen;
 * accepted → stays accepted, facts updated when changed (its risk carries the decision); stored
 * open signals no longer proposed → resolve. Dismissed, accepted and resolved signals no longer
 * proposed are left as they are.
 */
export function planReconciliation(proposals: RuleProposal[], stored: StoredSignal[]): ReconcilePlan {
  const plan: ReconcilePlan = { raise: [], update: [], reopen: [], resolve: [], unchanged: [] };
  const byKey = new Map(stored.map((s) => [signalKey(s.rule, s.subjectKey), s]));
  const seen = new Set<string>();
  for (const p of proposals) {
    const key = signalKey(p.rule, p.subjectKey);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = byKey.get(key);
    if (!s) plan.raise.push(p);
    else if (s.status === "resolved") plan.reopen.push({ stored: s, proposal: p });
    else if (s.factsHash === p.factsHash) plan.unchanged.push(s);
    else if (s.status === "dismissed") plan.reopen.push({ stored: s, proposal: p });
    else plan.update.push({ stored: s, proposal: p });
  }
  for (const s of stored)
    if (s.status === "open" && !seen.has(signalKey(s.rule, s.subjectKey))) plan.resolve.push(s);
  return plan;
}
