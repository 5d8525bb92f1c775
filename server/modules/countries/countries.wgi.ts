import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import isoCountries from "i18n-iso-countries";
import { INDICATORS, type Indicator, wbCodeToIso2 } from "../../../domain/governance.js";
import { invalid } from "../../platform/errors.js";

/** The bundled default: the official WGI figures 2015–2019 (CC BY 4.0, see data/README.md). */
export const BUNDLED_WGI = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "data",
  "wgi-2015-2019.csv",
);
export const BUNDLED_SOURCE = "bundled wgi-2015-2019.csv";

/** The columns of the World Bank's long CSV layout, in order. */
export const WGI_COLUMNS = [
  "country",
  "wb_code",
  "year",
  "indicator",
  "estimate",
  "percentile_rank",
  "std_err",
  "num_sources",
  "pct_lower",
  "pct_upper",
] as const;

/**
 * World Bank codes of entities that no longer exist and have no ISO code: their rows are skipped
 * (and counted) rather than refused, so the official file imports as published.
 */
export const WB_CODES_SKIPPED: Record<string, string> = { ANT: "Netherlands Antilles (dissolved 2010)" };

/** One figure ready to store. */
export interface WgiRow {
  iso2: string;
  indicator: Indicator;
  year: number;
  estimate: number | null;
  percentileRank: number | null;
  stdErr: number | null;
  numSources: number | null;
  pctLower: number | null;
  pctUpper: number | null;
}

type RowError = { row: number; path: string; message: string };
const alpha3 = (a3: string) => isoCountries.alpha3ToAlpha2(a3);

/** One data row as read from a file, with where it came from (for error reports). */
export interface WgiRecord {
  cells: string[];
  row: number;
  sheet?: string;
}

/**
 * Parses a CSV in the layout of the bundled file. Returns every row or throws one 422 listing
 * each bad row by its line number (the header is row 1), so an import is all-or-nothing.
 */
export function parseWgiCsv(text: string): { rows: WgiRow[]; skipped: number } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw invalid(`The file is not valid CSV: ${(e as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header || WGI_COLUMNS.some((c, i) => header[i]?.toLowerCase() !== c))
    throw invalid(`Expected the columns ${WGI_COLUMNS.join(",")}`, [
      { path: "body", message: `Header must be: ${WGI_COLUMNS.join(",")}`, row: 1 },
    ]);
  return parseWgiRecords(body.map((cells, i) => ({ cells, row: i + 2 })));
}

/** Checks and converts records in the bundled column order (see WGI_COLUMNS). */
export function parseWgiRecords(body: WgiRecord[]): { rows: WgiRow[]; skipped: number } {
  if (body.length === 0) throw invalid("The file has no data rows");
  const rows: WgiRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const { cells: r, row, sheet } of body) {
    const err = (column: string, message: string) =>
      errors.push({ row, path: `row.${column}`, message: sheet ? `${sheet}: ${message}` : message });
    const [, wbCode = "", yearText = "", indicator = ""] = r;
    if (WB_CODES_SKIPPED[wbCode.toUpperCase()]) {
      skipped += 1;
      continue;
    }
    const iso2 = wbCodeToIso2(wbCode, alpha3);
    if (!iso2) err("wb_code", `Unknown World Bank country code "${wbCode}"`);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1990 || year > 2100) err("year", `Not a year: "${yearText}"`);
    if (!(INDICATORS as readonly string[]).includes(indicator))
      err("indicator", `Unknown indicator "${indicator}"; expected one of ${INDICATORS.join(", ")}`);
    const num = (idx: number, column: string, min: number, max: number): number | null => {
      const v = r[idx] ?? "";
      if (v === "" || v === ".." || v === "#N/A") return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        err(column, `Not a number between ${min} and ${max}: "${v}"`);
        return null;
      }
      return n;
    };
    const figures = {
      estimate: num(4, "estimate", -5, 5),
      percentileRank: num(5, "percentile_rank", 0, 100),
      stdErr: num(6, "std_err", 0, 10),
      numSources: num(7, "num_sources", 0, 1000),
      pctLower: num(8, "pct_lower", 0, 100),
      pctUpper: num(9, "pct_upper", 0, 100),
    };
    const key = `${iso2}|${indicator}|${year}`;
    if (iso2 && seen.has(key)) err("wb_code", `Repeats ${wbCode} ${indicator} ${year}`);
    seen.add(key);
    if (iso2 && errors.at(-1)?.row !== row)
      rows.push({ iso2, indicator: indicator as Indicator, year, ...figures });
  }
  if (errors.length)
    throw invalid(
      `${new Set(errors.map((e) => e.row)).size} row(s) could not be imported; nothing was changed`,
      errors.slice(0, 200),
    );
  return { rows, skipped };
}

let bundled: WgiRow[] | undefined;
/** The bundled figures, parsed once per process. */
export function bundledWgi(): WgiRow[] {
  bundled ??= parseWgiCsv(readFileSync(BUNDLED_WGI, "utf8")).rows;
  return bundled;
}
