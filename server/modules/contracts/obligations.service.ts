import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { nextOccurrence, type Recurrence } from "../../../domain/contract-terms.js";
import type { CreateObligation, ListObligationsQuery, UpdateObligation } from "../../../domain/contracts.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { invalid, notFound } from "../../platform/errors.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { partners } from "../partners/partners.tables.js";
import { obligationSnapshot, presentObligation } from "./contracts.present.js";
import { contractObligations, contracts } from "./contracts.tables.js";

type ObligationRow = typeof contractObligations.$inferSelect;

/** Obligations by due date, undated ones last (the keyset needs a non-NULL value). */
const SORTS: Record<string, SortSpec> = {
  dueDate: { expr: sql`coalesce(${contractObligations.dueDate}, '9999-12-31'::date)`, cast: "date" },
};
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const needsDueDate = () =>
  invalid("A recurring obligation needs a due date", [
    { path: "body.dueDate", message: "Required for a recurring obligation" },
  ]);

/**
 * Obligations and deliverables under contracts. Completing a recurring obligation (status → done)
 * creates its next occurrence in the same transaction: a copy, open, due one period after the
 * completed one's due date, so the schedule never drifts with late completions.
 */
export function createObligationService(ctx: AppContext) {
  const { db } = ctx.database;

  /** The contract (of the organization) with its partner, or 404. */
  async function contractOf(q: Queryable, orgId: string, contractId: string) {
    const [c] = await q
      .select({ id: contracts.id, title: contracts.title, partner: { id: partners.id, name: partners.name } })
      .from(contracts)
      .innerJoin(partners, eq(partners.id, contracts.partnerId))
      .where(and(eq(contracts.id, contractId), eq(contracts.orgId, orgId)));
    if (!c) throw notFound("Contract");
    return c;
  }

  async function lock(tx: Tx, orgId: string, contractId: string, id: string): Promise<ObligationRow> {
    const [o] = await tx
      .select()
      .from(contractObligations)
      .where(
        and(
          eq(contractObligations.id, id),
          eq(contractObligations.contractId, contractId),
          eq(contractObligations.orgId, orgId),
        ),
      )
      .for("update");
    if (!o) throw notFound("Obligation");
    return o;
  }

  async function insert(
    tx: Tx,
    actor: Actor,
    contractId: string,
    partnerId: string,
    values: CreateObligation,
  ) {
    const [o] = await tx
      .insert(contractObligations)
      .values({
        ...values,
        orgId: actor.orgId,
        contractId,
        completedAt: values.status === "done" ? new Date() : null,
      })
      .returning();
    await recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action: "contract_obligation.create",
      entityType: "contract_obligation",
      entityId: o.id,
      relatedIds: [contractId, partnerId],
      after: obligationSnapshot(o),
    });
    return o;
  }

  return {
    /** One contract's obligations (`contractId`) or the organization's, by due date. */
    async list(actor: Actor, contractId: string | null, q: ListObligationsQuery) {
      if (contractId) await contractOf(db, actor.orgId, contractId);
      const today = todayUtc();
      const order = keysetOrdering(SORTS, contractObligations.id, "dueDate", q.cursor);
      const where: SQL[] = [eq(contractObligations.orgId, actor.orgId)];
      if (contractId) where.push(eq(contractObligations.contractId, contractId));
      if (q.partnerId) where.push(eq(contracts.partnerId, q.partnerId));
      const statuses = asArray(q.status);
      if (statuses.length) where.push(inArray(contractObligations.status, statuses));
      if (q.overdue === "true")
        where.push(
          sql`${contractObligations.status} = 'open' AND ${contractObligations.dueDate} < ${today}::date`,
        );
      if (q.overdue === "false")
        where.push(
          sql`NOT (${contractObligations.status} = 'open' AND coalesce(${contractObligations.dueDate} < ${today}::date, false))`,
        );
      if (order.after) where.push(order.after);
      const rows = await db
        .select({
          o: contractObligations,
          contract: { id: contracts.id, title: contracts.title },
          partner: { id: partners.id, name: partners.name },
          sortValue: order.sortValue,
        })
        .from(contractObligations)
        .innerJoin(contracts, eq(contracts.id, contractObligations.contractId))
        .innerJoin(partners, eq(partners.id, contracts.partnerId))
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.o.id,
        (r) => presentObligation(r.o, r.contract, r.partner, today),
      );
    },

    async create(actor: Actor, contractId: string, input: CreateObligation) {
      if (input.recurrence !== "none" && !input.dueDate) throw needsDueDate();
      return db.transaction(async (tx) => {
        const c = await contractOf(tx, actor.orgId, contractId);
        const o = await insert(tx, actor, contractId, c.partner.id, input);
        return presentObligation(o, { id: c.id, title: c.title }, c.partner, todayUtc());
      });
    },

    async update(actor: Actor, contractId: string, id: string, patch: UpdateObligation) {
      return db.transaction(async (tx) => {
        const c = await contractOf(tx, actor.orgId, contractId);
        const before = await lock(tx, actor.orgId, contractId, id);
        const merged = { ...before, ...patch };
        if (merged.recurrence !== "none" && !merged.dueDate) throw needsDueDate();
        const completing = merged.status === "done" && before.status !== "done";
        const [after] = await tx
          .update(contractObligations)
          .set({
            ...patch,
            completedAt: merged.status === "done" ? (completing ? new Date() : before.completedAt) : null,
            updatedAt: new Date(),
          })
          .where(eq(contractObligations.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: completing ? "contract_obligation.complete" : "contract_obligation.update",
          entityType: "contract_obligation",
          entityId: id,
          relatedIds: [contractId, c.partner.id],
          before: obligationSnapshot(before),
          after: obligationSnapshot(after),
        });
        const next =
          completing && after.dueDate ? nextOccurrence(after.dueDate, after.recurrence as Recurrence) : null;
        if (next)
          await insert(tx, actor, contractId, c.partner.id, {
            title: after.title,
            side: after.side as CreateObligation["side"],
            dueDate: next,
            recurrence: after.recurrence as Recurrence,
            status: "open",
            evidenceNote: null,
          });
        return presentObligation(after, { id: c.id, title: c.title }, c.partner, todayUtc());
      });
    },

    async remove(actor: Actor, contractId: string, id: string) {
      await db.transaction(async (tx) => {
        const c = await contractOf(tx, actor.orgId, contractId);
        const before = await lock(tx, actor.orgId, contractId, id);
        await tx.delete(contractObligations).where(eq(contractObligations.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "contract_obligation.delete",
          entityType: "contract_obligation",
          entityId: id,
          relatedIds: [contractId, c.partner.id],
          before: obligationSnapshot(before),
        });
      });
    },
  };
}
