import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/index.js";
import { plainArray, textArray, type ValidRow } from "./measurements.rows.js";

/** What a bulk write did: rows created and rows updated (the rest were unchanged). */
export interface WriteCounts {
  created: number;
  updated: number;
}

/** The rows as the four parallel arrays `unnest` reads (one text parameter each). */
const columns = (rows: readonly ValidRow[]) => {
  const n = rows.length;
  const ids = new Array<string>(n);
  const starts = new Array<string>(n);
  const values = new Array<number>(n);
  const notes = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    ids[i] = r.kpiId;
    starts[i] = r.periodStart;
    values[i] = r.value;
    notes[i] = r.note;
  }
  return sql`unnest(${plainArray(ids)}::uuid[], ${plainArray(starts)}::date[],
                    ${plainArray(values)}::float8[], ${textArray(notes)}::text[]) AS t(kpi_id, period_start, value, note)`;
};

/**
 * Inserts rows that are not stored, as a plain INSERT: no speculative insertion, which is what
 * makes ON CONFLICT cost about twice as much per row. A row that a concurrent writer stored
 * meanwhile fails the statement with a unique violation (23505): the caller starts over.
 */
export async function insertNew(tx: Tx, orgId: string, rows: readonly ValidRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await tx.execute(sql`
    INSERT INTO kpi_measurements (kpi_id, period_start, value, note, org_id)
    SELECT t.kpi_id, t.period_start, t.value, t.note, ${orgId}::uuid FROM ${columns(rows)}`);
  return rowCount ?? 0;
}

/**
 * One set-based upsert: an unchanged row (same value and note) is not written, and the answer
 * counts what was created and what updated. Safe against any concurrent writer (a row deleted or
 * changed meanwhile is written again), at twice the per-row cost of {@link insertNew}.
 */
export async function upsertRows(tx: Tx, orgId: string, rows: readonly ValidRow[]): Promise<WriteCounts> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const { rows: out } = await tx.execute<{ created: number; written: number }>(sql`
    WITH up AS (
      INSERT INTO kpi_measurements (kpi_id, period_start, value, note, org_id)
      SELECT t.kpi_id, t.period_start, t.value, t.note, ${orgId}::uuid FROM ${columns(rows)}
      ON CONFLICT (kpi_id, period_start) DO UPDATE
         SET value = excluded.value, note = excluded.note, recorded_at = now()
       WHERE (kpi_measurements.value, kpi_measurements.note) IS DISTINCT FROM (excluded.value, excluded.note)
      RETURNING (xmax = 0) AS created
    )
    SELECT count(*) FILTER (WHERE created)::int AS created, count(*)::int AS written FROM up`);
  return { created: out[0].created, updated: out[0].written - out[0].created };
}

/**
 * Writes a request's rows, split by what the transaction saw stored: `fresh` rows (none stored)
 * with a plain insert, `stored` ones (changed or not: a concurrent writer may have changed or
 * deleted them since) with the upsert. `safe` sends every row through the upsert (the retry after
 * a concurrent insert, which must not fail again).
 */
export async function writeRows(
  tx: Tx,
  orgId: string,
  fresh: readonly ValidRow[],
  stored: readonly ValidRow[],
  safe: boolean,
): Promise<WriteCounts> {
  if (safe) return upsertRows(tx, orgId, [...fresh, ...stored]);
  const created = await insertNew(tx, orgId, fresh);
  const up = await upsertRows(tx, orgId, stored);
  return { created: created + up.created, updated: up.updated };
}
