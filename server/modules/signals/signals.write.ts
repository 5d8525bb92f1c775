import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { copyField, copyJsonField, copyStatement } from "../../platform/audit/audit.batch.js";
import type { AuditEntry } from "../../platform/audit/audit.service.js";
import type { Tx } from "../../platform/db/index.js";
import type { ReconcilePlan, RuleProposal, StoredSignal } from "./signals.reconcile.js";

/** Signals per INSERT/UPDATE statement (each travels as one JSON parameter). */
const CHUNK = 2_000;

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

/** A plan with the ids of the signals to raise, made here so no RETURNING round trip is needed. */
export type PlannedChanges = ReconcilePlan & { raised: { id: string; p: RuleProposal }[] };

export const withIds = (plan: ReconcilePlan): PlannedChanges => ({
  ...plan,
  raised: plan.raise.map((p) => ({ id: randomUUID(), p })),
});

/** The audit events of a plan, one per changed signal, and the partners whose signals changed. */
export function auditOf(plan: PlannedChanges): { entries: AuditEntry[]; partnerIds: Set<string> } {
  const entries: AuditEntry[] = [];
  const partnerIds = new Set<string>();
  const related = (...ids: (string | null)[]) => {
    const out = ids.filter((id): id is string => id !== null);
    for (const id of out) partnerIds.add(id);
    return [...new Set(out)];
  };
  const before = (s: StoredSignal) => ({ status: s.status, factsHash: s.factsHash });
  for (const { id, p } of plan.raised)
    entries.push({
      action: "risk_signal.raise",
      entityType: "risk_signal",
      entityId: id,
      relatedIds: related(p.partnerId),
      after: snapshot(p, "open"),
    });
  for (const [list, reopen] of [
    [plan.update, false],
    [plan.reopen, true],
  ] as const)
    for (const { stored: s, proposal: p } of list)
      entries.push({
        action: reopen ? "risk_signal.reopen" : "risk_signal.update",
        entityType: "risk_signal",
        entityId: s.id,
        relatedIds: related(p.partnerId, s.partnerId),
        before: before(s),
        after: snapshot(p, reopen ? "open" : s.status),
      });
  for (const s of plan.resolve)
    entries.push({
      action: "risk_signal.resolve",
      entityType: "risk_signal",
      entityId: s.id,
      relatedIds: related(s.partnerId),
      before: before(s),
      after: { status: "resolved" },
    });
  return { entries, partnerIds };
}

/**
 * Statements sent on the transaction's connection without waiting for each, so the database
 * writes one batch while Node evaluates the next rule or hashes the next audit events. Each
 * statement starts when the previous one is done (our own chain: node-postgres' internal queue
 * for concurrent `query` calls is deprecated). After a failure the rest is skipped, as the
 * transaction is aborted; `drain` rethrows that first failure.
 */
export function statementQueue() {
  let failure: { error: unknown } | null = null;
  let tail: Promise<void> = Promise.resolve();
  return {
    /** Queues `statements`, each run after the previous one, in order. */
    send(statements: (() => PromiseLike<unknown>)[]) {
      for (const run of statements)
        tail = tail
          .then(() => (failure ? undefined : run()))
          .then(
            () => undefined,
            (error: unknown) => {
              failure ??= { error };
            },
          );
    },
    /** Waits for everything queued, and throws the first failure. */
    async drain() {
      await tail;
      if (failure) throw failure.error;
    },
  };
}

/**
 * The statements writing a plan set-based (each runs when called): raised signals
 * inserted, changed ones rewritten (reopened ones back to open with their decision cleared),
 * vanished open ones resolved. Unchanged signals are not written at all.
 */
export function planWrites(tx: Tx, orgId: string, plan: PlannedChanges): (() => PromiseLike<unknown>)[] {
  const out: (() => PromiseLike<unknown>)[] = [];
  // Raised signals by COPY: about a fifth cheaper for the database than a JSON parameter.
  if (plan.raised.length) {
    const f = copyField;
    const lines = plan.raised.map(
      ({ id, p }) =>
        `${id}\t${orgId}\t${f(p.rule)}\t${f(p.subjectKey)}\t${f(p.partnerId)}\t${f(p.serviceId)}\t` +
        `${f(p.categoryKey)}\t${f(p.title)}\t${p.likelihood}\t${p.impact}\t${f(p.explanation)}\t` +
        `${copyJsonField(p.facts)}\t${f(p.factsHash)}\topen\n`,
    );
    out.push(
      copyStatement(
        tx,
        `risk_signals (id, org_id, rule, subject_key, partner_id, service_id, category_key, title,
          likelihood, impact, explanation, facts, facts_hash, status)`,
        lines,
      ),
    );
  }
  const rewrites = [
    ...plan.update.map((u) => ({ ...u, reopen: false })),
    ...plan.reopen.map((u) => ({ ...u, reopen: true })),
  ];
  for (const batch of chunks(rewrites)) {
    const json = JSON.stringify(
      batch.map((u) => ({ ...row(u.proposal), id: u.stored.id, reopen: u.reopen })),
    );
    out.push(() =>
      tx.execute(sql`
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
       WHERE s.id = x.id AND s.org_id = ${orgId}`),
    );
  }
  if (plan.resolve.length)
    out.push(() =>
      tx.execute(sql`
      UPDATE risk_signals SET status = 'resolved', resolved_at = now(), evaluated_at = now()
       WHERE org_id = ${orgId} AND id = ANY(${`{${plan.resolve.map((s) => s.id).join(",")}}`}::uuid[])`),
    );
  return out;
}
