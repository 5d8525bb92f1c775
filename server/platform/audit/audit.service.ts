import { eq } from "drizzle-orm";
import { organizations } from "../../modules/organizations/organizations.tables.js";
import type { Actor } from "../access.js";
import type { Queryable, Tx } from "../db/index.js";
import { auditEvents } from "./audit.tables.js";
import { type ChainedEvent, chainHash, GENESIS_HASH } from "./chain.js";

/** Who an audit event is attributed to; `system` covers the CLI and scheduled jobs. */
export interface AuditActor {
  type: "user" | "token" | "system";
  id: string | null;
  name: string | null;
  requestId: string | null;
  ip: string | null;
}

/** The audit attribution of a request's actor. */
export function auditActorOf(actor: Actor): AuditActor {
  return {
    type: actor.kind,
    id: actor.tokenId ?? actor.userId,
    name: actor.kind === "token" ? `${actor.name} (API token)` : actor.name,
    requestId: actor.requestId,
    ip: actor.ip,
  };
}

/** A system attribution (command line, jobs). */
export const systemActor = (name = "system"): AuditActor => ({
  type: "system",
  id: null,
  name,
  requestId: null,
  ip: null,
});

/** What happened, to what, and how it looked before and after. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Other records this event concerns (e.g. the partner of a site), for activity feeds. */
  relatedIds?: string[];
  before?: unknown;
  after?: unknown;
}

/** JSON round trip: what jsonb will hand back, so the hash we compute now verifies later. */
const asJson = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one event to the organization's hash chain inside the caller's transaction, so the
 * event commits or rolls back with the change it describes. The organization row holds the chain
 * head and is locked for the rest of the transaction, so two concurrent changes can never both
 * link to the same predecessor.
 */
export async function recordAudit(tx: Tx, orgId: string, who: AuditActor, entry: AuditEntry): Promise<void> {
  const head = await lockChainHead(tx, orgId);
  const event = toChainedEvent(orgId, head.seq + 1, new Date().toISOString(), who, entry);
  const hash = chainHash(head.hash, event);
  await tx.insert(auditEvents).values({ ...event, at: new Date(event.at), prevHash: head.hash, hash });
  await tx
    .update(organizations)
    .set({ auditSeq: event.seq, auditHash: hash })
    .where(eq(organizations.id, orgId));
}

/**
 * Locks the organization row, which holds the head of its chain, for the rest of the transaction
 * and returns the head. Writers that touch many rows of one organization take it first, so they
 * queue in one order rather than deadlock.
 */
export async function lockChainHead(tx: Tx, orgId: string): Promise<{ seq: number; hash: string }> {
  const [head] = await tx
    .select({ seq: organizations.auditSeq, hash: organizations.auditHash })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    // NO KEY UPDATE, not UPDATE: the change being audited may already hold a KEY SHARE lock on
    // this row (any insert referencing the organization does), and UPDATE would deadlock with it.
    .for("no key update");
  if (!head) throw new Error(`audit: unknown organization ${orgId}`);
  return head;
}

/** The hashed shape of one event. */
export function toChainedEvent(
  orgId: string,
  seq: number,
  at: string,
  who: AuditActor,
  entry: AuditEntry,
): ChainedEvent {
  return {
    orgId,
    seq,
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
}

/** The result of recomputing an organization's chain. */
export interface VerifyResult {
  orgId: string;
  events: number;
  ok: boolean;
  /** The first sequence number that is altered or missing, with the reason. */
  firstBad?: { seq: number; reason: "altered" | "missing" | "relinked" };
}

/** Recomputes one organization's chain from the start and names the first broken link. */
export async function verifyChain(db: Queryable, orgId: string): Promise<VerifyResult> {
  const [head] = await db
    .select({ seq: organizations.auditSeq, hash: organizations.auditHash })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId))
    .orderBy(auditEvents.seq);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq)
      return { orgId, events: rows.length, ok: false, firstBad: { seq: expectedSeq, reason: "missing" } };
    if (row.prevHash !== prevHash)
      return { orgId, events: rows.length, ok: false, firstBad: { seq: row.seq, reason: "relinked" } };
    const event: ChainedEvent = {
      orgId: row.orgId,
      seq: row.seq,
      at: row.at.toISOString(),
      actorType: row.actorType,
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      relatedIds: row.relatedIds,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
      ip: row.ip,
    };
    if (chainHash(prevHash, event) !== row.hash)
      return { orgId, events: rows.length, ok: false, firstBad: { seq: row.seq, reason: "altered" } };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  // The newest events were removed if the chain stops short of the head kept on the organization.
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
    return { orgId, events: rows.length, ok: false, firstBad: { seq: expectedSeq, reason: "missing" } };
  }
  return { orgId, events: rows.length, ok: true };
}
