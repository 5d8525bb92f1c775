import { and, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import type { ListAuditQuery } from "../../../domain/audit.js";
import type { Actor } from "../../platform/access.js";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import type { Db } from "../../platform/db/index.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";

type Row = typeof auditEvents.$inferSelect;

/** Whitelists an audit event for the API. */
export function presentEvent(e: Row) {
  return {
    id: e.id,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: { type: e.actorType as "user" | "token" | "system", id: e.actorId, name: e.actorName },
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    relatedIds: e.relatedIds,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
    ip: e.ip,
  };
}

/** A bare date as an upper bound means "through the end of that day". */
const upperBound = (to: string) =>
  to.length === 10 ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : new Date(to);

/** Lists the actor's organization's audit events, newest first, with filters and a keyset cursor. */
export async function listAuditEvents(db: Db, actor: Actor, q: ListAuditQuery) {
  const where: SQL[] = [eq(auditEvents.orgId, actor.orgId)];
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.relatedTo)
    where.push(
      or(
        eq(auditEvents.entityId, q.relatedTo),
        sql`${auditEvents.relatedIds} @> ARRAY[${q.relatedTo}]::uuid[]`,
      )!,
    );
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lt(auditEvents.at, upperBound(q.to)));
  if (q.cursor) where.push(lt(auditEvents.seq, Number(decodeCursor(q.cursor).value)));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentEvent),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.seq, last.id) : null,
  };
}
