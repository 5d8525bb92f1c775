import { and, desc, eq } from "drizzle-orm";
import type { CreateRiskReview, RiskReview } from "../../../domain/risks.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../users/users.tables.js";
import { afterRiskChange, lockRisk } from "./risks.service.js";
import { riskReviews, risks } from "./risks.tables.js";

type ReviewRow = typeof riskReviews.$inferSelect;

function present(r: { v: ReviewRow; reviewer: { id: string; name: string } | null }): RiskReview {
  return {
    id: r.v.id,
    riskId: r.v.riskId,
    reviewer: r.reviewer?.id ? r.reviewer : null,
    notes: r.v.notes,
    reviewedAt: r.v.reviewedAt.toISOString(),
    nextReviewDate: r.v.nextReviewDate,
    inherentScore: r.v.inherentScore,
    residualScore: r.v.residualScore,
  };
}

/** Periodic reviews of risks: each records the scores as they stood and schedules the next. */
export function createRiskReviewService(ctx: AppContext) {
  const { db } = ctx.database;

  return {
    /** A risk's reviews, newest first. */
    async list(actor: Actor, riskId: string) {
      const [risk] = await db
        .select({ id: risks.id })
        .from(risks)
        .where(and(eq(risks.id, riskId), eq(risks.orgId, actor.orgId)));
      if (!risk) throw notFound("Risk");
      const rows = await db
        .select({ v: riskReviews, reviewer: { id: users.id, name: users.name } })
        .from(riskReviews)
        .leftJoin(users, eq(users.id, riskReviews.reviewerId))
        .where(eq(riskReviews.riskId, riskId))
        .orderBy(desc(riskReviews.reviewedAt), desc(riskReviews.id));
      return { items: rows.map(present) };
    },

    /**
     * Records a review by the actor. The next review date is the one given, else today + the
     * risk's interval, else none; the risk takes it over.
     */
    async create(actor: Actor, riskId: string, input: CreateRiskReview) {
      return db.transaction(async (tx) => {
        const risk = await lockRisk(tx, actor.orgId, riskId);
        const next =
          input.nextReviewDate !== undefined
            ? input.nextReviewDate
            : risk.reviewIntervalDays
              ? addDays(todayUtc(), risk.reviewIntervalDays)
              : null;
        const [v] = await tx
          .insert(riskReviews)
          .values({
            orgId: actor.orgId,
            riskId,
            reviewerId: actor.userId,
            notes: input.notes,
            nextReviewDate: next,
            inherentScore: risk.inherentScore,
            residualScore: risk.residualScore,
          })
          .returning();
        await tx
          .update(risks)
          .set({ nextReviewDate: next, updatedAt: new Date() })
          .where(eq(risks.id, riskId));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "risk.review",
          entityType: "risk_review",
          entityId: v.id,
          relatedIds: [riskId, ...(risk.partnerId ? [risk.partnerId] : [])],
          before: { nextReviewDate: risk.nextReviewDate },
          after: { nextReviewDate: next, inherentScore: v.inherentScore, residualScore: v.residualScore },
        });
        await afterRiskChange(tx, actor.orgId, auditActorOf(actor), [risk.partnerId]);
        const [reviewer] = await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.id, actor.userId));
        return present({ v, reviewer: reviewer ?? null });
      });
    },
  };
}
