import ExcelJS from "exceljs";
import type { Indicator } from "../../../domain/governance.js";
import { invalid } from "../../platform/errors.js";
import { parseWgiRecords, WGI_COLUMNS, type WgiRecord, type WgiRow } from "./countries.wgi.js";

// Sheet names of the World Bank's wide workbook, letters only, lower-cased.
const SHEET_INDICATORS: Record<string, Indicator> = {
  voiceandaccountability: "VoiceandAccountability",
  politicalstabilitynoviolence: "PoliticalStability",
  politicalstability: "PoliticalStability",
  governmenteffectiveness: "GovernmentEffectiveness",
  regulatoryquality: "RegulatoryQuality",
  ruleoflaw: "RuleofLaw",
  controlofcorruption: "ControlofCorruption",
};
// The six columns of each year's group in the wide workbook, and where each goes in WGI_COLUMNS.
const GROUP = ["estimate", "stderr", "numsrc", "rank", "lower", "upper"] as const;

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if ("result" in v) return text(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return "";
    return "";
  }
  return String(v).trim();
};
const rowCells = (ws: ExcelJS.Worksheet, r: number): string[] => {
  const out: string[] = [];
  ws.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
    out[col - 1] = text(cell.value);
  });
  return Array.from(out, (v) => v ?? "");
};

/**
 * Reads a WGI workbook. Two layouts are understood: a sheet in the bundled long layout (header
 * row = WGI_COLUMNS), and the World Bank's wide download, one sheet per indicator, where a row
 * holding "Code" and "Estimate" heads groups of Estimate/StdErr/NumSrc/Rank/Lower/Upper per year
 * and the row above it holds the years. Other sheets (the introduction) are ignored.
 */
export async function parseWgiXlsx(data: Buffer): Promise<{ rows: WgiRow[]; skipped: number }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw invalid(`The file is not a readable XLSX workbook: ${(e as Error).message}`);
  }
  const records: WgiRecord[] = [];
  for (const ws of wb.worksheets) {
    const first = rowCells(ws, 1).map((c) => c.toLowerCase());
    if (WGI_COLUMNS.every((c, i) => first[i] === c)) {
      for (let r = 2; r <= ws.rowCount; r++) {
        const cells = rowCells(ws, r);
        if (cells.some((c) => c !== "")) records.push({ cells, row: r, sheet: ws.name });
      }
      continue;
    }
    const indicator = SHEET_INDICATORS[ws.name.toLowerCase().replace(/[^a-z]/g, "")];
    if (!indicator) continue;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(ws.rowCount, 40) && !headerRow; r++) {
      const cells = rowCells(ws, r).map((c) => c.toLowerCase());
      if (cells.includes("code") && cells.includes("estimate")) headerRow = r;
    }
    if (headerRow < 2) throw invalid(`Sheet "${ws.name}": no header row with "Code" and "Estimate"`);
    const header = rowCells(ws, headerRow).map((c) => c.toLowerCase());
    const years = rowCells(ws, headerRow - 1);
    const codeCol = header.indexOf("code");
    const nameCol = Math.max(0, codeCol - 1);
    const groups = header.flatMap((h, i) => (h === "estimate" ? [i] : []));
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const cells = rowCells(ws, r);
      if (!cells[codeCol]) continue;
      for (const g of groups) {
        const at = (k: (typeof GROUP)[number]) => cells[g + GROUP.indexOf(k)] ?? "";
        records.push({
          row: r,
          sheet: ws.name,
          cells: [
            cells[nameCol] ?? "",
            cells[codeCol],
            years[g] ?? "",
            indicator,
            at("estimate"),
            at("rank"),
            at("stderr"),
            at("numsrc"),
            at("lower"),
            at("upper"),
          ],
        });
      }
    }
  }
  if (records.length === 0) throw invalid("The workbook holds no WGI sheet");
  return parseWgiRecords(records);
}
