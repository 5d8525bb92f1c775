import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.js";
import { wideWorkbook } from "./countries.testkit.js";
import { WGI_COLUMNS } from "./countries.wgi.js";
import { parseWgiXlsx } from "./countries.xlsx.js";

describe("reading the World Bank's XLSX", () => {
  it("turns the wide layout (one sheet per indicator, six columns per year) into figures", async () => {
    const data = await wideWorkbook([
      {
        name: "India",
        code: "IND",
        figures: [
          [0.1, 0.2, 9, 45.5, 40, 50],
          [0.15, 0.2, 9, 46, 41, 51],
        ],
      },
      {
        name: "Romania",
        code: "ROM",
        figures: [
          [0.5, 0.1, 12, 60, 55, 65],
          ["#N/A", "#N/A", "#N/A", "#N/A", "#N/A", "#N/A"],
        ],
      },
    ]);
    const { rows, skipped } = await parseWgiXlsx(data);
    expect(skipped).toBe(0);
    expect(rows).toHaveLength(8);
    expect(rows).toContainEqual({
      iso2: "IN",
      indicator: "PoliticalStability",
      year: 2021,
      estimate: 0.15,
      percentileRank: 46,
      stdErr: 0.2,
      numSources: 9,
      pctLower: 41,
      pctUpper: 51,
    });
    expect(
      rows.find((r) => r.iso2 === "RO" && r.year === 2021 && r.indicator === "VoiceandAccountability"),
    ).toMatchObject({
      estimate: null,
      percentileRank: null,
    });
  });

  it("also reads a sheet in the bundled long layout", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    ws.addRow([...WGI_COLUMNS]);
    ws.addRow(["Kosovo", "KSV", 2020, "RuleofLaw", -0.2, 40, 0.2, 7, 30, 50]);
    const { rows } = await parseWgiXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      {
        iso2: "XK",
        indicator: "RuleofLaw",
        year: 2020,
        estimate: -0.2,
        percentileRank: 40,
        stdErr: 0.2,
        numSources: 7,
        pctLower: 30,
        pctUpper: 50,
      },
    ]);
  });

  it("reports unknown codes with the sheet and row, and refuses what is not a workbook", async () => {
    const data = await wideWorkbook([
      {
        name: "Atlantis",
        code: "ATL",
        figures: [
          [0, 0, 1, 50, 40, 60],
          [0, 0, 1, 50, 40, 60],
        ],
      },
    ]);
    const err = await parseWgiXlsx(data).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(422);
    expect(err.errors[0]).toMatchObject({
      row: 5,
      path: "row.wb_code",
      message: expect.stringContaining("VoiceandAccountability: Unknown"),
    });
    await expect(parseWgiXlsx(Buffer.from("not a zip"))).rejects.toMatchObject({ status: 422 });
  });
});
