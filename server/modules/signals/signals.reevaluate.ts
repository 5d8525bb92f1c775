import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { EvaluationResult } from "../../../domain/signals/api.js";
import { SIGNAL_RULES } from "../../../domain/signals/registry.js";
import type { AuditActor, AuditEntry } from "../../platform/audit/audit.service.js";
import { systemActor } from "../../platform/audit/audit.service.js";
import { canonicalJson } from "../../platform/audit/chain.js";
import type { Db, Tx } from "../../platform/db/index.js";
import { refreshPartnerRisk } from "../risks/partner-risk.js";
import { loadRiskSettings } from "../risks/risk-settings.load.js";
import { lockOrganization, recordAuditBatch } from "./signals.audit.js";
import { loadSignalFacts } from "./signals.facts.js";
import { planReconciliation, type RuleProposal, type StoredSignal } from "./signals.reconcile.js";

/** Which partners' signals to re-evaluate: some partners (after a change to them) or all. */
export type SignalScope = { partnerIds: string[] } | "all";

/** Signals per INSERT/UPDATE statement (each travels as one JSON parameter). */
const CHUNK = 2_000;

/** sha256 of the canonical JSON of what identifies a proposal's facts, with its ratings. */
export function factsHash(p: Pick<RuleProposal, "facts" | "fingerprint" | "likelihood" | "impact">): string {
  const basis = { facts: p.fingerprint ?? p.facts, likelihood: p.likelihood, impact: p.impact };
  return createHash("sha256").update(canonicalJson(basis)).digest("hex");
}

/** What an audit event records of a signal. */
const snapshot = (p: RuleProposal, status: string) => ({
  rule: p.rule,
  subjectKey: p.subjectKey,
  categoryKey: p.categoryKey,
  title: p.title,
  likelihood: p.likelihood,
  impact: p.impact,
  status,
  factsHash: p.factsHash,
});

const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

const RECORD =
  sql.raw(`"rule" text, "subjectKey" text, "partnerId" uuid, "serviceId" uuid, "categoryKey" text,
  "title" text, "likelihood" smallint, "impact" smallint, "explanation" text, "facts" jsonb, "factsHash" text`);
const row = (p: RuleProposal) => ({
  rule: p.rule,
  subjectKey: p.subjectKey,
  partnerId: p.partnerId,
  serviceId: p.serviceId,
  categoryKey: p.categoryKey,
  title: p.title,
  likelihood: p.likelihood,
  impact: p.impact,
  explanation: p.explanation,
  facts: p.facts,
  factsHash: p.factsHash,
});

