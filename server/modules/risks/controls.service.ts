import { and, eq, ilike, sql } from "drizzle-orm";
import type {
  Control,
  ControlEffectiveness,
  ControlType,
  CreateControl,
  ListControlsQuery,
  UpdateControl,
} from "../../../domain/risk-treatment.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { keysetOrdering } from "../partners/partners.query.js";
import { users } from "../users/users.tables.js";
import { assertStaffUser } from "./risks.checks.js";
import { lockRisk } from "./risks.service.js";
import { controls, riskControls } from "./risks.tables.js";

type ControlRow = typeof controls.$inferSelect;

const columns = {
  c: controls,
  owner: { id: users.id, name: users.name },
  riskCount: sql<number>`(SELECT count(*)::int FROM ${riskControls} WHERE ${riskControls.controlId} = ${controls.id})`,
};

function present(r: {
  c: ControlRow;
  owner: { id: string; name: string } | null;
  riskCount: number;
}): Control {
  return {
    id: r.c.id,
    name: r.c.name,
    type: r.c.type as ControlType,
    description: r.c.description,
    owner: r.owner?.id ? r.owner : null,
    effectiveness: r.c.effectiveness as ControlEffectiveness,
    riskCount: r.riskCount,
    createdAt: r.c.createdAt.toISOString(),
    updatedAt: r.c.updatedAt.toISOString(),
  };
}

const snapshot = (c: ControlRow) => {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...fields } = c;
  return fields;
};

const SORTS = { name: { expr: sql`lower(${controls.name})`, cast: "text" as const } };

async function lockControl(tx: Queryable, orgId: string, id: string) {
  const [c] = await tx
    .select()
    .from(controls)
    .where(and(eq(controls.id, id), eq(controls.orgId, orgId)))
    .for("update");
  if (!c) throw notFound("Control");
  return c;
}

/** The control library and the links between controls and risks. */
export function createControlService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db) {
    const [row] = await q
      .select(columns)
      .from(controls)
      .leftJoin(users, eq(users.id, controls.ownerId))
      .where(and(eq(controls.id, id), eq(controls.orgId, actor.orgId)));
    if (!row) throw notFound("Control");
    return present(row);
  }

  /** Locks the risk and the control of a link (404 for either of another organization). */
  async function lockLink(tx: Tx, actor: Actor, riskId: string, controlId: string) {
    const risk = await lockRisk(tx, actor.orgId, riskId);
    await lockControl(tx, actor.orgId, controlId);
    return risk;
  }

  /** Records a link change on the risk (it changes the risk's treatment, not the control). */
  const auditLink = (
    tx: Tx,
    actor: Actor,
    risk: { id: string; partnerId: string | null },
    controlId: string,
    linked: boolean,
  ) =>
    recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action: linked ? "risk.control_link" : "risk.control_unlink",
      entityType: "risk",
      entityId: risk.id,
      relatedIds: [controlId, ...(risk.partnerId ? [risk.partnerId] : [])],
      after: { controlId, linked },
    });

  return {
    get,

    async list(actor: Actor, q: ListControlsQuery) {
      const order = keysetOrdering(SORTS, controls.id, "name", q.cursor);
      const where = [eq(controls.orgId, actor.orgId)];
      if (q.q) where.push(ilike(controls.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      if (q.type) where.push(eq(controls.type, q.type));
      if (order.after) where.push(order.after);
      const rows = await db
        .select({ ...columns, sortValue: order.sortValue })
        .from(controls)
        .leftJoin(users, eq(users.id, controls.ownerId))
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(rows, q.limit, (r) => r.c.id, present);
    },

    async create(actor: Actor, input: CreateControl) {
      await assertStaffUser(db, actor.orgId, input.ownerId, "body.ownerId");
      return db.transaction(async (tx) => {
        const [c] = await tx
          .insert(controls)
          .values({
            orgId: actor.orgId,
            name: input.name,
            type: input.type,
            description: input.description ?? null,
            ownerId: input.ownerId ?? null,
            effectiveness: input.effectiveness,
          })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "control.create",
          entityType: "control",
          entityId: c.id,
          after: snapshot(c),
        });
        return get(actor, c.id, tx);
      });
    },

    async update(actor: Actor, id: string, patch: UpdateControl) {
      await assertStaffUser(db, actor.orgId, patch.ownerId, "body.ownerId");
      return db.transaction(async (tx) => {
        const before = await lockControl(tx, actor.orgId, id);
        const [after] = await tx
          .update(controls)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(controls.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "control.update",
          entityType: "control",
          entityId: id,
          before: snapshot(before),
          after: snapshot(after),
        });
        return get(actor, id, tx);
      });
    },

    /** Deletes a control; its links to risks go with it (the risks keep their ratings). */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockControl(tx, actor.orgId, id);
        await tx.delete(controls).where(eq(controls.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "control.delete",
          entityType: "control",
          entityId: id,
          before: snapshot(before),
        });
      });
    },

    /** Links a control to a risk (idempotent: linking twice records one event). */
    async link(actor: Actor, riskId: string, controlId: string) {
      await db.transaction(async (tx) => {
        const risk = await lockLink(tx, actor, riskId, controlId);
        const inserted = await tx
          .insert(riskControls)
          .values({ orgId: actor.orgId, riskId, controlId })
          .onConflictDoNothing()
          .returning();
        if (inserted.length) await auditLink(tx, actor, risk, controlId, true);
      });
    },

    /** Unlinks a control from a risk; 404 when it was not linked. */
    async unlink(actor: Actor, riskId: string, controlId: string) {
      await db.transaction(async (tx) => {
        const risk = await lockLink(tx, actor, riskId, controlId);
        const deleted = await tx
          .delete(riskControls)
          .where(and(eq(riskControls.riskId, riskId), eq(riskControls.controlId, controlId)))
          .returning();
        if (!deleted.length) throw notFound("Link");
        await auditLink(tx, actor, risk, controlId, false);
      });
    },
  };
}
