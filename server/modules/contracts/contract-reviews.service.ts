import { and, desc, eq } from "drizzle-orm";
import type { CreateContractReview } from "../../../domain/contracts.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../users/users.tables.js";
import { presentContractReview } from "./contracts.present.js";
import { lockContract } from "./contracts.service.js";
import { contractReviews, contracts } from "./contracts.tables.js";

/** Periodic contract reviews: each records an outcome and schedules the contract's next review. */
export function createContractReviewService(ctx: AppContext) {
  const { db } = ctx.database;

  return {
    /** A contract's reviews, newest first. */
    async list(actor: Actor, contractId: string) {
      const [c] = await db
        .select({ id: contracts.id })
        .from(contracts)
        .where(and(eq(contracts.id, contractId), eq(contracts.orgId, actor.orgId)));
      if (!c) throw notFound("Contract");
      const rows = await db
        .select({ review: contractReviews, reviewer: { id: users.id, name: users.name } })
        .from(contractReviews)
        .leftJoin(users, eq(users.id, contractReviews.reviewerId))
        .where(eq(contractReviews.contractId, contractId))
        .orderBy(desc(contractReviews.reviewedAt), desc(contractReviews.id));
      return { items: rows.map((r) => presentContractReview(r.review, r.reviewer)) };
    },

    /**
     * Records a review by the actor. The next review date is the one given, else today + the
     * contract's interval, else none; the contract takes it over.
     */
    async create(actor: Actor, contractId: string, input: CreateContractReview) {
      return db.transaction(async (tx) => {
        const contract = await lockContract(tx, actor.orgId, contractId);
        const next =
          input.nextReviewDate !== undefined
            ? input.nextReviewDate
            : contract.reviewIntervalDays
              ? addDays(todayUtc(), contract.reviewIntervalDays)
              : null;
        const [review] = await tx
          .insert(contractReviews)
          .values({
            orgId: actor.orgId,
            contractId,
            outcome: input.outcome,
            notes: input.notes ?? null,
            reviewerId: actor.userId,
            nextReviewDate: next,
          })
          .returning();
        await tx
          .update(contracts)
          .set({ nextReviewDate: next, updatedAt: new Date() })
          .where(eq(contracts.id, contractId));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "contract.review",
          entityType: "contract_review",
          entityId: review.id,
          relatedIds: [contractId, contract.partnerId],
          before: { nextReviewDate: contract.nextReviewDate },
          after: { outcome: review.outcome, nextReviewDate: next },
        });
        const [reviewer] = await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.id, actor.userId));
        return presentContractReview(review, reviewer ?? null);
      });
    },
  };
}
