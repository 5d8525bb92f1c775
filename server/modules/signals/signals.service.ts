import { and, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { BUILTIN_RISK_CATEGORIES } from "../../../domain/risk-categories.js";
import type { AcceptSignal, DismissSignal, ListSignalsQuery } from "../../../domain/signals/api.js";
import { SIGNAL_RULES } from "../../../domain/signals/registry.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, lockChainHead, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, notFound } from "../../platform/errors.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";
import { loadRiskSettings } from "../risks/risk-settings.load.js";
import { afterRiskChange } from "../risks/risks.service.js";
import { riskCategories, riskSignals } from "../risks/risks.tables.js";
import { insertRiskFromSignal } from "./signals.accept.js";
import { decisionSnapshot, presentSignal, selectSignals } from "./signals.present.js";
import { evaluateOrganization } from "./signals.reevaluate.js";

type SignalRow = typeof riskSignals.$inferSelect;

/** 409 for a decision on a signal that is no longer open (decided already, or resolved). */
const notOpen = (status: string) => conflict(`The signal is ${status}, not open`, "signal_not_open");

/**
 * Locks a signal of the organization, or 404 (also for other organizations' ids). The
 * organization row is locked first, as evaluations do, so a decision and an evaluation never
 * wait on each other in opposite orders.
 */
async function lockSignal(tx: Tx, orgId: string, id: string): Promise<SignalRow> {
  await lockChainHead(tx, orgId);
  const [s] = await tx
    .select()
    .from(riskSignals)
    .where(and(eq(riskSignals.id, id), eq(riskSignals.orgId, orgId)))
    .for("update");
  if (!s) throw notFound("Signal");
  return s;
}

/** The signals inbox: list, decide (accept into the register or dismiss), evaluate on demand. */
export function createSignalService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db) {
    const [row] = await selectSignals(q).where(
      and(eq(riskSignals.id, id), eq(riskSignals.orgId, actor.orgId)),
    );
    const settings = await loadRiskSettings(q, actor.orgId);
    if (!row) throw notFound("Signal");
    return presentSignal(row, settings.levels);
  }

  /** Marks an open signal decided, audited; returns it presented. */
  async function decide(
    tx: Tx,
    actor: Actor,
    before: SignalRow,
    action: "accept" | "dismiss",
    set: Partial<SignalRow>,
  ) {
    const [after] = await tx
      .update(riskSignals)
      .set({ ...set, decidedById: actor.userId, decidedAt: new Date() })
      .where(eq(riskSignals.id, before.id))
      .returning();
    await recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action: `risk_signal.${action}`,
      entityType: "risk_signal",
      entityId: before.id,
      relatedIds: before.partnerId ? [before.partnerId] : [],
      before: decisionSnapshot(before),
      after: decisionSnapshot(after),
    });
    return get(actor, before.id, tx);
  }

  return {
    get,

    /** Newest first (`raised_at`, then id), keyset-paginated. */
    async list(actor: Actor, q: ListSignalsQuery) {
      const where: SQL[] = [eq(riskSignals.orgId, actor.orgId)];
      if (q.status?.length) where.push(inArray(riskSignals.status, q.status));
      if (q.partnerId) where.push(eq(riskSignals.partnerId, q.partnerId));
      if (q.rule) where.push(eq(riskSignals.rule, q.rule));
      if (q.categoryKey) where.push(eq(riskSignals.categoryKey, q.categoryKey));
      if (q.cursor) {
        const c = decodeCursor(q.cursor);
        where.push(
          sql`(${riskSignals.raisedAt}, ${riskSignals.id}) < (${String(c.value)}::timestamptz, ${c.id}::uuid)`,
        );
      }
      const [rows, settings] = await Promise.all([
        selectSignals(db)
          .where(and(...where))
          .orderBy(desc(riskSignals.raisedAt), desc(riskSignals.id))
          .limit(q.limit + 1),
        loadRiskSettings(db, actor.orgId),
      ]);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => presentSignal(r, settings.levels)),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.raisedAtText, last.signal.id) : null,
      };
    },

    /** The registry with each rule's category (as the organization names it) and its current bounds. */
    async rules(actor: Actor) {
      const settings = await loadRiskSettings(db, actor.orgId);
      const own = await db
        .select({ key: riskCategories.key, name: riskCategories.name })
        .from(riskCategories)
        .where(and(eq(riskCategories.orgId, actor.orgId), isNotNull(riskCategories.key)));
      const names = new Map<string, string>([
        ...BUILTIN_RISK_CATEGORIES.map((c): [string, string] => [c.key, c.name]),
        ...own.map((c): [string, string] => [c.key as string, c.name]),
      ]);
      return {
        items: SIGNAL_RULES.map((r) => ({
          id: r.id,
          title: r.title,
          category: { key: r.categoryKey, name: names.get(r.categoryKey) ?? r.categoryKey },
          description: r.description,
          reads: [...r.reads],
          bounds: r.bounds.map((b) => ({ name: b, value: settings.signals[b] })),
          scope: r.scope,
        })),
      };
    },

    /**
     * Creates a risk prefilled from an open signal (linked both ways) and marks the signal
     * accepted, in one transaction with both audit events.
     */
    async accept(actor: Actor, id: string, input: AcceptSignal) {
      return db.transaction(async (tx) => {
        const before = await lockSignal(tx, actor.orgId, id);
        if (before.status !== "open") throw notOpen(before.status);
        const riskId = await insertRiskFromSignal(tx, actor, before, input);
        await decide(tx, actor, before, "accept", { status: "accepted", riskId });
        // The new risk changes what the partner's rules and risk tier read.
        await afterRiskChange(tx, actor.orgId, auditActorOf(actor), [before.partnerId]);
        return { signal: await get(actor, id, tx), riskId };
      });
    },

    async dismiss(actor: Actor, id: string, input: DismissSignal) {
      return db.transaction(async (tx) => {
        const before = await lockSignal(tx, actor.orgId, id);
        if (before.status !== "open") throw notOpen(before.status);
        return decide(tx, actor, before, "dismiss", { status: "dismissed", dismissReason: input.reason });
      });
    },

    /** A full evaluation of the actor's organization now, attributed to the actor. */
    evaluate: (actor: Actor) => evaluateOrganization(db, actor.orgId, auditActorOf(actor)),
  };
}
