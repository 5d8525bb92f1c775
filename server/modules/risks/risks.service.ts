import { and, eq, type SQL, sql } from "drizzle-orm";
import {
  type AcceptRisk,
  acceptanceExpiryProblems,
  type CreateRisk,
  type ListRisksQuery,
  type RiskFilters,
  residualProblems,
  type UpdateRisk,
} from "../../../domain/risks.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { type AuditActor, auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { AppError, conflict, invalid, notFound } from "../../platform/errors.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { refreshPartnerRisk } from "./partner-risk.js";
import { loadRiskSettings } from "./risk-settings.load.js";
import { assertCategory, assertStaffUser, resolvePartnerService } from "./risks.checks.js";
import {
  acceptorUser,
  ownerUser,
  presentRisk,
  presentRiskListItem,
  riskColumns,
  riskSnapshot,
} from "./risks.present.js";
import { riskFilters, riskOrdering } from "./risks.query.js";
import { controls, riskCategories, riskControls, risks } from "./risks.tables.js";

type RiskRow = typeof risks.$inferSelect;

/** Loads a risk of the organization for update, or 404 (also for other organizations' ids). */
export async function lockRisk(tx: Tx, orgId: string, id: string): Promise<RiskRow> {
  const [r] = await tx
    .select()
    .from(risks)
    .where(and(eq(risks.id, id), eq(risks.orgId, orgId)))
    .for("update");
  if (!r) throw notFound("Risk");
  return r;
}

/**
 * After any change to risks: the signals of the partners concerned (one rule reads review dates)
 * and their cached risk tier, in the same transaction.
 */
export async function afterRiskChange(tx: Tx, orgId: string, who: AuditActor, partnerIds: (string | null)[]) {
  const ids = [...new Set(partnerIds.filter((p): p is string => p !== null))];
  if (!ids.length) return;
  await reevaluateSignals(tx, orgId, who, { partnerIds: ids });
  await refreshPartnerRisk(tx, orgId, ids);
}

/** The SELECT … FROM risks with every join a presented risk needs. */
export function selectRisks<E extends Record<string, SQL.Aliased>>(q: Queryable, extra: E = {} as E) {
  return q
    .select({ ...riskColumns, ...extra })
    .from(risks)
    .innerJoin(riskCategories, eq(riskCategories.id, risks.categoryId))
    .leftJoin(partners, eq(partners.id, risks.partnerId))
    .leftJoin(partnerServices, eq(partnerServices.id, risks.serviceId))
    .leftJoin(ownerUser, eq(ownerUser.id, risks.ownerId))
    .leftJoin(acceptorUser, eq(acceptorUser.id, risks.acceptedById));
}

const exceedsInherent = (errors: { path: string; message: string }[]) =>
  new AppError(
    422,
    "residual_exceeds_inherent",
    "Validation failed",
    "Residual ratings cannot exceed the inherent ones: controls only lower a risk",
    errors,
  );
const useAcceptEndpoint = () =>
  conflict(
    "A risk is accepted through POST /api/v1/risks/:id/accept, with a justification and an expiry",
    "use_accept_endpoint",
    [{ path: "body.status", message: "Use the accept endpoint" }],
  );

/**
 * Inserts a risk with its `risk.create` audit event in the caller's transaction (the register's
 * `POST /risks` and the acceptance of a signal). Callers validate first and then run
 * `afterRiskChange` for the partner.
 */
export async function insertRisk(
  tx: Tx,
  actor: Actor,
  values: Omit<typeof risks.$inferInsert, "orgId" | "inherentScore" | "residualScore">,
): Promise<RiskRow> {
  const [r] = await tx
    .insert(risks)
    .values({ ...values, orgId: actor.orgId })
    .returning();
  await recordAudit(tx, actor.orgId, auditActorOf(actor), {
    action: "risk.create",
    entityType: "risk",
    entityId: r.id,
    relatedIds: r.partnerId ? [r.partnerId] : [],
    after: riskSnapshot(r),
  });
  return r;
}

