import { sql } from "drizzle-orm";
import type { AuditActor } from "../../platform/audit/audit.service.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Db } from "../../platform/db/index.js";
import { organizations } from "../organizations/organizations.tables.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import type { WgiRow } from "./countries.wgi.js";

// One JSON parameter expanded server-side: a single statement for thousands of rows, without
// PostgreSQL's 65,535-parameter limit on multi-row VALUES.
const recordset = (rows: WgiRow[]) => sql`json_to_recordset(${JSON.stringify(rows)}::json) AS x(
  "iso2" text, "indicator" text, "year" int, "estimate" float8, "percentileRank" float8,
  "stdErr" float8, "numSources" int, "pctLower" float8, "pctUpper" float8)`;

const COLUMNS = sql`(iso2, indicator, year, estimate, percentile_rank, std_err, num_sources, pct_lower, pct_upper, source)`;
const selected = (source: string) =>
  sql`x."iso2", x."indicator", x."year", x."estimate", x."percentileRank", x."stdErr", x."numSources", x."pctLower", x."pctUpper", ${source}`;

/** What an import did. */
export interface ImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  years: number[];
  countries: number;
}

/**
 * Imports parsed WGI figures all-or-nothing (the parsers check the whole file first and answer 422
 * listing every bad row), upserted in one transaction together with its audit event(s). `auditIn` names
 * the organizations whose trail records the import (the importing admin's, or every one from the
 * command line, since the figures are installation-wide).
 */
export async function importIndicators(
  db: Db,
  parsed: { rows: WgiRow[]; skipped: number },
  source: string,
  who: AuditActor,
  auditIn: string[] | "all",
): Promise<ImportSummary> {
  const { rows, skipped } = parsed;
  return db.transaction(async (tx) => {
    const result = await tx.execute<{ inserted: boolean }>(sql`
      INSERT INTO governance_indicators ${COLUMNS}
      SELECT ${selected(source)} FROM ${recordset(rows)}
      ON CONFLICT (iso2, indicator, year) DO UPDATE SET
        estimate = EXCLUDED.estimate, percentile_rank = EXCLUDED.percentile_rank,
        std_err = EXCLUDED.std_err, num_sources = EXCLUDED.num_sources,
        pct_lower = EXCLUDED.pct_lower, pct_upper = EXCLUDED.pct_upper,
        source = EXCLUDED.source, imported_at = now()
      RETURNING (xmax = 0) AS inserted`);
    const inserted = result.rows.filter((r) => r.inserted).length;
    const summary: ImportSummary = {
      rows: rows.length,
      inserted,
      updated: rows.length - inserted,
      skipped,
      years: [...new Set(rows.map((r) => r.year))].sort(),
      countries: new Set(rows.map((r) => r.iso2)).size,
    };
    const orgIds =
      auditIn === "all"
        ? (await tx.select({ id: organizations.id }).from(organizations)).map((o) => o.id)
        : auditIn;
    for (const orgId of orgIds) {
      await recordAudit(tx, orgId, who, {
        action: "governance_indicators.import",
        entityType: "governance_indicators",
        after: { source, ...summary },
      });
      // New percentiles change what the governance rules see; other organizations (not audited
      // here, so as not to name this actor in their trail) catch up in the nightly evaluation.
      await reevaluateSignals(tx, orgId, who, "all");
    }
    return summary;
  });
}