/** Every rule's proposals for the facts of `scope`, with their fingerprints. */
async function propose(tx: Tx, orgId: string, scope: SignalScope, lap: Lap): Promise<RuleProposal[]> {
  const facts = await loadSignalFacts(tx, orgId, scope);
  const settings = await loadRiskSettings(tx, orgId);
  lap("loadFacts");
  return SIGNAL_RULES.flatMap((rule) => {
    const out = rule.evaluate(facts, settings.signals).map((p) => {
      const base = { ...p, rule: rule.id, categoryKey: rule.categoryKey };
      return { ...base, factsHash: factsHash(base) };
    });
    lap(`rule:${rule.id}`);
    return out;
  });
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

/**
 * Re-evaluates the signal rules for `scope` inside the caller's transaction, raising, updating,
 * reopening and resolving signals (each change audited as `who`), then refreshes the risk profile
 * of the partners whose signals changed. Called by every service that changes facts a rule reads.
 *
 * For a partner scope only those partners' signals are touched, plus every signal of the
 * organization-wide rules (concentration), which are evaluated in full each time. Writes are
 * set-based (one statement per kind of change per 2,000 signals); nothing is written for signals
 * whose facts did not change (`evaluated_at` is when the engine last wrote a signal's facts or
 * state), so a nightly run over an unchanged organization only reads. Evaluations of one organization queue on its row, the lock every
 * audited change takes anyway.
 */
export async function reevaluateSignals(
  tx: Tx,
  orgId: string,
  who: AuditActor,
  scope: SignalScope,
): Promise<EvaluationResult> {
  const started = performance.now();
  const { lap, phases } = stopwatch();
  await lockOrganization(tx, orgId);
  const proposals = await propose(tx, orgId, scope, lap);
  const stored = await loadStored(tx, orgId, scope);
  lap("loadStored");
  const plan = planReconciliation(proposals, stored);
  const audit: AuditEntry[] = [];
  const changedPartners = new Set<string>();
  const touch = (...ids: (string | null)[]) => {
    for (const id of ids) if (id) changedPartners.add(id);
  };

  // Ids are made here so the audit events need no RETURNING round trip to find them.
  const raised = plan.raise.map((p) => ({ id: randomUUID(), p }));
  for (const batch of chunks(raised)) {
    const json = JSON.stringify(batch.map(({ id, p }) => ({ ...row(p), id })));
    await tx.execute(sql`
      INSERT INTO risk_signals (id, org_id, rule, subject_key, partner_id, service_id, category_key, title,
                                likelihood, impact, explanation, facts, facts_hash, status)
      SELECT x.id, ${orgId}, x."rule", x."subjectKey", x."partnerId", x."serviceId", x."categoryKey", x."title",
             x."likelihood", x."impact", x."explanation", x."facts", x."factsHash", 'open'
        FROM json_to_recordset(${json}::json) AS x("id" uuid, ${RECORD})`);
  }
  for (const { id, p } of raised) {
    touch(p.partnerId);
    audit.push({
      action: "risk_signal.raise",
      entityType: "risk_signal",
      entityId: id,
      relatedIds: p.partnerId ? [p.partnerId] : [],
      after: snapshot(p, "open"),
    });
  }
  lap("raise");
  const rewrites = [
    ...plan.update.map((u) => ({ ...u, reopen: false })),
    ...plan.reopen.map((u) => ({ ...u, reopen: true })),
  ];
  for (const batch of chunks(rewrites)) {
    const json = JSON.stringify(
      batch.map((u) => ({ ...row(u.proposal), id: u.stored.id, reopen: u.reopen })),
    );
    await tx.execute(sql`
      UPDATE risk_signals s SET
        partner_id = x."partnerId", service_id = x."serviceId", category_key = x."categoryKey",
        title = x."title", likelihood = x."likelihood", impact = x."impact",
        explanation = x."explanation", facts = x."facts", facts_hash = x."factsHash", evaluated_at = now(),
        status = CASE WHEN x.reopen THEN 'open' ELSE s.status END,
        raised_at = CASE WHEN x.reopen THEN now() ELSE s.raised_at END,
        resolved_at = CASE WHEN x.reopen THEN NULL ELSE s.resolved_at END,
        decided_by_id = CASE WHEN x.reopen THEN NULL ELSE s.decided_by_id END,
        decided_at = CASE WHEN x.reopen THEN NULL ELSE s.decided_at END,
        dismiss_reason = CASE WHEN x.reopen THEN NULL ELSE s.dismiss_reason END
        FROM json_to_recordset(${json}::json) AS x("id" uuid, "reopen" boolean, ${RECORD})
       WHERE s.id = x.id AND s.org_id = ${orgId}`);
    for (const { stored: s, proposal: p, reopen } of batch) {
      touch(s.partnerId, p.partnerId);
      audit.push({
        action: reopen ? "risk_signal.reopen" : "risk_signal.update",
        entityType: "risk_signal",
        entityId: s.id,
        relatedIds: p.partnerId ? [p.partnerId] : [],
        before: { status: s.status, factsHash: s.factsHash },
        after: snapshot(p, reopen ? "open" : s.status),
      });
    }
  }

  lap("rewrite");
  const ids = (list: StoredSignal[]) => `{${list.map((s) => s.id).join(",")}}`;
  if (plan.resolve.length) {
    await tx.execute(sql`
      UPDATE risk_signals SET status = 'resolved', resolved_at = now(), evaluated_at = now()
       WHERE org_id = ${orgId} AND id = ANY(${ids(plan.resolve)}::uuid[])`);
    for (const s of plan.resolve) {
      touch(s.partnerId);
      audit.push({
        action: "risk_signal.resolve",
        entityType: "risk_signal",
        entityId: s.id,
        relatedIds: s.partnerId ? [s.partnerId] : [],
        before: { status: s.status, factsHash: s.factsHash },
        after: { status: "resolved" },
      });
    }
  }
  lap("resolve");
  await recordAuditBatch(tx, orgId, who, audit);
  lap("audit");
  if (changedPartners.size)
    await refreshPartnerRisk(tx, orgId, scope === "all" ? "all" : [...changedPartners]);
  lap("refreshPartnerRisk");
  return {
    raised: plan.raise.length,
    reopened: plan.reopen.length,
    updated: plan.update.length,
    resolved: plan.resolve.length,
    unchanged: plan.unchanged.length,
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
