import { and, count, eq } from "drizzle-orm";
import { canTransition, type PartnerStatus } from "../../../domain/lifecycle.js";
import type { CreatePartner, ListPartnersQuery, UpdatePartner } from "../../../domain/partners.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { AppError, conflict, invalid, notFound } from "../../platform/errors.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { users } from "../users/users.tables.js";
import { assertLifecycleGate } from "./lifecycle.gate.js";
import {
  auditSnapshot,
  partnerAggregates,
  partnerCounts,
  presentPartner,
  presentPartnerListItem,
} from "./partners.present.js";
import { partnerFilters, partnerOrdering } from "./partners.query.js";
import { partners } from "./partners.tables.js";

type PartnerRow = typeof partners.$inferSelect;

/** Loads a partner of the actor's organization for update, or 404 (also for other organizations' ids). */
export async function lockPartner(tx: Tx, orgId: string, id: string): Promise<PartnerRow> {
  const [p] = await tx
    .select()
    .from(partners)
    .where(and(eq(partners.id, id), eq(partners.orgId, orgId)))
    .for("update");
  if (!p) throw notFound("Partner");
  return p;
}

/** The owner must be an active staff member of the same organization. */
async function assertOwner(db: Queryable, orgId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [u] = await db
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.orgId, orgId)));
  if (!u?.active || u.role === "partner")
    throw invalid("The owner must be an active member of your organization", [
      { path: "body.ownerId", message: "Unknown user" },
    ]);
}

const leiTaken = () =>
  conflict("Another partner already has this LEI", "conflict", [
    { path: "body.lei", message: "Already used by another partner" },
  ]);

/** Partners: the first domain module, and the model for those that follow. */
export function createPartnerService(ctx: AppContext) {
  const { db } = ctx.database;

  const selectWithAggregates = (q: Queryable = db) =>
    q
      .select({
        partner: partners,
        owner: { id: users.id, name: users.name },
        criticalityRank: partnerAggregates.criticalityRank,
        serviceCount: partnerAggregates.serviceCount,
      })
      .from(partners)
      .leftJoin(users, eq(users.id, partners.ownerId));

  async function get(actor: Actor, id: string, q: Queryable = db) {
    const [row] = await q
      .select({
        partner: partners,
        owner: { id: users.id, name: users.name },
        criticalityRank: partnerAggregates.criticalityRank,
        serviceCount: partnerAggregates.serviceCount,
        counts: partnerCounts,
      })
      .from(partners)
      .leftJoin(users, eq(users.id, partners.ownerId))
      .where(and(eq(partners.id, id), eq(partners.orgId, actor.orgId)));
    if (!row) throw notFound("Partner");
    return presentPartner(row);
  }

  /**
   * Inserts one partner and its audit event inside `tx` (used by create and CSV import). A partner
   * created at a status past due diligence (contracting or later) is the import of a relationship
   * that already exists, not a transition: the due-diligence gate applies to moves only, and the
   * starting status is on record in the `partner.create` audit event.
   */
  async function insert(tx: Tx, actor: Actor, input: CreatePartner): Promise<PartnerRow> {
    const [p] = await tx
      .insert(partners)
      .values({
        orgId: actor.orgId,
        name: input.name,
        legalName: input.legalName ?? null,
        lei: input.lei ?? null,
        registrationIds: input.registrationIds ?? [],
        country: input.country,
        website: input.website ?? null,
        category: input.category,
        status: input.status,
        description: input.description ?? null,
        tags: input.tags ?? [],
        ownerId: input.ownerId ?? null,
      })
      .returning();
    await recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action: "partner.create",
      entityType: "partner",
      entityId: p.id,
      after: auditSnapshot(p),
    });
    return p;
  }

  return {
    get,
    insert,

    async list(actor: Actor, q: ListPartnersQuery) {
      const order = partnerOrdering(q.sort, q.cursor);
      const where = partnerFilters(actor.orgId, q);
      if (order.after) where.push(order.after);
      const rows = await db
        .select({
          partner: partners,
          owner: { id: users.id, name: users.name },
          criticalityRank: partnerAggregates.criticalityRank,
          serviceCount: partnerAggregates.serviceCount,
          sortValue: order.sortValue,
        })
        .from(partners)
        .leftJoin(users, eq(users.id, partners.ownerId))
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(rows, q.limit, (r) => r.partner.id, presentPartnerListItem);
    },

    /** All partners matching the filters (for the CSV export), in name order. */
    async listAll(actor: Actor, q: Omit<ListPartnersQuery, "limit" | "sort" | "cursor">) {
      const order = partnerOrdering("name", undefined);
      const rows = await selectWithAggregates()
        .where(and(...partnerFilters(actor.orgId, q)))
        .orderBy(...order.orderBy)
        .limit(100_000);
      return rows;
    },

    async create(actor: Actor, input: CreatePartner) {
      await assertOwner(db, actor.orgId, input.ownerId);
      try {
        return await db.transaction(async (tx) => {
          const p = await insert(tx, actor, input);
          await reevaluateSignals(tx, actor.orgId, auditActorOf(actor), { partnerIds: [p.id] });
          return get(actor, p.id, tx);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw leiTaken();
        throw e;
      }
    },

    async update(actor: Actor, id: string, patch: UpdatePartner) {
      await assertOwner(db, actor.orgId, patch.ownerId);
      try {
        return await db.transaction(async (tx) => {
          const before = await lockPartner(tx, actor.orgId, id);
          if (patch.status && !canTransition(before.status as PartnerStatus, patch.status)) {
            throw new AppError(
              409,
              "invalid_transition",
              "Conflict",
              `A partner cannot move from ${before.status} to ${patch.status}`,
            );
          }
          if (patch.status)
            await assertLifecycleGate(tx, actor.orgId, id, before.status as PartnerStatus, patch.status);
          const [after] = await tx
            .update(partners)
            .set({ ...patch, updatedAt: new Date() })
            .where(eq(partners.id, id))
            .returning();
          const action =
            patch.status && patch.status !== before.status ? "partner.status_change" : "partner.update";
          await recordAudit(tx, actor.orgId, auditActorOf(actor), {
            action,
            entityType: "partner",
            entityId: id,
            before: auditSnapshot(before),
            after: auditSnapshot(after),
          });
          await reevaluateSignals(tx, actor.orgId, auditActorOf(actor), { partnerIds: [id] });
          return get(actor, id, tx);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw leiTaken();
        throw e;
      }
    },

    /** Deletes a partner with its sites, services, contacts and sub-contractor links. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockPartner(tx, actor.orgId, id);
        const [portal] = await tx.select({ n: count() }).from(users).where(eq(users.partnerId, id));
        if (portal.n > 0)
          throw conflict(`This partner still has ${portal.n} portal user(s); remove them first`);
        await tx.delete(partners).where(eq(partners.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "partner.delete",
          entityType: "partner",
          entityId: id,
          before: auditSnapshot(before),
        });
        // Its own signals went with it (cascade); organization-wide rules still see the change.
        await reevaluateSignals(tx, actor.orgId, auditActorOf(actor), { partnerIds: [] });
      });
    },
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
