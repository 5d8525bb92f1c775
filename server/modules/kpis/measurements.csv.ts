import { parse } from "csv-parse/sync";
import { invalid } from "../../platform/errors.js";

/** The columns of a measurements CSV; `note` may be left out. */
export const MEASUREMENT_CSV_COLUMNS = ["kpiId", "periodStart", "value", "note"] as const;
const REQUIRED = ["kpiId", "periodStart", "value"] as const;

/** A CSV data row as a bulk row candidate, or a problem with its shape that validation reports. */
export type CsvCandidate = Record<string, unknown> | { __problem: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a measurements CSV into row candidates for the same validation as a JSON body: the value
 * becomes a number when it looks like one (else it stays text and fails as "expected number"),
 * empty cells are absent. Data row N of the result is the file's (N + 1)th line. Malformed CSV or
 * a wrong header is one file-level 422.
 */
export function readMeasurementCsv(text: string): CsvCandidate[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw invalid(`The file is not valid CSV: ${(e as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw invalid("The file is empty");
  const known: readonly string[] = MEASUREMENT_CSV_COLUMNS;
  const unknown = header.filter((c) => !known.includes(c));
  if (unknown.length)
    throw invalid(`Unknown column(s): ${unknown.join(", ")}; expected ${MEASUREMENT_CSV_COLUMNS.join(",")}`);
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length) throw invalid(`Repeated column(s): ${[...new Set(repeated)].join(", ")}`);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw invalid(`Missing column(s): ${missing.join(", ")}`);
  const at = (c: string) => header.indexOf(c);
  const [k, p, v, n] = [at("kpiId"), at("periodStart"), at("value"), at("note")];
  return data.map((cells): CsvCandidate => {
    if (cells.length !== header.length)
      return { __problem: `Expected ${header.length} fields, found ${cells.length}` };
    const out: Record<string, unknown> = {};
    if (cells[k] !== "") out.kpiId = cells[k];
    if (cells[p] !== "") out.periodStart = cells[p];
    if (cells[v] !== "") out.value = NUMBER.test(cells[v]) ? Number(cells[v]) : cells[v];
    if (n >= 0 && cells[n] !== "") out.note = cells[n];
    return out;
  });
}
