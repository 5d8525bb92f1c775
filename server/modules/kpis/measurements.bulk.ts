import { and, eq, sql } from "drizzle-orm";
import { statusAt } from "../../../domain/kpi-series.js";
import { evaluateColumns, type RawPoint } from "../../../domain/kpi-spc.js";
import { periodStartProblem } from "../../../domain/kpi-status.js";
import { BULK_MAX_ROWS, type BulkResult, type KpiPeriod } from "../../../domain/kpis.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { AppError, invalid } from "../../platform/errors.js";
import { publishKpiDeviations, type TouchedPoint } from "./kpi-deviations.js";
import { pointsAround } from "./kpis.history.js";
import { type KpiRow, thresholdsOf } from "./kpis.present.js";
import { afterKpiChange } from "./kpis.service.js";
import { kpis } from "./kpis.tables.js";
import { readMeasurementCsv } from "./measurements.csv.js";
import { checkRowShapes, plainArray, type RowError, type ValidRow } from "./measurements.rows.js";
import { writeRows } from "./measurements.write.js";

/** At most this many row errors are reported (the count of failing rows is always given). */
const MAX_REPORTED_ERRORS = 1000;

function rejected(errors: RowError[]): AppError {
  errors.sort((a, b) => a.row - b.row);
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError(
    422,
    "bulk_rejected",
    "Bulk rejected",
    `${rows} row(s) have errors; nothing was written` +
      (errors.length > MAX_REPORTED_ERRORS ? ` (the first ${MAX_REPORTED_ERRORS} errors are listed)` : ""),
    errors.slice(0, MAX_REPORTED_ERRORS),
  );
}

/** The body's rows: a JSON array, or a CSV text read into the same row candidates. */
function rowsOf(body: unknown): unknown[] {
  const rows = typeof body === "string" ? readMeasurementCsv(body) : body;
  if (!Array.isArray(rows))
    throw invalid(
      "Send a JSON array of rows or a text/csv file with the header kpiId,periodStart,value,note",
    );
  if (rows.length === 0) throw invalid("There are no rows");
  if (rows.length > BULK_MAX_ROWS)
    throw invalid(`At most ${BULK_MAX_ROWS} rows per request; split the set into several requests`);
  return rows;
}

/**
 * Reference rules: the KPI exists in the organization, the period fits it, no (KPI, period) twice.
 * Answers the KPIs found and the rows grouped by KPI (in row order).
 */
async function checkReferences(tx: Tx, orgId: string, valid: ValidRow[], errors: RowError[]) {
  const byKpi = new Map<string, ValidRow[]>();
  for (const r of valid) {
    const list = byKpi.get(r.kpiId);
    if (list) list.push(r);
    else byKpi.set(r.kpiId, [r]);
  }
  // KEY SHARE: the KPIs cannot be deleted under us, but other writers of measurements go on. This
  // lock is also what keeps kpi_measurements.kpi_id valid, as it has no foreign key (see the table).
  const found = await tx
    .select()
    .from(kpis)
    .where(and(eq(kpis.orgId, orgId), sql`${kpis.id} = ANY(${plainArray([...byKpi.keys()])}::uuid[])`))
    .for("key share");
  const byId = new Map(found.map((k) => [k.id, k]));
  const today = todayUtc();
  // Memoized per kind of period: a bulk load repeats the same few hundred dates across its KPIs.
  // Maps are keyed by the parsed strings themselves, not by concatenated keys, which would each be
  // built and hashed anew (50,000 times per request).
  const problems = new Map<string, Map<string, string | null>>();
  for (const [kpiId, rows] of byKpi) {
    const kpi = byId.get(kpiId);
    if (!kpi) {
      for (const r of rows) errors.push({ row: r.row, path: "kpiId", message: "Unknown KPI" });
      continue;
    }
    let memo = problems.get(kpi.period);
    if (!memo) {
      memo = new Map();
      problems.set(kpi.period, memo);
    }
    const seen = new Map<string, number>();
    for (const r of rows) {
      let problem = memo.get(r.periodStart);
      if (problem === undefined) {
        problem = periodStartProblem(kpi.period as KpiPeriod, r.periodStart, today);
        memo.set(r.periodStart, problem);
      }
      if (problem) errors.push({ row: r.row, path: "periodStart", message: problem });
      const first = seen.get(r.periodStart);
      if (first)
        errors.push({ row: r.row, path: "periodStart", message: `Same KPI and period as row ${first}` });
      else seen.set(r.periodStart, r.row);
    }
  }
  return { byId, byKpi };
}

/**
 * Per KPI: compares the rows with what is stored (created / updated / unchanged) and judges each
 * row's point in the context of the stored history with the request applied. Also splits the rows
 * into `fresh` (nothing stored for the period) and `stored`, for `writeRows`.
 */
