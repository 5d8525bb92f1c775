import { and, eq, sql } from "drizzle-orm";
import type { CreateRiskCategory, RiskCategory, UpdateRiskCategory } from "../../../domain/risks.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict, notFound } from "../../platform/errors.js";
import { riskCategories, risks } from "./risks.tables.js";

type CategoryRow = typeof riskCategories.$inferSelect;

const nameTaken = () =>
  conflict("Another category already has this name", "conflict", [
    { path: "body.name", message: "Already used by another category" },
  ]);

// Qualified by hand: Drizzle renders columns of a single-table select unqualified, and a bare
// "id" inside the subquery would mean the risk's id, counting nothing.
const riskCount = sql<number>`(SELECT count(*)::int FROM risks r WHERE r.category_id = "risk_categories"."id")`;

function present(c: CategoryRow, count: number): RiskCategory {
  return {
    id: c.id,
    key: c.key,
    name: c.name,
    description: c.description,
    builtin: c.key !== null,
    riskCount: count,
  };
}

const snapshot = (c: CategoryRow) => ({ key: c.key, name: c.name, description: c.description });

async function lockCategory(tx: Tx, orgId: string, id: string) {
  const [c] = await tx
    .select()
    .from(riskCategories)
    .where(and(eq(riskCategories.id, id), eq(riskCategories.orgId, orgId)))
    .for("update");
  if (!c) throw notFound("Category");
  return c;
}

/** The organization's risk taxonomy: built-in categories (renamable, not deletable) and its own. */
export function createRiskCategoryService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db) {
    const [row] = await q
      .select({ c: riskCategories, n: riskCount })
      .from(riskCategories)
      .where(and(eq(riskCategories.id, id), eq(riskCategories.orgId, actor.orgId)));
    if (!row) throw notFound("Category");
    return present(row.c, row.n);
  }

  /** Runs `fn` in a transaction, turning a duplicate name into 409. */
  async function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await db.transaction(fn);
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
  }

  return {
    async list(actor: Actor) {
      const rows = await db
        .select({ c: riskCategories, n: riskCount })
        .from(riskCategories)
        .where(eq(riskCategories.orgId, actor.orgId))
        .orderBy(sql`lower(${riskCategories.name})`);
      return { items: rows.map((r) => present(r.c, r.n)) };
    },

    async create(actor: Actor, input: CreateRiskCategory) {
      return write(async (tx) => {
        const [c] = await tx
          .insert(riskCategories)
          .values({ orgId: actor.orgId, name: input.name, description: input.description ?? null })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "risk_category.create",
          entityType: "risk_category",
          entityId: c.id,
          after: snapshot(c),
        });
        return present(c, 0);
      });
    },

    async update(actor: Actor, id: string, patch: UpdateRiskCategory) {
      return write(async (tx) => {
        const before = await lockCategory(tx, actor.orgId, id);
        const [after] = await tx
          .update(riskCategories)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(riskCategories.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "risk_category.update",
          entityType: "risk_category",
          entityId: id,
          before: snapshot(before),
          after: snapshot(after),
        });
        return get(actor, id, tx);
      });
    },

    /** Deletes a custom category no risk uses; built-in ones stay (signals propose risks by their key). */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockCategory(tx, actor.orgId, id);
        if (before.key !== null)
          throw conflict("Built-in categories can be renamed but not deleted", "builtin_category");
        const [used] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(risks)
          .where(eq(risks.categoryId, id));
        if (used.n > 0)
          throw conflict(`${used.n} risk(s) use this category; move them first`, "category_in_use");
        await tx.delete(riskCategories).where(eq(riskCategories.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "risk_category.delete",
          entityType: "risk_category",
          entityId: id,
          before: snapshot(before),
        });
      });
    },
  };
}
