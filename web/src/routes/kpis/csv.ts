/** Just enough CSV for the upload preview and the template; the server does the real parsing. */

/** The columns the bulk endpoint takes, in the template's order. */
export const CSV_COLUMNS = ["kpiId", "periodStart", "value", "note"] as const;

/**
 * The first `limit` records of a CSV text (header included) as cells, honouring quoted fields
 * with commas, doubled quotes and line breaks, so the preview shows what the server will read.
 */
export function previewRows(csv: string, limit = 8): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (rows.length < limit && (cell !== "" || row.length)) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** Data lines of a CSV text (the header excluded), for "n rows" before the server has counted. */
export const dataLineCount = (csv: string) =>
  Math.max(0, csv.split(/\r?\n/).filter((l) => l.trim() !== "").length - 1);

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * A template with the header and one line per KPI: its id and the start of its current period,
 * value and note left to fill in.
 */
export function templateCsv(kpis: { id: string; periodStart: string }[]): string {
  const lines = [
    CSV_COLUMNS.join(","),
    ...kpis.map((k) => [k.id, k.periodStart, "", ""].map(quote).join(",")),
  ];
  return `${lines.join("\n")}\n`;
}
