import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { CreatePartner } from "../../../domain/partners.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict, invalid } from "../../platform/errors.js";
import { type ListRow, presentPartnerListItem } from "./partners.present.js";
import type { PartnerService } from "./partners.service.js";

/** The columns of the partner CSV, for both import and export. */
export const CSV_COLUMNS = ["name", "legalName", "lei", "country", "website", "category", "status", "description", "tags"] as const;
export const MAX_IMPORT_ROWS = 5000;

type RowError = { row: number; path: string; message: string };

/** Parses and validates a partner CSV; returns the valid inputs or every row's errors. */
export function parsePartnerCsv(text: string): { inputs: CreatePartner[]; errors: RowError[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (e) {
    throw invalid(`The file is not valid CSV: ${(e as Error).message}`);
  }
  if (records.length === 0) throw invalid("The file has no data rows");
  if (records.length > MAX_IMPORT_ROWS) throw invalid(`At most ${MAX_IMPORT_ROWS} rows per import`);
  const unknown = Object.keys(records[0]).filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw invalid(`Unknown column(s): ${unknown.join(", ")}; expected ${CSV_COLUMNS.join(", ")}`);

  const inputs: CreatePartner[] = [];
  const errors: RowError[] = [];
  const seenLei = new Map<string, number>();
  records.forEach((rec, i) => {
    const row = i + 2; // line 1 is the header
    const raw = Object.fromEntries(Object.entries(rec).filter(([, v]) => v !== ""));
    const candidate = { ...raw, tags: raw.tags ? raw.tags.split(";").map((t) => t.trim()).filter(Boolean) : undefined };
    const parsed = CreatePartner.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, path: issue.path.join(".") || "row", message: issue.message });
      return;
    }
    const lei = parsed.data.lei;
    if (lei) {
      const first = seenLei.get(lei);
      if (first) errors.push({ row, path: "lei", message: `Same LEI as row ${first}` });
      else seenLei.set(lei, row);
    }
    inputs.push(parsed.data);
  });
  return { inputs, errors };
}

/** Renders partner rows as CSV in the import layout plus read-only extra columns. */
export function partnersToCsv(rows: ListRow[]): string {
  return stringify(
    rows.map((r) => {
      const p = r.partner;
      const item = presentPartnerListItem(r);
      return [p.name, p.legalName, p.lei, p.country, p.website, p.category, p.status, p.description, p.tags.join(";"), item.highestCriticality, item.serviceCount, p.id];
    }),
    { header: true, columns: [...CSV_COLUMNS, "highestCriticality", "serviceCount", "id"] },
  );
}

/**
 * Imports partners all-or-nothing: every row is validated first and any error rejects the whole
 * file with a row-by-row report; valid files are inserted in one transaction with an audit event
 * per partner.
 */
export async function importPartners(ctx: AppContext, partnersService: PartnerService, actor: Actor, text: string) {
  const { inputs, errors } = parsePartnerCsv(text);
  if (errors.length) throw invalid(`${new Set(errors.map((e) => e.row)).size} row(s) have errors; nothing was imported`, errors);
  try {
    return await ctx.database.db.transaction(async (tx) => {
      for (const input of inputs) await partnersService.insert(tx, actor, input);
      return { created: inputs.length };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("A partner in the file has an LEI that another partner already has; nothing was imported");
    throw e;
  }
}
