import { readFile } from "node:fs/promises";
import path from "node:path";
import { systemActor } from "../../platform/audit/audit.service.js";
import { AppError } from "../../platform/errors.js";
import type { Runtime } from "../../platform/runtime.js";
import { importIndicators } from "./countries.import.js";
import { parseWgiCsv } from "./countries.wgi.js";
import { parseWgiXlsx } from "./countries.xlsx.js";

/**
 * `countries import <file>`: loads a WGI release (CSV in the bundled layout, or the World Bank's
 * XLSX) all-or-nothing. The figures serve every organization, so each one's audit trail records it.
 */
export async function importCountriesCommand(runtime: Runtime, file: string | undefined): Promise<number> {
  if (!file) {
    console.error("Usage: countries import <file.csv|file.xlsx>");
    return 2;
  }
  try {
    const data = await readFile(file);
    const parsed = /\.xlsx$/i.test(file) ? await parseWgiXlsx(data) : parseWgiCsv(data.toString("utf8"));
    const name = path.basename(file);
    const s = await importIndicators(runtime.database.db, parsed, name, systemActor("cli"), "all");
    console.log(
      `Imported ${s.rows} figures from ${name} (${s.inserted} new, ${s.updated} updated, ${s.skipped} skipped) ` +
        `for ${s.countries} countries, years ${s.years.join(", ")}.`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    console.error(`Nothing imported: ${e.detail ?? e.title}`);
    for (const err of e.errors ?? []) console.error(`  row ${err.row ?? "-"} ${err.path}: ${err.message}`);
    return 1;
  }
}
