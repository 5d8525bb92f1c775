import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { and, eq, inArray } from "drizzle-orm";
import { CreatePartner } from "../../../domain/partners.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict, invalid } from "../../platform/errors.js";
import { protectCell, unprotectCell } from "../../platform/http/csv-cells.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { type ListRow, presentPartnerListItem } from "./partners.present.js";
import type { PartnerService } from "./partners.service.js";
import { partners } from "./partners.tables.js";

/** The columns of the partner CSV, for both import and export. */
export const CSV_COLUMNS = [
  "name",
  "legalName",
  "lei",
  "country",
  "website",
  "category",
  "status",
  "description",
  "tags",
] as const;
/** Read-only columns the export adds; an import ignores them, so an export can be imported as is. */
export const EXPORT_ONLY_COLUMNS = ["highestCriticality", "serviceCount", "id"] as const;
const REQUIRED_COLUMNS = ["name", "country", "category"] as const;
export const MAX_IMPORT_ROWS = 5000;

type RowError = { row: number; path: string; message: string };

/** Reads the CSV text into a header and records; malformed CSV is one file-level error. */
function readCsv(text: string): string[][] {
  try {
    return parse(text, { bom: true, trim: true, skip_empty_lines: false, relax_column_count: true });
  } catch (e) {
    throw invalid(`The file is not valid CSV: ${(e as Error).message}`);
  }
}

/** Checks the header: known columns only, each once, the required ones present. */
function checkHeader(header: string[]): void {
  const known: readonly string[] = [...CSV_COLUMNS, ...EXPORT_ONLY_COLUMNS];
  const unknown = header.filter((c) => !known.includes(c));
  if (unknown.length)
    throw invalid(`Unknown column(s): ${unknown.join(", ")}; expected ${CSV_COLUMNS.join(", ")}`);
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length) throw invalid(`Repeated column(s): ${[...new Set(repeated)].join(", ")}`);
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw invalid(`Missing column(s): ${missing.join(", ")}`);
}

/**
 * Parses and validates a partner CSV; returns the valid inputs with their row numbers, or every
 * row's errors. Row numbers are those a spreadsheet shows: the header is row 1; blank rows count
 * but are skipped.
 */
export function parsePartnerCsv(text: string): {
  inputs: { row: number; input: CreatePartner }[];
  errors: RowError[];
} {
  const [header, ...records] = readCsv(text);
  if (!header) throw invalid("The file is empty");
  checkHeader(header);
  const rows = records
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c !== ""));
  if (rows.length === 0) throw invalid("The file has no data rows");
  if (rows.length > MAX_IMPORT_ROWS) throw invalid(`At most ${MAX_IMPORT_ROWS} rows per import`);

  const inputs: { row: number; input: CreatePartner }[] = [];
  const errors: RowError[] = [];
  const seenLei = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (cells.length !== header.length) {
      errors.push({ row, path: "row", message: `Expected ${header.length} fields, found ${cells.length}` });
      continue;
    }
    const raw: Record<string, string> = {};
    header.forEach((column, i) => {
      if (cells[i] !== "" && (CSV_COLUMNS as readonly string[]).includes(column))
        raw[column] = unprotectCell(cells[i]);
    });
    const candidate = {
      ...raw,
      tags: raw.tags
        ? raw.tags
            .split(";")
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined,
    };
    const parsed = CreatePartner.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row, path: issue.path.join(".") || "row", message: issue.message });
      continue;
    }
    const lei = parsed.data.lei;
    if (lei) {
      const first = seenLei.get(lei);
      if (first) errors.push({ row, path: "lei", message: `Same LEI as row ${first}` });
      else seenLei.set(lei, row);
    }
    inputs.push({ row, input: parsed.data });
  }
  return { inputs, errors };
}

/** Renders partner rows as CSV in the import layout plus read-only extra columns. */
export function partnersToCsv(rows: ListRow[]): string {
  return stringify(
    rows.map((r) => {
      const p = r.partner;
      const item = presentPartnerListItem(r);
      const cells = [
        p.name,
        p.legalName,
        p.lei,
        p.country,
        p.website,
        p.category,
        p.status,
        p.description,
        p.tags.join(";"),
      ];
      return [...cells.map(protectCell), item.highestCriticality, item.serviceCount, p.id];
    }),
    { header: true, columns: [...CSV_COLUMNS, ...EXPORT_ONLY_COLUMNS] },
  );
}

/**
 * Imports partners all-or-nothing: every row is validated first (including LEIs that partners of
 * the organization already hold) and any error rejects the whole file with a row-by-row report;
 * valid files are inserted in one transaction with an audit event per partner.
 */
export async function importPartners(
  ctx: AppContext,
  partnersService: PartnerService,
  actor: Actor,
  text: string,
) {
  const { inputs, errors } = parsePartnerCsv(text);
  const { db } = ctx.database;
  const leis = inputs.flatMap(({ input }) => (input.lei ? [input.lei] : []));
  if (leis.length) {
    const taken = await db
      .select({ lei: partners.lei, name: partners.name })
      .from(partners)
      .where(and(eq(partners.orgId, actor.orgId), inArray(partners.lei, leis)));
    const holder = new Map(taken.map((t) => [t.lei, t.name]));
    for (const { row, input } of inputs) {
      if (input.lei && holder.has(input.lei))
        errors.push({ row, path: "lei", message: `Partner "${holder.get(input.lei)}" already has this LEI` });
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw invalid(
      `${new Set(errors.map((e) => e.row)).size} row(s) have errors; nothing was imported`,
      errors,
    );
  }
  try {
    return await db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const { input } of inputs) ids.push((await partnersService.insert(tx, actor, input)).id);
      await reevaluateSignals(tx, actor.orgId, auditActorOf(actor), { partnerIds: ids });
      return { created: inputs.length };
    });
  } catch (e) {
    // A partner with one of the LEIs was created meanwhile.
    if (isUniqueViolation(e))
      throw conflict(
        "A partner in the file has an LEI that another partner already has; nothing was imported",
      );
    throw e;
  }
}
