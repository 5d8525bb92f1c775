import { and, asc, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict, notFound } from "../../platform/errors.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { lockPartner } from "./partners.service.js";
import { partners } from "./partners.tables.js";

/** Columns every partner part table has. */
type PartTable = PgTable & {
  id: import("drizzle-orm/pg-core").PgColumn;
  orgId: import("drizzle-orm/pg-core").PgColumn;
  partnerId: import("drizzle-orm/pg-core").PgColumn;
  createdAt: import("drizzle-orm/pg-core").PgColumn;
  updatedAt: import("drizzle-orm/pg-core").PgColumn;
};

/** How one kind of partner part (site, service, contact, sub-contractor) is stored and shown. */
export interface PartKind<Row extends { id: string }, Create, Update, Out> {
  /** Singular name for audit events and messages, e.g. "site". */
  entity: string;
  table: PartTable;
  /** Turns a validated body into column values. */
  toValues(input: Create | Update): Record<string, unknown>;
  /** Business checks that need the database (e.g. the sub-contractor exists), inside the transaction. */
  check?(tx: Tx, actor: Actor, partnerId: string, input: Create | Update, existing?: Row): Promise<void>;
  /** Whitelists rows for the API; may look up related names in bulk. */
  present(db: Queryable, rows: Row[]): Promise<Out[]>;
  /** Message for a unique-constraint violation, if the table has one. */
  duplicateMessage?: string;
  /** Tidies what refers to a part about to be deleted, inside the deleting transaction. */
  beforeDelete?(tx: Tx, actor: Actor, partnerId: string, row: Row): Promise<void>;
}

/**
 * CRUD for a partner's parts, scoped to the actor's organization and the partner in the path.
 * Every change locks the partner row (so a concurrent delete cannot orphan the part), writes the
 * part, and records an audit event related to the partner, all in one transaction.
 */
export function createPartService<Row extends { id: string }, Create, Update, Out>(
  ctx: AppContext,
  kind: PartKind<Row, Create, Update, Out>,
) {
  const { db } = ctx.database;
  const t = kind.table;

  async function assertPartner(q: Queryable, orgId: string, partnerId: string) {
    const [p] = await q
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.id, partnerId), eq(partners.orgId, orgId)));
    if (!p) throw notFound("Partner");
  }

  async function loadPart(tx: Tx, actor: Actor, partnerId: string, id: string): Promise<Row> {
    const [row] = (await tx
      .select()
      .from(t)
      .where(and(eq(t.id, id), eq(t.partnerId, partnerId), eq(t.orgId, actor.orgId)))) as Row[];
    if (!row) throw notFound(kind.entity[0].toUpperCase() + kind.entity.slice(1));
    return row;
  }

  const audit = (
    tx: Tx,
    actor: Actor,
    action: string,
    partnerId: string,
    id: string,
    before?: unknown,
    after?: unknown,
  ) =>
    recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action: `${kind.entity}.${action}`,
      entityType: kind.entity,
      entityId: id,
      relatedIds: [partnerId],
      before,
      after,
    });

  const translate = (e: unknown): never => {
    if (isUniqueViolation(e) && kind.duplicateMessage) throw conflict(kind.duplicateMessage);
    throw e;
  };

  const one = async (q: Queryable, row: Row) => (await kind.present(q, [row]))[0];

  /** Signals read every part; a sub-contractor link concerns the partner on both ends. */
  const reevaluate = (tx: Tx, actor: Actor, partnerId: string, ...rows: Row[]) => {
    const linked = rows.flatMap((r) => ("subcontractorId" in r ? [r.subcontractorId as string] : []));
    return reevaluateSignals(tx, actor.orgId, auditActorOf(actor), {
      partnerIds: [...new Set([partnerId, ...linked])],
    });
  };

  return {
    async list(actor: Actor, partnerId: string) {
      await assertPartner(db, actor.orgId, partnerId);
      const rows = (await db
        .select()
        .from(t)
        .where(and(eq(t.partnerId, partnerId), eq(t.orgId, actor.orgId)))
        .orderBy(asc(t.createdAt), asc(t.id))) as Row[];
      return { items: await kind.present(db, rows) };
    },

    async create(actor: Actor, partnerId: string, input: Create) {
      return db
        .transaction(async (tx) => {
          await lockPartner(tx, actor.orgId, partnerId);
          await kind.check?.(tx, actor, partnerId, input);
          const [row] = (await tx
            .insert(t)
            .values({ ...kind.toValues(input), orgId: actor.orgId, partnerId } as never)
            .returning()) as Row[];
          const out = await one(tx, row);
          await audit(tx, actor, "create", partnerId, row.id, undefined, out);
          await reevaluate(tx, actor, partnerId, row);
          return out;
        })
        .catch(translate);
    },

    async update(actor: Actor, partnerId: string, id: string, patch: Update) {
      return db
        .transaction(async (tx) => {
          await lockPartner(tx, actor.orgId, partnerId);
          const before = await loadPart(tx, actor, partnerId, id);
          await kind.check?.(tx, actor, partnerId, patch, before);
          const [row] = (await tx
            .update(t)
            .set({ ...kind.toValues(patch), updatedAt: new Date() } as never)
            .where(eq(t.id, id))
            .returning()) as Row[];
          const out = await one(tx, row);
          await audit(tx, actor, "update", partnerId, id, await one(tx, before), out);
          await reevaluate(tx, actor, partnerId, before, row);
          return out;
        })
        .catch(translate);
    },

    async remove(actor: Actor, partnerId: string, id: string) {
      await db.transaction(async (tx) => {
        await lockPartner(tx, actor.orgId, partnerId);
        const before = await loadPart(tx, actor, partnerId, id);
        await kind.beforeDelete?.(tx, actor, partnerId, before);
        await tx.delete(t).where(eq(t.id, id));
        await audit(tx, actor, "delete", partnerId, id, await one(tx, before));
        await reevaluate(tx, actor, partnerId, before);
      });
    },
  };
}
