import { sql } from "drizzle-orm";
import { evaluateSeries } from "../../../domain/kpi-series.js";
import { type RawPoint, SPC_DEFAULTS } from "../../../domain/kpi-spc.js";
import type { Kpi } from "../../../domain/kpis.js";
import type { Queryable } from "../../platform/db/index.js";
import { type KpiRow, latestOf, thresholdsOf } from "./kpis.present.js";

/**
 * How many stored points before a point are enough to judge it. The SPC baseline needs 20 earlier
 * points and the EWMA (λ = 0.2) forgets its start geometrically: after 60 points the starting value
 * weighs 0.8⁶⁰ ≈ 1.5·10⁻⁶, so judging a point from its last 60 predecessors gives the same verdict
 * as judging it from the whole history, at a bounded cost per KPI.
 */
export const SPC_LOOKBACK = 60;

type PointRow = { kpi_id: string; period_start: string; value: number; note: string | null };

const group = (rows: PointRow[]) => {
  const out = new Map<string, RawPoint[]>();
  for (const r of rows) {
    const list = out.get(r.kpi_id) ?? [];
    if (list.length === 0) out.set(r.kpi_id, list);
    list.push({ periodStart: r.period_start, value: r.value, note: r.note });
  }
  return out;
};

const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

/**
 * The last `n` stored points of each KPI (oldest first), optionally only those up to `upTo`
 * (inclusive). One query; each KPI's points come from the primary key index backwards.
 */
export async function recentPoints(
  q: Queryable,
  kpiIds: readonly string[],
  n = SPC_LOOKBACK,
  upTo: string | null = null,
): Promise<Map<string, RawPoint[]>> {
  if (kpiIds.length === 0) return new Map();
  const { rows } = await q.execute<PointRow>(sql`
    SELECT k.id AS kpi_id, m.period_start, m.value, m.note
      FROM unnest(${uuidArray(kpiIds)}::uuid[]) AS k(id)
      CROSS JOIN LATERAL (
        SELECT period_start, value, note FROM kpi_measurements
         WHERE kpi_id = k.id AND (${upTo}::date IS NULL OR period_start <= ${upTo}::date)
         ORDER BY period_start DESC LIMIT ${n}
      ) m
     ORDER BY k.id, m.period_start`);
  return group(rows);
}

/**
 * For each KPI, the stored points a set of touched periods needs to be judged: the `SPC_LOOKBACK`
 * points before `first` and every point from `first` to `last`. One query.
 */
export async function pointsAround(
  q: Queryable,
  ranges: readonly { kpiId: string; first: string; last: string }[],
): Promise<Map<string, RawPoint[]>> {
  if (ranges.length === 0) return new Map();
  const { rows } = await q.execute<PointRow>(sql`
    SELECT t.id AS kpi_id, m.period_start, m.value, m.note
      FROM unnest(${uuidArray(ranges.map((r) => r.kpiId))}::uuid[],
                  ${`{${ranges.map((r) => r.first).join(",")}}`}::date[],
                  ${`{${ranges.map((r) => r.last).join(",")}}`}::date[]) AS t(id, first, last)
      CROSS JOIN LATERAL (
        (SELECT period_start, value, note FROM kpi_measurements
          WHERE kpi_id = t.id AND period_start < t.first ORDER BY period_start DESC LIMIT ${SPC_LOOKBACK})
        UNION ALL
        (SELECT period_start, value, note FROM kpi_measurements
          WHERE kpi_id = t.id AND period_start BETWEEN t.first AND t.last)
      ) m
     ORDER BY t.id, m.period_start`);
  return group(rows);
}

/** A KPI's whole history, oldest first (the series and the scorecard evaluate all of it). */
export async function wholeHistory(
  q: Queryable,
  kpiIds: readonly string[],
): Promise<Map<string, RawPoint[]>> {
  if (kpiIds.length === 0) return new Map();
  const { rows } = await q.execute<PointRow>(sql`
    SELECT kpi_id, period_start, value, note FROM kpi_measurements
     WHERE kpi_id = ANY(${uuidArray(kpiIds)}::uuid[])
     ORDER BY kpi_id, period_start`);
  return group(rows);
}

/** Each KPI's latest measurement, evaluated against its recent history (see {@link SPC_LOOKBACK}). */
export async function latestMeasurements(
  q: Queryable,
  rows: readonly KpiRow[],
): Promise<Map<string, Kpi["latest"]>> {
  const points = await recentPoints(
    q,
    rows.map((k) => k.id),
  );
  // Only the latest point is shown: materialise just that one (the rest is still its baseline).
  return new Map(
    rows.map((k) => {
      const history = points.get(k.id) ?? [];
      const n = history.length;
      return [k.id, latestOf(evaluateSeries(thresholdsOf(k), history, SPC_DEFAULTS, { from: n - 1, to: n }))];
    }),
  );
}
