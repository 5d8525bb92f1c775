import { sql } from "drizzle-orm";
import type { AuditActor, AuditEntry } from "../../platform/audit/audit.service.js";
import { type ChainedEvent, chainHash } from "../../platform/audit/chain.js";
import type { Tx } from "../../platform/db/index.js";

/*
 * Batched audit events for the signals engine: the same hash chain `recordAudit` writes (same
 * lock on the organization row, same event shape and hash), but one lock, a few multi-row
 * INSERTs and one head update instead of three statements per event, so a full evaluation
 * raising thousands of signals stays fast. Behaviour is identical to calling `recordAudit` once
 * per entry, in order. Candidate for `platform/audit` (not this module's to edit).
 */

/** Events per INSERT statement. */
const CHUNK = 5_000;
/** Events hashed between two yields to the event loop (so queries in flight keep flowing). */
const YIELD_EVERY = 1_000;

/** JSON round trip: what jsonb will hand back, so the hash computed now verifies later. */
const asJson = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** An event with its chain link, ready to insert. */
export type ChainedRow = ChainedEvent & { prevHash: string; hash: string };

/**
 * Locks the organization row as `recordAudit` does and returns the chain head. Every writer of
 * signals takes it first, so evaluations and decisions of one organization queue in one order.
 */
export async function lockOrganization(tx: Tx, orgId: string): Promise<{ seq: number; hash: string }> {
  const { rows } = await tx.execute<{ seq: number; hash: string }>(sql`
    SELECT audit_seq::int8 AS seq, audit_hash AS hash FROM organizations WHERE id = ${orgId} FOR NO KEY UPDATE`);
  if (!rows[0]) throw new Error(`audit: unknown organization ${orgId}`);
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

/**
 * Chains `entries` after the organization's current head (read under its lock). Pure CPU work,
 * done in slices that yield to the event loop, so a caller can run it while PostgreSQL executes
 * an earlier statement of the same transaction.
 */
export async function chainAuditEvents(
  head: { seq: number; hash: string },
  orgId: string,
  who: AuditActor,
  entries: AuditEntry[],
): Promise<ChainedRow[]> {
  const at = new Date().toISOString();
  let prevHash = head.hash;
  const rows: ChainedRow[] = [];
  for (const [i, entry] of entries.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const event: ChainedEvent = {
      orgId,
      seq: head.seq + i + 1,
      at,
      actorType: who.type,
      actorId: who.id,
      actorName: who.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      relatedIds: entry.relatedIds ?? [],
      before: asJson(entry.before),
      after: asJson(entry.after),
      requestId: who.requestId,
      ip: who.ip,
    };
    const hash = chainHash(prevHash, event);
    rows.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** Inserts chained events (one JSON parameter per 5,000) and moves the organization's head. */
export async function insertAuditEvents(tx: Tx, orgId: string, rows: ChainedRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.execute(sql`
      INSERT INTO audit_events (org_id, seq, at, actor_type, actor_id, actor_name, action, entity_type,
                                entity_id, related_ids, before, after, request_id, ip, prev_hash, hash)
      SELECT x."orgId", x.seq, x.at, x."actorType", x."actorId", x."actorName", x.action, x."entityType",
             x."entityId", x."relatedIds", nullif(x.before, 'null'), nullif(x.after, 'null'), x."requestId",
             x.ip, x."prevHash", x.hash
        FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::json) AS x(
          "orgId" uuid, seq bigint, at timestamptz, "actorType" text, "actorId" uuid, "actorName" text,
          action text, "entityType" text, "entityId" uuid, "relatedIds" uuid[], before jsonb, after jsonb,
          "requestId" text, ip text, "prevHash" text, hash text)`);
  await tx.execute(sql`
    UPDATE organizations SET audit_seq = ${last.seq}, audit_hash = ${last.hash} WHERE id = ${orgId}`);
}
