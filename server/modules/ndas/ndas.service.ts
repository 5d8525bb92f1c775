import { and, eq, type SQL, sql } from "drizzle-orm";
import {
  type CreateNda,
  type ListNdasQuery,
  type Nda,
  type NdaSignatory,
  ndaProblems,
  type UpdateNda,
} from "../../../domain/ndas.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { type AuditActor, auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { invalid, notFound } from "../../platform/errors.js";
import { assertPartner } from "../contracts/contracts.checks.js";
import { partners } from "../partners/partners.tables.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { users } from "../users/users.tables.js";
import { type NdaSelectRow, ndaColumns, ndaSnapshot, presentNda } from "./ndas.present.js";
import { ndaFilters, ndaOrdering } from "./ndas.query.js";
import { ndas } from "./ndas.tables.js";

type NdaRow = typeof ndas.$inferSelect;

/**
 * True when an NDA with the partner is in force on `on` (effective ≤ on ≤ expiry, or no expiry).
 * Issue 7's sharing rule asks this before a confidential document may go to a partner.
 */
export async function ndaInForce(
  q: Queryable,
  orgId: string,
  partnerId: string,
  on: string,
): Promise<boolean> {
  const [row] = await q
    .select({ id: ndas.id })
    .from(ndas)
    .where(
      and(
        eq(ndas.orgId, orgId),
        eq(ndas.partnerId, partnerId),
        sql`${ndas.effectiveDate} <= ${on}::date`,
        sql`(${ndas.expiryDate} IS NULL OR ${ndas.expiryDate} >= ${on}::date)`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** NDAs feed the `no_nda` signal rule: re-evaluate the partner in the change's transaction. */
const afterNdaChange = (tx: Tx, orgId: string, who: AuditActor, partnerId: string) =>
  reevaluateSignals(tx, orgId, who, { partnerIds: [partnerId] });

/** Loads an NDA of the organization for update, or 404 (also for other organizations' ids). */
async function lockNda(tx: Tx, orgId: string, id: string): Promise<NdaRow> {
  const [n] = await tx
    .select()
    .from(ndas)
    .where(and(eq(ndas.id, id), eq(ndas.orgId, orgId)))
    .for("update");
  if (!n) throw notFound("NDA");
  return n;
}

/** The SELECT … FROM ndas with the partner and creator a presented NDA names. */
function selectNdas<E extends Record<string, SQL.Aliased>>(q: Queryable, extra: E = {} as E) {
  return q
    .select({ ...ndaColumns, ...extra })
    .from(ndas)
    .innerJoin(partners, eq(partners.id, ndas.partnerId))
    .leftJoin(users, eq(users.id, ndas.createdBy));
}

/** Signatories as stored: `signedOn` always present (null when unknown), nothing else. */
const storedSignatories = (list: NdaSignatory[]) =>
  list.map((s) => ({ name: s.name, role: s.role, party: s.party, signedOn: s.signedOn ?? null }));

/** The columns a body sets (signatories normalised). */
function columnsOf(input: UpdateNda) {
  const { signatories, ...plain } = input;
  return { ...plain, ...(signatories ? { signatories: storedSignatories(signatories) } : {}) };
}

function assertConsistent(merged: { effectiveDate: string; expiryDate?: string | null }) {
  const problems = ndaProblems(merged);
  if (problems.length) throw invalid("The NDA is not consistent", problems);
}

/** The NDA register: create, read, update, delete and the list. */
export function createNdaService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db): Promise<Nda> {
    const [row] = await selectNdas(q).where(and(eq(ndas.id, id), eq(ndas.orgId, actor.orgId)));
    if (!row) throw notFound("NDA");
    return presentNda(row as NdaSelectRow, todayUtc());
  }

  return {
    get,

    async list(actor: Actor, q: ListNdasQuery) {
      const today = todayUtc();
      const order = ndaOrdering(q.sort, q.cursor);
      const where = ndaFilters(actor.orgId, q, today);
      if (order.after) where.push(order.after);
      const rows = await selectNdas(db, { sortValue: order.sortValue })
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.nda.id,
        (r) => presentNda(r as NdaSelectRow, today),
      );
    },

    async create(actor: Actor, input: CreateNda) {
      assertConsistent(input);
      return db.transaction(async (tx) => {
        await assertPartner(tx, actor.orgId, input.partnerId);
        const [n] = await tx
          .insert(ndas)
          .values({
            ...columnsOf(input),
            partnerId: input.partnerId,
            type: input.type,
            scope: input.scope,
            effectiveDate: input.effectiveDate,
            signatories: storedSignatories(input.signatories),
            orgId: actor.orgId,
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "nda.create",
          entityType: "nda",
          entityId: n.id,
          relatedIds: [n.partnerId],
          after: ndaSnapshot(n),
        });
        await afterNdaChange(tx, actor.orgId, auditActorOf(actor), n.partnerId);
        return get(actor, n.id, tx);
      });
    },

    /** Updates any subset; the expiry rule is checked on the merged NDA. */
    async update(actor: Actor, id: string, patch: UpdateNda) {
      return db.transaction(async (tx) => {
        const before = await lockNda(tx, actor.orgId, id);
        const cols = columnsOf(patch);
        assertConsistent({ ...before, ...cols });
        const [after] = await tx
          .update(ndas)
          .set({ ...cols, updatedAt: new Date() })
          .where(eq(ndas.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "nda.update",
          entityType: "nda",
          entityId: id,
          relatedIds: [before.partnerId],
          before: ndaSnapshot(before),
          after: ndaSnapshot(after),
        });
        await afterNdaChange(tx, actor.orgId, auditActorOf(actor), before.partnerId);
        return get(actor, id, tx);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockNda(tx, actor.orgId, id);
        await tx.delete(ndas).where(eq(ndas.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "nda.delete",
          entityType: "nda",
          entityId: id,
          relatedIds: [before.partnerId],
          before: ndaSnapshot(before),
        });
        await afterNdaChange(tx, actor.orgId, auditActorOf(actor), before.partnerId);
      });
    },
  };
}