async function assess(tx: Tx, byKpi: Map<string, ValidRow[]>, kpiRows: Map<string, KpiRow>) {
  const ranges = [...byKpi].map(([kpiId, rows]) => {
    let first = rows[0].periodStart;
    let last = first;
    for (const r of rows) {
      if (r.periodStart < first) first = r.periodStart;
      if (r.periodStart > last) last = r.periodStart;
    }
    return { kpiId, first, last };
  });
  // Every stored point from `first` to `last` is read: a period missing here is not stored.
  const storedPoints = await pointsAround(tx, ranges);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const touched: TouchedPoint[] = [];
  const fresh: ValidRow[] = [];
  const stored: ValidRow[] = [];
  const perKpi: BulkResult["kpis"] = [];
  for (const [kpiId, rows] of byKpi) {
    const kpi = kpiRows.get(kpiId)!;
    const merged = new Map<string, RawPoint>();
    for (const p of storedPoints.get(kpiId) ?? []) merged.set(p.periodStart, p);
    for (const r of rows) {
      const before = merged.get(r.periodStart);
      if (!before) {
        counts.created++;
        fresh.push(r);
      } else {
        stored.push(r);
        if (before.value === r.value && (before.note ?? null) === r.note) counts.unchanged++;
        else counts.updated++;
      }
      if (!before || before.value !== r.value || (before.note ?? null) !== r.note)
        touched.push({ kpiId, periodStart: r.periodStart });
      merged.set(r.periodStart, { periodStart: r.periodStart, value: r.value, note: r.note });
    }
    const series = [...merged.values()].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
    const mine = new Set(rows.map((r) => r.periodStart));
    let breaches = 0;
    let anomalies = 0;
    // Statuses only: the columnar evaluation, no objects and no reasons in words.
    const judged = evaluateColumns(thresholdsOf(kpi), series);
    for (let i = 0; i < series.length; i++) {
      if (!mine.has(series[i].periodStart)) continue;
      const status = statusAt(judged, i);
      if (status === "breach") breaches++;
      else if (status === "anomaly") anomalies++;
    }
    perKpi.push({ id: kpiId, name: kpi.name, rows: rows.length, breaches, anomalies });
  }
  perKpi.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { counts, touched, perKpi, fresh, stored };
}

/**
 * `POST /measurements/bulk`, all or nothing: every row is checked first (shape, KPI of the
 * organization, period, duplicates) and any error rejects the request with every row's errors and
 * nothing written. Otherwise one transaction writes all rows set-based (a plain insert of the new
 * ones, an upsert of those already stored) and records ONE audit event with the counts (none when
 * every row was unchanged); deviations of recent points are published and the partners' signals
 * re-evaluated. `dryRun` answers the same without writing.
 */
export async function bulkMeasurements(
  ctx: AppContext,
  actor: Actor,
  body: unknown,
  dryRun: boolean,
): Promise<BulkResult> {
  const rows = rowsOf(body);
  const { valid, errors } = checkRowShapes(rows);
  try {
    return await ingest(ctx, actor, valid, errors, dryRun, false);
  } catch (e) {
    // A concurrent writer stored a row this request saw as new (a rare race; the transaction is
    // rolled back): start over with the upsert for every row, which cannot fail that way.
    if (!isUniqueViolation(e)) throw e;
    return ingest(ctx, actor, valid, errors, dryRun, true);
  }
}

/** One attempt of {@link bulkMeasurements} in its own transaction; `safe`: see `writeRows`. */
function ingest(
  ctx: AppContext,
  actor: Actor,
  valid: ValidRow[],
  shapeErrors: readonly RowError[],
  dryRun: boolean,
  safe: boolean,
): Promise<BulkResult> {
  return ctx.database.db.transaction(async (tx) => {
    const errors = [...shapeErrors];
    const { byId: kpiRows, byKpi } = await checkReferences(tx, actor.orgId, valid, errors);
    if (errors.length) throw rejected(errors);
    const { counts, touched, perKpi, fresh, stored } = await assess(tx, byKpi, kpiRows);
    const result = { dryRun, rows: valid.length, ...counts, kpis: perKpi };
    if (dryRun) return result;
    const written = await writeRows(tx, actor.orgId, fresh, stored, safe);
    // The statements' counts are authoritative (a concurrent writer may have got there first).
    result.created = written.created;
    result.updated = written.updated;
    result.unchanged = valid.length - written.created - written.updated;
    // Nothing written (an idempotent re-send): nothing to audit, publish or re-evaluate.
    if (result.created + result.updated === 0) return result;
    const who = auditActorOf(actor);
    const partnerIds = [...new Set([...byKpi.keys()].map((id) => kpiRows.get(id)!.partnerId))];
    await recordAudit(tx, actor.orgId, who, {
      action: "kpi_measurement.bulk_upsert",
      entityType: "kpi_measurement",
      relatedIds: [...byKpi.keys(), ...partnerIds],
      after: {
        rows: result.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        kpis: perKpi.map((k) => ({
          id: k.id,
          name: k.name,
          rows: k.rows,
          breaches: k.breaches,
          anomalies: k.anomalies,
        })),
      },
    });
    await publishKpiDeviations(tx, actor.orgId, who, touched);
    await afterKpiChange(tx, actor.orgId, who, partnerIds);
    return result;
  });
}
