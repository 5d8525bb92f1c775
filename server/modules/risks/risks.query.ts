import { eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { type LevelThresholds, levelRange, type ScoreLevel } from "../../../domain/risk-scoring.js";
import type { RiskFilters } from "../../../domain/risks.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { risks } from "./risks.tables.js";

/**
 * Sorts of the register. Each matches an index `(org_id, <expr>, id)`; risks without a next review
 * date sort after every dated one (the keyset needs a non-NULL value).
 */
const SORTS: Record<string, SortSpec> = {
  title: { expr: sql`lower(${risks.title})`, cast: "text" },
  residualScore: { expr: sql`${risks.residualScore}`, cast: "int" },
  inherentScore: { expr: sql`${risks.inherentScore}`, cast: "int" },
  nextReviewDate: { expr: sql`coalesce(${risks.nextReviewDate}, '9999-12-31'::date)`, cast: "date" },
  createdAt: { expr: sql`${risks.createdAt}`, cast: "timestamptz" },
  updatedAt: { expr: sql`${risks.updatedAt}`, cast: "timestamptz" },
};

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `score BETWEEN …` for any of the given levels. */
function levelCondition(column: SQL, levels: ScoreLevel[], t: LevelThresholds): SQL | undefined {
  if (!levels.length) return undefined;
  return or(
    ...levels.map((l) => {
      const [lo, hi] = levelRange(l, t);
      return sql`${column} BETWEEN ${lo} AND ${hi}`;
    }),
  );
}

/**
 * The WHERE conditions of a register query (shared by the list, the CSV export and the heat map).
 * Levels are banded by the organization's thresholds; "overdue" is relative to `today`.
 */
export function riskFilters(orgId: string, q: RiskFilters, t: LevelThresholds, today: string): SQL[] {
  const where: SQL[] = [eq(risks.orgId, orgId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(risks.title, like), ilike(risks.description, like))!);
  }
  const categories = asArray(q.categoryId);
  if (categories.length) where.push(inArray(risks.categoryId, categories));
  const residual = levelCondition(sql`${risks.residualScore}`, asArray(q.level), t);
  if (residual) where.push(residual);
  const inherent = levelCondition(sql`${risks.inherentScore}`, asArray(q.inherentLevel), t);
  if (inherent) where.push(inherent);
  if (q.partnerId) where.push(eq(risks.partnerId, q.partnerId));
  if (q.ownerId) where.push(eq(risks.ownerId, q.ownerId));
  const statuses = asArray(q.status);
  if (statuses.length) where.push(inArray(risks.status, statuses));
  const treatments = asArray(q.treatment);
  if (treatments.length) where.push(inArray(risks.treatment, treatments));
  if (q.reviewOverdue === "true")
    where.push(sql`${risks.status} <> 'closed' AND ${risks.nextReviewDate} < ${today}::date`);
  if (q.reviewOverdue === "false")
    where.push(
      sql`NOT (${risks.status} <> 'closed' AND coalesce(${risks.nextReviewDate} < ${today}::date, false))`,
    );
  if (q.residualLikelihood) where.push(eq(risks.residualLikelihood, q.residualLikelihood));
  if (q.residualImpact) where.push(eq(risks.residualImpact, q.residualImpact));
  if (q.inherentLikelihood) where.push(eq(risks.inherentLikelihood, q.inherentLikelihood));
  if (q.inherentImpact) where.push(eq(risks.inherentImpact, q.inherentImpact));
  return where;
}

/** ORDER BY, keyset condition and cursor maker of a register sort such as `-residualScore`. */
export const riskOrdering = (sort: string, cursor: string | undefined) =>
  keysetOrdering(SORTS, risks.id, sort, cursor);
