import { eq, inArray } from "drizzle-orm";
import { addMonths } from "../../../domain/contract-terms.js";
import { reasonAt, statusAt } from "../../../domain/kpi-series.js";
import { evaluateColumns } from "../../../domain/kpi-spc.js";
import { formatQuantity, periodStartOf } from "../../../domain/kpi-status.js";
import type { KpiPeriod } from "../../../domain/kpis.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import type { AuditActor } from "../../platform/audit/audit.service.js";
import type { Tx } from "../../platform/db/index.js";
import { contracts } from "../contracts/contracts.tables.js";
import { type EventToPublish, publishEvents, staffRecipients } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import { recentPoints, SPC_LOOKBACK } from "./kpis.history.js";
import { thresholdsOf } from "./kpis.present.js";
import { kpis } from "./kpis.tables.js";

/** A measurement a request created or changed. */
export interface TouchedPoint {
  kpiId: string;
  periodStart: string;
}

/**
 * How many periods back (before the current one) a deviation is still news. Older points are
 * back-filled history: importing two years of monthly figures must not send people 24 alerts.
 */
export const RECENT_PERIODS = 3;

/** `start` moved by `n` periods (negative goes back). */
export function shiftPeriods(period: KpiPeriod, start: string, n: number): string {
  if (period === "daily") return addDays(start, n);
  if (period === "weekly") return addDays(start, 7 * n);
  return addMonths(start, n);
}

/** The first period start that still counts as recent on `today` (the current period and 3 before). */
export const recentFrom = (period: KpiPeriod, today: string) =>
  shiftPeriods(period, periodStartOf(period, today), -RECENT_PERIODS);

/**
 * Publishes a `kpi_breach` or `kpi_anomaly` event for each touched point that is recent (see
 * {@link RECENT_PERIODS}) and, judged against the KPI's history, breaches or is an anomaly. Runs in
 * the caller's transaction; event keys name the KPI and period, so re-sending a point or changing
 * it to another bad value never notifies twice. Returns how many events were new.
 */
export async function publishKpiDeviations(
  tx: Tx,
  orgId: string,
  who: AuditActor,
  touched: readonly TouchedPoint[],
): Promise<number> {
  const today = todayUtc();
  // Monthly KPIs reach furthest back; anything older than that is history for every period.
  const oldest = recentFrom("monthly", today);
  const candidates = touched.filter((t) => t.periodStart >= oldest);
  if (candidates.length === 0) return 0;
  const ids = [...new Set(candidates.map((t) => t.kpiId))];
  const rows = await tx
    .select({ kpi: kpis, ownerId: contracts.ownerId, partnerName: partners.name })
    .from(kpis)
    .innerJoin(contracts, eq(contracts.id, kpis.contractId))
    .innerJoin(partners, eq(partners.id, kpis.partnerId))
    .where(inArray(kpis.id, ids));
  const byId = new Map(rows.filter((r) => r.kpi.orgId === orgId).map((r) => [r.kpi.id, r]));
  const recent = new Map<string, Set<string>>();
  for (const t of candidates) {
    const r = byId.get(t.kpiId);
    if (!r || t.periodStart < recentFrom(r.kpi.period as KpiPeriod, today)) continue;
    recent.set(t.kpiId, (recent.get(t.kpiId) ?? new Set()).add(t.periodStart));
  }
  if (recent.size === 0) return 0;
  // The recent window holds at most a month of daily points: the lookback plus 31 covers it.
  const history = await recentPoints(tx, [...recent.keys()], SPC_LOOKBACK + 31, today);
  const events: EventToPublish[] = [];
  for (const [kpiId, periods] of recent) {
    const { kpi, ownerId, partnerName } = byId.get(kpiId)!;
    // Columnar evaluation: only the breaches and anomalies published are worded.
    const points = history.get(kpiId) ?? [];
    const judged = evaluateColumns(thresholdsOf(kpi), points);
    const bad = [];
    for (let i = 0; i < points.length; i++) {
      const status = statusAt(judged, i);
      if (!periods.has(points[i].periodStart) || (status !== "breach" && status !== "anomaly")) continue;
      const { periodStart, value } = points[i];
      bad.push({ periodStart, value, status, reason: reasonAt(judged, i) });
    }
    if (bad.length === 0) continue;
    const recipients = await staffRecipients(tx, orgId, ["admin", "vendor_manager"], [ownerId]);
    for (const p of bad) {
      const type = p.status === "breach" ? "kpi_breach" : "kpi_anomaly";
      events.push({
        type,
        key: `${type}:${kpiId}:${p.periodStart}`,
        title: `${p.status === "breach" ? "Breach" : "Anomaly"}: ${kpi.name} ${formatQuantity(p.value, kpi.unit)} (${partnerName}, ${p.periodStart})`,
        body: p.reason ?? (p.status === "breach" ? "The breach threshold was crossed" : "Unusual drift"),
        link: `/kpis/${kpiId}`,
        subject: { type: "kpi", id: kpiId },
        data: { kpiId, periodStart: p.periodStart, value: p.value, status: p.status },
        recipients,
      });
    }
  }
  return events.length ? publishEvents(tx, orgId, who, events) : 0;
}
