import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { explainScore, type LevelThresholds } from "../../../domain/risk-scoring.js";
import type { Risk, RiskListItem, RiskStatus, Treatment } from "../../../domain/risks.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { riskCategories, risks, riskTasks } from "./risks.tables.js";

export const ownerUser = alias(users, "risk_owner");
export const acceptorUser = alias(users, "risk_acceptor");

/** Treatment tasks still to do (open or in progress). */
const ACTIVE_TASK = sql`${riskTasks.status} IN ('open', 'in_progress')`;

/** The columns of a presented risk; use with `riskFrom` joins. Task counts are indexed sub-selects. */
export const riskColumns = {
  risk: risks,
  category: { id: riskCategories.id, key: riskCategories.key, name: riskCategories.name },
  partner: { id: partners.id, name: partners.name },
  service: { id: partnerServices.id, name: partnerServices.name },
  owner: { id: ownerUser.id, name: ownerUser.name },
  acceptor: { id: acceptorUser.id, name: acceptorUser.name },
  openTasks: sql<number>`(SELECT count(*)::int FROM ${riskTasks} WHERE ${riskTasks.riskId} = ${risks.id} AND ${ACTIVE_TASK})`,
  overdueTasks: sql<number>`(SELECT count(*)::int FROM ${riskTasks} WHERE ${riskTasks.riskId} = ${risks.id} AND ${ACTIVE_TASK} AND ${riskTasks.dueDate} < (now() AT TIME ZONE 'UTC')::date)`,
};

type RiskRow = typeof risks.$inferSelect;
type Ref = { id: string | null; name: string | null } | null;
export interface RiskSelectRow {
  risk: RiskRow;
  category: { id: string; key: string | null; name: string } | null;
  partner: Ref;
  service: Ref;
  owner: Ref;
  acceptor: Ref;
  openTasks: number;
  overdueTasks: number;
}

const ref = (r: Ref) => (r?.id ? { id: r.id, name: r.name ?? "" } : null);

/** Whitelists a risk row for the register list; `today` decides what is overdue or expired. */
export function presentRiskListItem(r: RiskSelectRow, t: LevelThresholds, today: string): RiskListItem {
  const k = r.risk;
  const accepted = k.status === "accepted";
  return {
    id: k.id,
    title: k.title,
    // The category is a NOT NULL foreign key of the same organization, so the join always matches.
    category: r.category!,
    partner: ref(r.partner),
    service: ref(r.service),
    owner: ref(r.owner),
    inherent: explainScore(k.inherentLikelihood, k.inherentImpact, t),
    residual: explainScore(k.residualLikelihood, k.residualImpact, t),
    treatment: k.treatment as Treatment,
    status: k.status as RiskStatus,
    reviewIntervalDays: k.reviewIntervalDays,
    nextReviewDate: k.nextReviewDate,
    reviewOverdue: k.status !== "closed" && k.nextReviewDate !== null && k.nextReviewDate < today,
    acceptance:
      k.acceptedAt && k.acceptanceJustification
        ? {
            by: ref(r.acceptor),
            at: k.acceptedAt.toISOString(),
            justification: k.acceptanceJustification,
            expiresAt: k.acceptanceExpiresAt,
          }
        : null,
    acceptanceExpired: accepted && k.acceptanceExpiresAt !== null && k.acceptanceExpiresAt < today,
    signalId: k.signalId,
    tasks: { open: r.openTasks, overdue: r.overdueTasks },
    closedAt: k.closedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
  };
}

/** Whitelists a risk row with its controls for the risk page. */
export function presentRisk(
  r: RiskSelectRow,
  controls: Risk["controls"],
  t: LevelThresholds,
  today: string,
): Risk {
  return { ...presentRiskListItem(r, t, today), description: r.risk.description, controls };
}

/** The audit snapshot of a risk: its own fields, without timestamps or generated scores. */
export function riskSnapshot(k: RiskRow) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, inherentScore: _i, residualScore: _r, ...fields } = k;
  return fields;
}
