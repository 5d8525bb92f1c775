import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { AccessLogEntry, AccessLogQuery } from "../../../domain/documents.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { keysetOrdering } from "../partners/partners.query.js";
import { partners } from "../partners/partners.tables.js";
import { documentAccess, documents } from "./documents.tables.js";

/** One access-log row as written: everything but the defaults. */
export type AccessRow = typeof documentAccess.$inferInsert & { id: string };

/**
 * Records one delivered copy. Called in its own transaction after the copy is marked and before
 * any byte is sent: a copy that leaves without its row could never be traced.
 */
export async function recordAccess(tx: Tx, row: AccessRow): Promise<void> {
  await tx.insert(documentAccess).values(row);
}

const ordering = (cursor: string | undefined) =>
  keysetOrdering(
    { createdAt: { expr: sql`${documentAccess.createdAt}`, cast: "timestamptz" } },
    documentAccess.id,
    "-createdAt",
    cursor,
  );

type LogRow = typeof documentAccess.$inferSelect & { partnerName: string | null; sortValue: string };

/** Whitelists an access row; the names are the snapshot taken when the copy left. */
function presentAccess(r: LogRow): AccessLogEntry {
  return {
    id: r.id,
    action: r.action,
    version: r.version,
    user: r.userId ? { id: r.userId, name: r.userName, email: r.userEmail } : null,
    // The log outlives partners (no FK): a deleted partner keeps its id with a placeholder name.
    partner: r.partnerId ? { id: r.partnerId, name: r.partnerName ?? "(deleted partner)" } : null,
    shareId: r.shareId,
    watermark: r.watermark,
    copyId: r.copyId,
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The access log of documents: who received which copy. */
export function createAccessLogService(ctx: AppContext) {
  const { db } = ctx.database;
  return {
    /** `GET /documents/:id/access-log`: newest first, keyset-paginated, by action and partner. */
    async list(actor: Actor, documentId: string, q: AccessLogQuery) {
      const [doc] = await db
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, documentId), eq(documents.orgId, actor.orgId)));
      if (!doc) throw notFound("Document");
      const order = ordering(q.cursor);
      const where: SQL[] = [eq(documentAccess.documentId, documentId), eq(documentAccess.orgId, actor.orgId)];
      if (q.action) where.push(eq(documentAccess.action, q.action));
      if (q.partnerId) where.push(eq(documentAccess.partnerId, q.partnerId));
      if (order.after) where.push(order.after);
      const rows = await db
        .select({
          ...getTableColumns(documentAccess),
          partnerName: partners.name,
          sortValue: order.sortValue,
        })
        .from(documentAccess)
        .leftJoin(
          partners,
          and(eq(partners.id, documentAccess.partnerId), eq(partners.orgId, documentAccess.orgId)),
        )
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(rows as LogRow[], q.limit, (r) => r.id, presentAccess);
    },
  };
}
