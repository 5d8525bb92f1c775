import { and, eq, sql } from "drizzle-orm";
import type { LevelThresholds } from "../../../domain/risk-scoring.js";
import { explainScore } from "../../../domain/risk-scoring.js";
import type { RiskSignal, SignalStatus } from "../../../domain/signals/api.js";
import { ruleById } from "../../../domain/signals/registry.js";
import type { Queryable } from "../../platform/db/index.js";
import { iso, isoRequired } from "../../platform/http/present.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { riskCategories, riskSignals } from "../risks/risks.tables.js";
import { users } from "../users/users.tables.js";

/** `raised_at` at microsecond precision, for keyset cursors (a JS Date keeps only milliseconds). */
export const raisedAtText = sql<string>`to_char(${riskSignals.raisedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The SELECT … FROM risk_signals with the names a presented signal shows. */
export function selectSignals(q: Queryable) {
  return q
    .select({
      signal: riskSignals,
      partnerName: partners.name,
      serviceName: partnerServices.name,
      categoryName: riskCategories.name,
      decidedByName: users.name,
      raisedAtText,
    })
    .from(riskSignals)
    .leftJoin(partners, eq(partners.id, riskSignals.partnerId))
    .leftJoin(partnerServices, eq(partnerServices.id, riskSignals.serviceId))
    .leftJoin(
      riskCategories,
      and(eq(riskCategories.orgId, riskSignals.orgId), eq(riskCategories.key, riskSignals.categoryKey)),
    )
    .leftJoin(users, eq(users.id, riskSignals.decidedById));
}

export type SignalListRow = Awaited<ReturnType<typeof selectSignals>>[number];

/** Whitelists a signal row for the API, with its score explained under the organization's levels. */
export function presentSignal(r: SignalListRow, levels: LevelThresholds): RiskSignal {
  const s = r.signal;
  return {
    id: s.id,
    rule: { id: s.rule, title: ruleById(s.rule)?.title ?? s.rule },
    partner: s.partnerId ? { id: s.partnerId, name: r.partnerName ?? "" } : null,
    service: s.serviceId ? { id: s.serviceId, name: r.serviceName ?? "" } : null,
    category: { key: s.categoryKey, name: r.categoryName ?? s.categoryKey },
    subjectKey: s.subjectKey,
    title: s.title,
    likelihood: s.likelihood,
    impact: s.impact,
    score: explainScore(s.likelihood, s.impact, levels),
    explanation: s.explanation,
    facts: s.facts,
    status: s.status as SignalStatus,
    raisedAt: isoRequired(s.raisedAt),
    evaluatedAt: isoRequired(s.evaluatedAt),
    resolvedAt: iso(s.resolvedAt),
    decidedBy: s.decidedById ? { id: s.decidedById, name: r.decidedByName ?? "" } : null,
    decidedAt: iso(s.decidedAt),
    dismissReason: s.dismissReason,
    riskId: s.riskId,
  };
}

/** What an audit event records of a decision on a signal. */
export const decisionSnapshot = (s: typeof riskSignals.$inferSelect) => ({
  status: s.status,
  decidedById: s.decidedById,
  dismissReason: s.dismissReason,
  riskId: s.riskId,
  factsHash: s.factsHash,
});
