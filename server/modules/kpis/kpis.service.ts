import { and, eq } from "drizzle-orm";
import {
  type CreateKpi,
  type Kpi,
  type KpiDirection,
  kpiProblems,
  type ListKpisQuery,
  type UpdateKpi,
} from "../../../domain/kpis.js";
import type { Actor } from "../../platform/access.js";
import { type AuditActor, auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { invalid, notFound } from "../../platform/errors.js";
import { contracts } from "../contracts/contracts.tables.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { latestMeasurements } from "./kpis.history.js";
import { type KpiRow, type KpiSelectRow, kpiSnapshot, presentKpi } from "./kpis.present.js";
import { findKpi, kpiFilters, kpiOrdering, selectKpis } from "./kpis.query.js";
import { kpis } from "./kpis.tables.js";

/** With a status filter the list evaluates candidates in batches of this many until a page is full. */
const STATUS_SCAN_BATCH = 200;

/** Loads a KPI of the organization for update, or 404 (also for other organizations' ids). */
export async function lockKpi(tx: Tx, orgId: string, id: string): Promise<KpiRow> {
  const [k] = await tx
    .select()
    .from(kpis)
    .where(and(eq(kpis.id, id), eq(kpis.orgId, orgId)))
    .for("update");
  if (!k) throw notFound("KPI");
  return k;
}

/** KPIs feed the partner's signal rules (breach rates): re-evaluate the partner after a change. */
export const afterKpiChange = (tx: Tx, orgId: string, who: AuditActor, partnerIds: string[]) =>
  reevaluateSignals(tx, orgId, who, { partnerIds: [...new Set(partnerIds)] });

/** Presents selected rows with their latest measurements evaluated (one history query for all). */
export async function presentKpis(q: Queryable, rows: readonly KpiSelectRow[]): Promise<Kpi[]> {
  const latest = await latestMeasurements(
    q,
    rows.map((r) => r.kpi),
  );
  return rows.map((r) => presentKpi(r, latest.get(r.kpi.id) ?? null));
}

/** KPIs: create, read, update, delete and list. */
export function createKpiService(ctx: AppContext) {
  const { db } = ctx.database;

  /** One KPI presented, or 404. */
  async function get(actor: Actor, id: string, q: Queryable = db): Promise<Kpi> {
    const row = await findKpi(q, actor.orgId, id);
    if (!row) throw notFound("KPI");
    return (await presentKpis(q, [row]))[0];
  }

  /** The contract must be the organization's; its partner becomes the KPI's. */
  async function contractOf(q: Queryable, orgId: string, contractId: string) {
    const [c] = await q
      .select({ id: contracts.id, partnerId: contracts.partnerId })
      .from(contracts)
      .where(and(eq(contracts.id, contractId), eq(contracts.orgId, orgId)));
    if (!c) throw invalid("Unknown contract", [{ path: "body.contractId", message: "Unknown contract" }]);
    return c;
  }

  const checkThresholds = (k: Parameters<typeof kpiProblems>[0]) => {
    const problems = kpiProblems(k);
    if (problems.length) throw invalid("The KPI's thresholds are not consistent", problems);
  };

  return {
    get,

    /**
     * A page of KPIs. Without a status filter: one keyset query. With one: the status is evaluated
     * (not stored), so candidates are read in keyset order batch by batch and kept when their
     * latest status matches, until the page (plus one, to know a next page exists) is full.
     */
    async list(actor: Actor, q: ListKpisQuery) {
      const order = kpiOrdering(q.sort, q.cursor);
      const base = kpiFilters(actor.orgId, q);
      type Row = KpiSelectRow & { sortValue: string };
      const fetch = (after: ReturnType<typeof kpiOrdering>["after"], limit: number) =>
        selectKpis(db, { sortValue: order.sortValue })
          .where(and(...base, ...(after ? [after] : [])))
          .orderBy(...order.orderBy)
          .limit(limit) as unknown as Promise<Row[]>;
      if (!q.status) {
        const rows = await fetch(order.after, q.limit + 1);
        const page = order.page(
          rows,
          q.limit,
          (r) => r.kpi.id,
          (r) => r,
        );
        return { items: await presentKpis(db, page.items), nextCursor: page.nextCursor };
      }
      const kept: Kpi[] = [];
      const keptRows: Row[] = [];
      let after = order.after;
      for (;;) {
        const batch = await fetch(after, STATUS_SCAN_BATCH);
        const presented = await presentKpis(db, batch);
        presented.forEach((k, i) => {
          if (k.latest?.status === q.status && kept.length <= q.limit) {
            kept.push(k);
            keptRows.push(batch[i]);
          }
        });
        if (kept.length > q.limit || batch.length < STATUS_SCAN_BATCH) break;
        const last = batch[batch.length - 1];
        after = kpiOrdering(q.sort, order.makeCursor({ sortValue: last.sortValue, id: last.kpi.id })).after;
      }
      const page = order.page(
        keptRows,
        q.limit,
        (r) => r.kpi.id,
        (r) => r,
      );
      return { items: kept.slice(0, q.limit), nextCursor: page.nextCursor };
    },

    async create(actor: Actor, input: CreateKpi) {
      checkThresholds(input);
      return db.transaction(async (tx) => {
        const contract = await contractOf(tx, actor.orgId, input.contractId);
        const [k] = await tx
          .insert(kpis)
          .values({
            orgId: actor.orgId,
            contractId: contract.id,
            partnerId: contract.partnerId,
            name: input.name,
            description: input.description ?? null,
            unit: input.unit,
            direction: input.direction,
            target: input.target,
            warningThreshold: input.warningThreshold,
            breachThreshold: input.breachThreshold,
            period: input.period,
            weight: input.weight,
            serviceCredit: input.serviceCredit ?? null,
          })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "kpi.create",
          entityType: "kpi",
          entityId: k.id,
          relatedIds: [k.partnerId, k.contractId],
          after: kpiSnapshot(k),
        });
        return get(actor, k.id, tx);
      });
    },

    /** Updates any subset; the merged thresholds must still be ordered. */
    async update(actor: Actor, id: string, patch: UpdateKpi) {
      return db.transaction(async (tx) => {
        const before = await lockKpi(tx, actor.orgId, id);
        const merged = { ...before, ...patch };
        checkThresholds({
          ...merged,
          direction: merged.direction as KpiDirection,
          serviceCredit: merged.serviceCredit ?? null,
        });
        const [after] = await tx
          .update(kpis)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(kpis.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "kpi.update",
          entityType: "kpi",
          entityId: id,
          relatedIds: [before.partnerId, before.contractId],
          before: kpiSnapshot(before),
          after: kpiSnapshot(after),
        });
        // New thresholds can turn stored measurements into breaches (or clear them).
        await afterKpiChange(tx, actor.orgId, auditActorOf(actor), [before.partnerId]);
        return get(actor, id, tx);
      });
    },

    /** Deletes a KPI with its measurements. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockKpi(tx, actor.orgId, id);
        await tx.delete(kpis).where(eq(kpis.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "kpi.delete",
          entityType: "kpi",
          entityId: id,
          relatedIds: [before.partnerId, before.contractId],
          before: kpiSnapshot(before),
        });
        await afterKpiChange(tx, actor.orgId, auditActorOf(actor), [before.partnerId]);
      });
    },
  };
}

/** The KPI service's interface, for routes and the other KPI services. */
export type KpiService = ReturnType<typeof createKpiService>;
