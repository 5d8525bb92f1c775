import { and, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import {
  CRITICALITY_FLOOR,
  type PartnerRiskProfile,
  partnerRisk,
  type RiskDriver,
  TIER_OF_LEVEL,
} from "../../../domain/partner-risk.js";
import type { Criticality } from "../../../domain/partners.js";
import { levelOf } from "../../../domain/risk-scoring.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { loadRiskSettings } from "./risk-settings.load.js";
import { riskSignals, risks } from "./risks.tables.js";

/** Status of a signal still awaiting a decision: it drives the partner's score. */
const OPEN_SIGNAL = "open";

/** `CASE <criticality> WHEN 'critical' THEN 2 …` from the domain's floors (one source of truth). */
const floorCase = (column: SQL) =>
  sql`CASE ${column} ${sql.join(
    Object.entries(CRITICALITY_FLOOR).map(([c, tier]) => sql`WHEN ${c} THEN ${tier}::int`),
    sql` `,
  )} ELSE 4 END`;

/**
 * Recomputes `partners.risk_score` / `partners.risk_tier` for the given partners (or all of the
 * organization's) from their risks, open signals and service criticality, in the caller's
 * transaction. One set-based UPDATE, the same arithmetic as `partnerRisk()` in the domain, and it
 * writes only the rows whose figures changed. No audit event: the columns are a cache derived from
 * audited facts (risks, signals, services), kept so the partner list can sort and filter by tier.
 */
export async function refreshPartnerRisk(tx: Tx, orgId: string, partnerIds: string[] | "all"): Promise<void> {
  if (partnerIds !== "all" && partnerIds.length === 0) return;
  const { levels } = await loadRiskSettings(tx, orgId);
  const only = (column: SQL) =>
    partnerIds === "all" ? sql`TRUE` : sql`${column} = ANY(${sql.param(partnerIds)}::uuid[])`;
  await tx.execute(sql`
    WITH driver AS (
      SELECT partner_id, max(residual_score)::int AS score FROM ${risks}
       WHERE org_id = ${orgId} AND status <> 'closed' AND partner_id IS NOT NULL AND ${only(sql`partner_id`)}
       GROUP BY partner_id
      UNION ALL
      SELECT partner_id, max(likelihood * impact)::int FROM ${riskSignals}
       WHERE org_id = ${orgId} AND status = ${OPEN_SIGNAL} AND partner_id IS NOT NULL AND ${only(sql`partner_id`)}
       GROUP BY partner_id
    ), score AS (
      SELECT partner_id, max(score) AS score FROM driver GROUP BY partner_id
    ), floor AS (
      SELECT partner_id, min(${floorCase(sql`criticality`)}) AS tier FROM ${partnerServices}
       WHERE org_id = ${orgId} AND ${only(sql`partner_id`)}
       GROUP BY partner_id
    ), computed AS (
      SELECT p.id, coalesce(s.score, 0) AS score,
             least(
               CASE WHEN coalesce(s.score, 0) >= ${levels.critical}::int THEN ${TIER_OF_LEVEL.critical}::int
                    WHEN coalesce(s.score, 0) >= ${levels.high}::int THEN ${TIER_OF_LEVEL.high}::int
                    WHEN coalesce(s.score, 0) >= ${levels.medium}::int THEN ${TIER_OF_LEVEL.medium}::int
                    ELSE ${TIER_OF_LEVEL.low}::int END,
               coalesce(f.tier, 4)
             ) AS tier
        FROM ${partners} p
        LEFT JOIN score s ON s.partner_id = p.id
        LEFT JOIN floor f ON f.partner_id = p.id
       WHERE p.org_id = ${orgId} AND ${only(sql`p.id`)}
    )
    UPDATE ${partners} AS t SET risk_score = c.score, risk_tier = c.tier
      FROM computed c
     WHERE t.id = c.id AND (t.risk_score, t.risk_tier) IS DISTINCT FROM (c.score::smallint, c.tier::smallint)`);
}

const CRITICALITY_ORDER: Criticality[] = ["critical", "important", "standard"];

/** `GET /partners/:id/risk-profile`: the tier with the drivers and floor that explain it. */
export async function partnerRiskProfile(
  db: Queryable,
  orgId: string,
  partnerId: string,
): Promise<PartnerRiskProfile> {
  const [partner] = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.orgId, orgId)));
  if (!partner) throw notFound("Partner");
  const { levels } = await loadRiskSettings(db, orgId);
  const openRisks = await db
    .select({
      id: risks.id,
      title: risks.title,
      status: risks.status,
      likelihood: risks.residualLikelihood,
      impact: risks.residualImpact,
      score: risks.residualScore,
    })
    .from(risks)
    .where(and(eq(risks.partnerId, partnerId), ne(risks.status, "closed")))
    .orderBy(desc(risks.residualScore), risks.title);
  const signals = await db
    .select({
      id: riskSignals.id,
      rule: riskSignals.rule,
      title: riskSignals.title,
      likelihood: riskSignals.likelihood,
      impact: riskSignals.impact,
      explanation: riskSignals.explanation,
      raisedAt: riskSignals.raisedAt,
    })
    .from(riskSignals)
    .where(and(eq(riskSignals.partnerId, partnerId), eq(riskSignals.status, OPEN_SIGNAL)))
    .orderBy(desc(sql`${riskSignals.likelihood} * ${riskSignals.impact}`), desc(riskSignals.raisedAt));
  const crits = await db
    .selectDistinct({ c: partnerServices.criticality })
    .from(partnerServices)
    .where(
      and(
        eq(partnerServices.partnerId, partnerId),
        inArray(partnerServices.criticality, ["critical", "important"]),
      ),
    );
  const highest = CRITICALITY_ORDER.find((c) => crits.some((r) => r.c === c)) ?? null;
  const drivers: RiskDriver[] = [
    ...openRisks.map((r) => ({
      kind: "risk" as const,
      id: r.id,
      title: r.title,
      likelihood: r.likelihood,
      impact: r.impact,
    })),
    ...signals.map((s) => ({
      kind: "signal" as const,
      id: s.id,
      title: s.title,
      likelihood: s.likelihood,
      impact: s.impact,
    })),
  ];
  const result = partnerRisk(drivers, highest, levels);
  return {
    partner,
    tier: result.tier,
    score: result.score,
    level: result.level,
    explanation: result.explanation,
    drivers: result.drivers,
    floor: result.floor,
    topRisks: openRisks.slice(0, 5).map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      residualScore: r.score,
      residualLevel: levelOf(r.score, levels),
    })),
    openSignals: signals.map((s) => ({ ...s, raisedAt: s.raisedAt.toISOString() })),
  };
}
