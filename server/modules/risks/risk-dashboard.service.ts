import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import {
  emptyGrid,
  type Heatmap,
  type HeatmapQuery,
  type RiskSummary,
} from "../../../domain/risk-dashboard.js";
import { levelOf, SCORE_LEVELS, type ScoreLevel } from "../../../domain/risk-scoring.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { Queryable } from "../../platform/db/index.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { loadRiskSettings } from "./risk-settings.load.js";
import { riskFilters } from "./risks.query.js";
import { riskCategories, riskSignals, risks, riskTasks } from "./risks.tables.js";

const zeroLevels = (): Record<ScoreLevel, number> =>
  Object.fromEntries(SCORE_LEVELS.map((l) => [l, 0])) as never;

/**
 * The heat map: risks per (likelihood, impact) cell, inherent and residual. One hash aggregate
 * over the four ratings (at most 625 groups) folded into both grids here, which is cheaper than
 * GROUPING SETS' two sorts. Closed risks are left out unless a `status` filter asks for them.
 */
export async function riskHeatmap(db: Queryable, actor: Actor, q: HeatmapQuery): Promise<Heatmap> {
  const { levels } = await loadRiskSettings(db, actor.orgId);
  const filters = { ...q, categoryId: q.categoryId ?? q.category };
  const where = riskFilters(actor.orgId, filters, levels, todayUtc());
  if (q.status === undefined) where.push(sql`${risks.status} <> 'closed'`);
  const rows = await db
    .select({
      il: risks.inherentLikelihood,
      ii: risks.inherentImpact,
      rl: risks.residualLikelihood,
      ri: risks.residualImpact,
      n: sql<number>`count(*)::int`,
    })
    .from(risks)
    .where(and(...where))
    .groupBy(risks.inherentLikelihood, risks.inherentImpact, risks.residualLikelihood, risks.residualImpact);
  const out: Heatmap = {
    inherent: emptyGrid(),
    residual: emptyGrid(),
    total: 0,
    byLevel: { inherent: zeroLevels(), residual: zeroLevels() },
    thresholds: levels,
  };
  for (const r of rows) {
    out.inherent[r.il - 1][r.ii - 1] += r.n;
    out.residual[r.rl - 1][r.ri - 1] += r.n;
    out.byLevel.inherent[levelOf(r.il * r.ii, levels)] += r.n;
    out.byLevel.residual[levelOf(r.rl * r.ri, levels)] += r.n;
    out.total += r.n;
  }
  return out;
}

const OPEN = sql`${risks.status} <> 'closed'`;
const ACTIVE_TASK = sql`${riskTasks.status} IN ('open', 'in_progress')`;

/** The dashboard: open risks by level and category, top partners, overdue reviews and tasks. */
export async function riskSummary(db: Queryable, actor: Actor): Promise<RiskSummary> {
  const orgId = actor.orgId;
  const { levels } = await loadRiskSettings(db, orgId);
  const today = todayUtc();
  const byScore = await db
    .select({ score: risks.residualScore, n: sql<number>`count(*)::int` })
    .from(risks)
    .where(and(eq(risks.orgId, orgId), OPEN))
    .groupBy(risks.residualScore);
  const byResidualLevel = zeroLevels();
  for (const r of byScore) byResidualLevel[levelOf(r.score, levels)] += r.n;

  const byCategory = await db
    .select({
      id: riskCategories.id,
      name: riskCategories.name,
      count: sql<number>`count(${risks.id})::int`,
    })
    .from(riskCategories)
    .leftJoin(risks, and(eq(risks.categoryId, riskCategories.id), OPEN))
    .where(eq(riskCategories.orgId, orgId))
    .groupBy(riskCategories.id)
    .orderBy(desc(sql`count(${risks.id})`), sql`lower(${riskCategories.name})`);

  const topPartners = await db
    .select({
      id: partners.id,
      name: partners.name,
      riskScore: partners.riskScore,
      riskTier: partners.riskTier,
    })
    .from(partners)
    .where(and(eq(partners.orgId, orgId), gt(partners.riskScore, 0)))
    .orderBy(asc(partners.riskTier), desc(partners.riskScore), sql`lower(${partners.name})`)
    .limit(10);

  const reviewOverdue = and(eq(risks.orgId, orgId), OPEN, sql`${risks.nextReviewDate} < ${today}::date`);
  const [reviewCount] = await db.select({ n: sql<number>`count(*)::int` }).from(risks).where(reviewOverdue);
  const reviews = await db
    .select({
      id: risks.id,
      title: risks.title,
      nextReviewDate: sql<string>`${risks.nextReviewDate}::text`,
      residualScore: risks.residualScore,
      owner: { id: users.id, name: users.name },
    })
    .from(risks)
    .leftJoin(users, eq(users.id, risks.ownerId))
    .where(reviewOverdue)
    .orderBy(asc(risks.nextReviewDate), asc(risks.id))
    .limit(10);

  const taskOverdue = and(
    eq(riskTasks.orgId, orgId),
    ACTIVE_TASK,
    sql`${riskTasks.dueDate} < ${today}::date`,
  );
  const [taskCount] = await db.select({ n: sql<number>`count(*)::int` }).from(riskTasks).where(taskOverdue);
  const tasks = await db
    .select({
      id: riskTasks.id,
      title: riskTasks.title,
      dueDate: sql<string>`${riskTasks.dueDate}::text`,
      risk: { id: risks.id, title: risks.title },
      assignee: { id: users.id, name: users.name },
    })
    .from(riskTasks)
    .innerJoin(risks, eq(risks.id, riskTasks.riskId))
    .leftJoin(users, eq(users.id, riskTasks.assigneeId))
    .where(taskOverdue)
    .orderBy(asc(riskTasks.dueDate), asc(riskTasks.id))
    .limit(10);

  const [signals] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(riskSignals)
    .where(and(eq(riskSignals.orgId, orgId), eq(riskSignals.status, "open")));

  return {
    total: byScore.reduce((a, r) => a + r.n, 0),
    openSignals: signals.n,
    byResidualLevel,
    byCategory,
    topPartners,
    overdueReviews: {
      count: reviewCount.n,
      first: reviews.map((r) => ({ ...r, owner: r.owner?.id ? r.owner : null })),
    },
    overdueTasks: {
      count: taskCount.n,
      first: tasks.map((t) => ({ ...t, assignee: t.assignee?.id ? t.assignee : null })),
    },
    thresholds: levels,
  };
}
