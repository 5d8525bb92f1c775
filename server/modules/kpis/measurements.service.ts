import { and, eq, sql } from "drizzle-orm";
import { evaluateSeries, periodRange } from "../../../domain/kpi-series.js";
import { SPC_DEFAULTS, spcMethod } from "../../../domain/kpi-spc.js";
import { periodStartProblem } from "../../../domain/kpi-status.js";
import type { KpiPeriod, KpiSeries, Measurement, MeasurementInput } from "../../../domain/kpis.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/index.js";
import { invalid, notFound } from "../../platform/errors.js";
import { publishKpiDeviations } from "./kpi-deviations.js";
import { recentPoints, wholeHistory } from "./kpis.history.js";
import { type KpiRow, thresholdsOf } from "./kpis.present.js";
import { findKpi } from "./kpis.query.js";
import { afterKpiChange, presentKpis } from "./kpis.service.js";
import { kpiMeasurements, kpis } from "./kpis.tables.js";

/**
 * Loads a KPI of the organization and locks it against deletion (KEY SHARE: measurements of one
 * KPI may still be written concurrently), or 404 (also for other organizations' ids).
 */
async function shareKpi(tx: Tx, orgId: string, id: string): Promise<KpiRow> {
  const [k] = await tx
    .select()
    .from(kpis)
    .where(and(eq(kpis.id, id), eq(kpis.orgId, orgId)))
    .for("key share");
  if (!k) throw notFound("KPI");
  return k;
}

const pointOf = (m: { periodStart: string; value: number; note: string | null } | undefined) =>
  m ? { periodStart: m.periodStart, value: m.value, note: m.note } : null;

/**
 * Records one measurement: an upsert on (KPI, period) that only writes when the value or the note
 * differs, so re-sending is idempotent (`unchanged`: no audit event, no notification). Answers
 * the stored measurement judged in the context of its history.
 */
export async function recordMeasurement(
  ctx: AppContext,
  actor: Actor,
  kpiId: string,
  input: MeasurementInput,
): Promise<Measurement> {
  return ctx.database.db.transaction(async (tx) => {
    const kpi = await shareKpi(tx, actor.orgId, kpiId);
    const problem = periodStartProblem(kpi.period as KpiPeriod, input.periodStart, todayUtc());
    if (problem) throw invalid(problem, [{ path: "body.periodStart", message: problem }]);
    const note = input.note ?? null;
    const [before] = await tx
      .select()
      .from(kpiMeasurements)
      .where(and(eq(kpiMeasurements.kpiId, kpiId), eq(kpiMeasurements.periodStart, input.periodStart)));
    const written = await tx
      .insert(kpiMeasurements)
      .values({ kpiId, periodStart: input.periodStart, orgId: actor.orgId, value: input.value, note })
      .onConflictDoUpdate({
        target: [kpiMeasurements.kpiId, kpiMeasurements.periodStart],
        set: { value: input.value, note, recordedAt: new Date() },
        setWhere: sql`(${kpiMeasurements.value}, ${kpiMeasurements.note}) IS DISTINCT FROM (excluded.value, excluded.note)`,
      })
      .returning({ created: sql<boolean>`(xmax = 0)` });
    const outcome = written.length === 0 ? "unchanged" : written[0].created ? "created" : "updated";
    if (outcome !== "unchanged") {
      const who = auditActorOf(actor);
      await recordAudit(tx, actor.orgId, who, {
        action: "kpi_measurement.record",
        entityType: "kpi_measurement",
        entityId: kpiId,
        relatedIds: [kpi.partnerId, kpi.contractId],
        before: pointOf(before),
        after: { periodStart: input.periodStart, value: input.value, note },
      });
      await publishKpiDeviations(tx, actor.orgId, who, [{ kpiId, periodStart: input.periodStart }]);
      await afterKpiChange(tx, actor.orgId, who, [kpi.partnerId]);
    }
    const history = (await recentPoints(tx, [kpiId], undefined, input.periodStart)).get(kpiId) ?? [];
    // Only the recorded (last) point is answered: materialise just that one.
    const n = history.length;
    const [last] = evaluateSeries(thresholdsOf(kpi), history, SPC_DEFAULTS, { from: n - 1, to: n });
    return {
      kpiId,
      periodStart: input.periodStart,
      value: input.value,
      note,
      status: last.status,
      reason: last.reason,
      outcome,
    };
  });
}

/** Deletes one measurement (audited), or 404 when the KPI or the period has none. */
export async function deleteMeasurement(ctx: AppContext, actor: Actor, kpiId: string, periodStart: string) {
  await ctx.database.db.transaction(async (tx) => {
    const kpi = await shareKpi(tx, actor.orgId, kpiId);
    const [gone] = await tx
      .delete(kpiMeasurements)
      .where(and(eq(kpiMeasurements.kpiId, kpiId), eq(kpiMeasurements.periodStart, periodStart)))
      .returning();
    if (!gone) throw notFound("Measurement");
    const who = auditActorOf(actor);
    await recordAudit(tx, actor.orgId, who, {
      action: "kpi_measurement.delete",
      entityType: "kpi_measurement",
      entityId: kpiId,
      relatedIds: [kpi.partnerId, kpi.contractId],
      before: pointOf(gone),
    });
    await afterKpiChange(tx, actor.orgId, who, [kpi.partnerId]);
  });
}

/**
 * The KPI's points between `from` and `to`, each evaluated against the whole history (so the
 * first points of the range have their SPC baseline), with counts per status.
 */
export async function kpiSeries(
  ctx: AppContext,
  actor: Actor,
  kpiId: string,
  range: { from?: string; to?: string },
): Promise<KpiSeries> {
  if (range.from && range.to && range.to < range.from)
    throw invalid("`to` must not be before `from`", [{ path: "query.to", message: "Before from" }]);
  const { db } = ctx.database;
  const row = await findKpi(db, actor.orgId, kpiId);
  if (!row) throw notFound("KPI");
  const [kpi] = await presentKpis(db, [row]);
  const history = (await wholeHistory(db, [kpiId])).get(kpiId) ?? [];
  // The history is ordered by period: the range is one slice, and only it is materialised.
  const slice = periodRange(history, range.from || undefined, range.to || undefined);
  const points = evaluateSeries(thresholdsOf(row.kpi), history, SPC_DEFAULTS, slice);
  const counts = { ok: 0, warning: 0, breach: 0, anomaly: 0 };
  for (const p of points) counts[p.status]++;
  return { kpi, from: range.from ?? null, to: range.to ?? null, points, method: spcMethod(), counts };
}
