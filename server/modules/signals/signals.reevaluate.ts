import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { EvaluationResult } from "../../../domain/signals/api.js";
import { SIGNAL_RULES } from "../../../domain/signals/registry.js";
import { auditInserts, moveChainHead, startAuditChain } from "../../platform/audit/audit.batch.js";
import type { AuditActor } from "../../platform/audit/audit.service.js";
import { lockChainHead, systemActor } from "../../platform/audit/audit.service.js";
import { canonicalJson } from "../../platform/audit/chain.js";
import type { Db, Tx } from "../../platform/db/index.js";
import { refreshPartnerRisk } from "../risks/partner-risk.js";
import { loadRiskSettings } from "../risks/risk-settings.load.js";
import { loadSignalFacts } from "./signals.facts.js";
import { planReconciliation, type RuleProposal, type StoredSignal } from "./signals.reconcile.js";
import { auditOf, type PlannedChanges, planWrites, statementQueue, withIds } from "./signals.write.js";

/** Which partners' signals to re-evaluate: some partners (after a change to them) or all. */
export type SignalScope = { partnerIds: string[] } | "all";

/**
 * sha256 of what identifies a proposal's facts, with its ratings: the rule's fingerprint as
 * canonical JSON, or else the facts as `[label, value, source]` triples (canonical by
 * construction, and several times cheaper than key-sorting thousands of small objects).
 */
export function factsHash(p: Pick<RuleProposal, "facts" | "fingerprint" | "likelihood" | "impact">): string {
  const facts =
    p.fingerprint !== undefined
      ? canonicalJson(p.fingerprint)
      : JSON.stringify(p.facts.map((f) => [f.label, f.value, f.source]));
  return createHash("sha256").update(`${p.likelihood}|${p.impact}|${facts}`).digest("hex");
}

type Lap = (phase: string) => void;

/** Milliseconds per phase since the previous lap, for the benchmark and slow-evaluation logs. */
function stopwatch(): { lap: Lap; phases: Record<string, number> } {
  const phases: Record<string, number> = {};
  let last = performance.now();
  return {
    phases,
    lap(phase) {
      const now = performance.now();
      phases[phase] = Math.round((phases[phase] ?? 0) + now - last);
      last = now;
    },
  };
}

/**
 * The stored signals the scope owns: all, or the partners' plus every organization-wide rule's.
 * No row locks: every writer of signals (evaluations, accept, dismiss) first takes the
 * organization row, so they are serialised already, always in the order organization → signals.
 */
async function loadStored(tx: Tx, orgId: string, scope: SignalScope): Promise<StoredSignal[]> {
  const rules = `{${SIGNAL_RULES.map((r) => r.id).join(",")}}`;
  const orgRules = `{${SIGNAL_RULES.filter((r) => r.scope === "organization")
    .map((r) => r.id)
    .join(",")}}`;
  const filter =
    scope === "all"
      ? sql``
      : sql` AND (rule = ANY(${orgRules}::text[]) OR partner_id = ANY(${`{${scope.partnerIds.join(",")}}`}::uuid[]))`;
  const { rows } = await tx.execute<StoredSignal & Record<string, unknown>>(sql`
    SELECT id, rule, subject_key AS "subjectKey", partner_id AS "partnerId", status, facts_hash AS "factsHash"
      FROM risk_signals
     WHERE org_id = ${orgId} AND rule = ANY(${rules}::text[])${filter}`);
  return rows;
}

/** Changes queued per flush: a partner's re-evaluation stays a handful of statements. */
const FLUSH_AT = 2_000;

/** Plans of several rules as one (their keys never collide: a signal's key includes its rule). */
const merged = (plans: PlannedChanges[], resolve: StoredSignal[] = []): PlannedChanges => ({
  raise: plans.flatMap((p) => p.raise),
  raised: plans.flatMap((p) => p.raised),
  update: plans.flatMap((p) => p.update),
  reopen: plans.flatMap((p) => p.reopen),
  resolve,
  unchanged: plans.flatMap((p) => p.unchanged),
});

/**
 * Re-evaluates the signal rules for `scope` inside the caller's transaction, raising, updating,
 * reopening and resolving signals (each change audited as `who`), then refreshes the risk profile
 * of the partners whose signals changed. Called by every service that changes facts a rule reads.
 *
 * For a partner scope only those partners' signals are touched, plus every signal of the
 * organization-wide rules (concentration), which are evaluated in full each time. Writes are
 * set-based (raised signals and audit events by COPY, rewrites per 2,000 signals); nothing is written for signals
 * whose facts did not change (`evaluated_at` is when the engine last wrote a signal's facts or
 * state), so a nightly run over an unchanged organization only reads.
 *
 * Rules are reconciled one by one (a signal's key includes its rule), and once 2,000 changes are
 * pending their writes and the audit events of the raised ones are sent without waiting, so the
 * database writes while Node evaluates the next rules and hashes the next events (a first
 * evaluation over 5,000 partners went from ~11.5–14 s to ~9 s with COPY; the database is the
 * bottleneck, mostly foreign-key checks and index inserts). The audit events come out
 * exactly as from one reconciliation of all proposals: raised (in rule order), updated, reopened,
 * resolved (in stored order), one chain, one timestamp.
 * Evaluations of one organization queue on its row, the lock every audited change takes anyway.
 */
