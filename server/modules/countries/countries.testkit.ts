import ExcelJS from "exceljs";

/**
 * A workbook shaped like the World Bank's wide download: an introduction sheet, then one sheet per
 * indicator with title rows, a row of years over groups of six columns, and a header row.
 */
export async function wideWorkbook(rows: { name: string; code: string; figures: (number | string)[][] }[]) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Introduction").addRow(["Worldwide Governance Indicators"]);
  for (const sheet of ["VoiceandAccountability", "Political StabilityNoViolence"]) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow([sheet]);
    ws.addRow([]);
    ws.addRow(["", "", 2020, "", "", "", "", "", 2021, "", "", "", "", ""]);
    ws.addRow([
      "Country/Territory",
      "Code",
      ...Array(2).fill(["Estimate", "StdErr", "NumSrc", "Rank", "Lower", "Upper"]).flat(),
    ]);
    for (const r of rows) ws.addRow([r.name, r.code, ...r.figures.flat()]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