/** The risk register: risks, their acceptance and the register list. */
export function createRiskService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db) {
    const [row] = await selectRisks(q).where(and(eq(risks.id, id), eq(risks.orgId, actor.orgId)));
    if (!row) throw notFound("Risk");
    const linked = await q
      .select({
        id: controls.id,
        name: controls.name,
        type: controls.type,
        effectiveness: controls.effectiveness,
      })
      .from(riskControls)
      .innerJoin(controls, eq(controls.id, riskControls.controlId))
      .where(eq(riskControls.riskId, id))
      .orderBy(sql`lower(${controls.name})`);
    const { levels } = await loadRiskSettings(q, actor.orgId);
    return presentRisk(row, linked, levels, todayUtc());
  }

  /** Checks the references of a body and returns the partner the risk ends up with. */
  async function checkRefs(
    q: Queryable,
    actor: Actor,
    input: Partial<CreateRisk>,
    partnerId: string | null,
    serviceId: string | null,
  ) {
    await assertCategory(q, actor.orgId, input.categoryId);
    await assertStaffUser(q, actor.orgId, input.ownerId, "body.ownerId");
    return resolvePartnerService(q, actor.orgId, partnerId, serviceId);
  }

  return {
    get,

    async list(actor: Actor, q: ListRisksQuery) {
      const { levels } = await loadRiskSettings(db, actor.orgId);
      const today = todayUtc();
      const order = riskOrdering(q.sort, q.cursor);
      const where = riskFilters(actor.orgId, q, levels, today);
      if (order.after) where.push(order.after);
      const rows = await selectRisks(db, { sortValue: order.sortValue })
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.risk.id,
        (r) => presentRiskListItem(r, levels, today),
      );
    },

    /** Every risk matching the filters (CSV export), highest residual score first. */
    async listAll(actor: Actor, q: RiskFilters) {
      const { levels } = await loadRiskSettings(db, actor.orgId);
      const today = todayUtc();
      const order = riskOrdering("-residualScore", undefined);
      const rows = await selectRisks(db)
        .where(and(...riskFilters(actor.orgId, q, levels, today)))
        .orderBy(...order.orderBy)
        .limit(100_000);
      return rows.map((r) => presentRiskListItem(r, levels, today));
    },

    async create(actor: Actor, input: CreateRisk) {
      if (input.status === "accepted") throw useAcceptEndpoint();
      const ratings = {
        inherentLikelihood: input.inherentLikelihood,
        inherentImpact: input.inherentImpact,
        residualLikelihood: input.residualLikelihood ?? input.inherentLikelihood,
        residualImpact: input.residualImpact ?? input.inherentImpact,
      };
      const problems = residualProblems(ratings);
      if (problems.length) throw exceedsInherent(problems);
      const partnerId = await checkRefs(db, actor, input, input.partnerId ?? null, input.serviceId ?? null);
      const interval = input.reviewIntervalDays ?? null;
      return db.transaction(async (tx) => {
        const r = await insertRisk(tx, actor, {
          title: input.title,
          description: input.description ?? null,
          categoryId: input.categoryId,
          partnerId,
          serviceId: input.serviceId ?? null,
          ownerId: input.ownerId ?? null,
          ...ratings,
          treatment: input.treatment,
          status: input.status,
          reviewIntervalDays: interval,
          nextReviewDate:
            input.nextReviewDate !== undefined
              ? input.nextReviewDate
              : interval
                ? addDays(todayUtc(), interval)
                : null,
          closedAt: input.status === "closed" ? new Date() : null,
        });
        await afterRiskChange(tx, actor.orgId, auditActorOf(actor), [partnerId]);
        return get(actor, r.id, tx);
      });
    },

    /**
     * Updates any subset of a risk. The residual ≤ inherent rule applies to the merged ratings;
     * setting an interval on a risk without a next review date schedules one from today.
     */
    async update(actor: Actor, id: string, patch: UpdateRisk) {
      return db.transaction(async (tx) => {
        const before = await lockRisk(tx, actor.orgId, id);
        if (patch.status === "accepted" && before.status !== "accepted") throw useAcceptEndpoint();
        const problems = residualProblems({
          inherentLikelihood: patch.inherentLikelihood ?? before.inherentLikelihood,
          inherentImpact: patch.inherentImpact ?? before.inherentImpact,
          residualLikelihood: patch.residualLikelihood ?? before.residualLikelihood,
          residualImpact: patch.residualImpact ?? before.residualImpact,
        });
        if (problems.length) throw exceedsInherent(problems);
        const serviceId = patch.serviceId !== undefined ? patch.serviceId : before.serviceId;
        const partnerId = await checkRefs(
          tx,
          actor,
          patch,
          patch.partnerId !== undefined ? patch.partnerId : before.partnerId,
          serviceId,
        );
        const interval = patch.reviewIntervalDays;
        const nextReviewDate =
          patch.nextReviewDate !== undefined
            ? patch.nextReviewDate
            : interval && !before.nextReviewDate
              ? addDays(todayUtc(), interval)
              : before.nextReviewDate;
        const status = patch.status ?? before.status;
        const closedAt =
          status === "closed" ? (before.status === "closed" ? before.closedAt : new Date()) : null;
        const [after] = await tx
          .update(risks)
          .set({ ...patch, partnerId, serviceId, nextReviewDate, closedAt, updatedAt: new Date() })
          .where(eq(risks.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: status !== before.status ? "risk.status_change" : "risk.update",
          entityType: "risk",
          entityId: id,
          relatedIds: [...new Set([before.partnerId, partnerId].filter((p): p is string => !!p))],
          before: riskSnapshot(before),
          after: riskSnapshot(after),
        });
        await afterRiskChange(tx, actor.orgId, auditActorOf(actor), [before.partnerId, partnerId]);
        return get(actor, id, tx);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockRisk(tx, actor.orgId, id);
        await tx.delete(risks).where(eq(risks.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "risk.delete",
          entityType: "risk",
          entityId: id,
          relatedIds: before.partnerId ? [before.partnerId] : [],
          before: riskSnapshot(before),
        });
        await afterRiskChange(tx, actor.orgId, auditActorOf(actor), [before.partnerId]);
      });
    },

    /** Accepts a risk until `expiresAt`: status `accepted`, treatment `accept`, who and why recorded. */
    async accept(actor: Actor, id: string, input: AcceptRisk) {
      const problems = acceptanceExpiryProblems(input.expiresAt, todayUtc());
      if (problems.length) throw invalid("The expiry date is not acceptable", problems);
      return db.transaction(async (tx) => {
        const before = await lockRisk(tx, actor.orgId, id);
        if (before.status === "closed") throw conflict("A closed risk cannot be accepted; reopen it first");
        const [after] = await tx
          .update(risks)
          .set({
            status: "accepted",
            treatment: "accept",
            acceptedById: actor.userId,
            acceptedAt: new Date(),
            acceptanceJustification: input.justification,
            acceptanceExpiresAt: input.expiresAt,
            closedAt: null,
            updatedAt: new Date(),
          })
          .where(eq(risks.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "risk.accept",
          entityType: "risk",
          entityId: id,
          relatedIds: before.partnerId ? [before.partnerId] : [],
          before: riskSnapshot(before),
          after: riskSnapshot(after),
        });
        await afterRiskChange(tx, actor.orgId, auditActorOf(actor), [before.partnerId]);
        return get(actor, id, tx);
      });
    },
  };
}

export type RiskService = ReturnType<typeof createRiskService>;