export async function reevaluateSignals(
  tx: Tx,
  orgId: string,
  who: AuditActor,
  scope: SignalScope,
): Promise<EvaluationResult> {
  const started = performance.now();
  const { lap, phases } = stopwatch();
  const head = await lockChainHead(tx, orgId);
  const facts = await loadSignalFacts(tx, orgId, scope);
  const settings = await loadRiskSettings(tx, orgId);
  lap("loadFacts");
  const stored = await loadStored(tx, orgId, scope);
  const storedByRule = new Map<string, StoredSignal[]>();
  for (const s of stored) {
    const list = storedByRule.get(s.rule);
    if (list) list.push(s);
    else storedByRule.set(s.rule, [s]);
  }
  lap("loadStored");

  const chain = startAuditChain(head, orgId, who);
  const queue = statementQueue();
  const partnerIds = new Set<string>();
  const plans: PlannedChanges[] = [];
  let pending: PlannedChanges[] = [];
  let pendingChanges = 0;
  // Signal writes of the pending plans, and the audit events of their raised signals (updated,
  // reopened and resolved ones follow every raised one in the chain, so they are linked last).
  const flush = async () => {
    const batch = merged(pending);
    pending = [];
    pendingChanges = 0;
    queue.send(planWrites(tx, orgId, batch));
    const raisedOnly = auditOf({ ...batch, update: [], reopen: [] });
    for (const id of raisedOnly.partnerIds) partnerIds.add(id);
    queue.send(auditInserts(tx, await chain.link(raisedOnly.entries)));
  };
  for (const rule of SIGNAL_RULES) {
    const proposals: RuleProposal[] = rule.evaluate(facts, settings.signals).map((p) => {
      const base = { ...p, rule: rule.id, categoryKey: rule.categoryKey };
      return { ...base, factsHash: factsHash(base) };
    });
    const plan = withIds(planReconciliation(proposals, storedByRule.get(rule.id) ?? []));
    plans.push(plan);
    pending.push(plan);
    pendingChanges += plan.raised.length + plan.update.length + plan.reopen.length;
    if (pendingChanges >= FLUSH_AT) await flush();
    lap(`rule:${rule.id}`);
  }
  if (pendingChanges) await flush();
  // Resolved in stored order, as one reconciliation of every rule would list them.
  const resolving = new Set(plans.flatMap((p) => p.resolve));
  const all = merged(
    plans,
    stored.filter((s) => resolving.has(s)),
  );
  const rest = auditOf({ ...all, raised: [] });
  for (const id of rest.partnerIds) partnerIds.add(id);
  queue.send(planWrites(tx, orgId, { ...all, raised: [], update: [], reopen: [] }));
  queue.send(auditInserts(tx, await chain.link(rest.entries)));
  const last = chain.last();
  if (last) queue.send([() => moveChainHead(tx, orgId, last)]);
  await queue.drain();
  lap("write");
  if (partnerIds.size) await refreshPartnerRisk(tx, orgId, scope === "all" ? "all" : [...partnerIds]);
  lap("refreshPartnerRisk");
  return {
    raised: all.raise.length,
    reopened: all.reopen.length,
    updated: all.update.length,
    resolved: all.resolve.length,
    unchanged: all.unchanged.length,
    durationMs: Math.round(performance.now() - started),
    phasesMs: phases,
  };
}

/** A full evaluation of one organization in its own transaction, attributed to the engine (nightly job). */
export function evaluateOrganization(db: Db, orgId: string, who = systemActor("signals")) {
  return db.transaction((tx) => reevaluateSignals(tx, orgId, who, "all"));
}

/** Evaluates every organization, one transaction each (a failure in one does not undo the others). */
export async function evaluateAllOrganizations(db: Db) {
  const { rows } = await db.execute<{ id: string }>(
    sql`SELECT id FROM organizations ORDER BY created_at, id`,
  );
  const results: (EvaluationResult & { orgId: string })[] = [];
  for (const { id } of rows) results.push({ orgId: id, ...(await evaluateOrganization(db, id)) });
  return results;
}
