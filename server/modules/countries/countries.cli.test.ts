import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Session, useTestApp } from "../../test/harness.js";
import { auditEvents } from "../partners/partners.testkit.js";
import { wideWorkbook } from "./countries.testkit.js";

const env = useTestApp();
const root = path.resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "outsight-wgi-"));

function outsight(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/cli.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: env.ctx.config.databaseUrl, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
const figure = async (iso2: string, indicator: string, year: number) =>
  (
    await env.ctx.database.pool.query(
      "SELECT percentile_rank AS p, source FROM governance_indicators WHERE iso2 = $1 AND indicator = $2 AND year = $3",
      [iso2, indicator, year],
    )
  ).rows[0] as { p: number; source: string } | undefined;

const HEADER =
  "country,wb_code,year,indicator,estimate,percentile_rank,std_err,num_sources,pct_lower,pct_upper";
let org: Session;
beforeAll(async () => {
  org = await buildOrg(env);
});

describe("outsight countries import", () => {
  it("imports a CSV, audited in every organization", async () => {
    const file = path.join(dir, "wgi-2022.csv");
    writeFileSync(file, `${HEADER}\n"Congo, Dem. Rep.",ZAR,2022,RuleofLaw,-1.6,3.5,0.15,9,1,7\n`);
    const r = outsight("countries", "import", file);
    expect(r.out).toContain(
      "Imported 1 figures from wgi-2022.csv (1 new, 0 updated, 0 skipped) for 1 countries, years 2022.",
    );
    expect(r.code).toBe(0);
    expect(await figure("CD", "RuleofLaw", 2022)).toEqual({ p: 3.5, source: "wgi-2022.csv" });
    const ev = (await auditEvents(env, org.orgId)).at(-1);
    expect(ev).toMatchObject({
      action: "governance_indicators.import",
      after: { rows: 1, source: "wgi-2022.csv" },
    });
  });

  it("imports the World Bank's XLSX", async () => {
    const file = path.join(dir, "wgidataset.xlsx");
    writeFileSync(
      file,
      await wideWorkbook([
        {
          name: "Timor-Leste",
          code: "TMP",
          figures: [
            [0.1, 0.2, 8, 55, 50, 60],
            [0.1, 0.2, 8, 56, 50, 60],
          ],
        },
      ]),
    );
    const r = outsight("countries", "import", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Imported 4 figures");
    expect((await figure("TL", "PoliticalStability", 2021))?.p).toBe(56);
  });

  it("refuses a file with a bad row, lists it, and changes nothing", async () => {
    const file = path.join(dir, "bad.csv");
    writeFileSync(
      file,
      `${HEADER}\nIndia,IND,2023,RuleofLaw,0.1,50,0.2,8,40,60\nNowhere,XYZ,2023,RuleofLaw,0.1,50,0.2,8,40,60\n`,
    );
    const r = outsight("countries", "import", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Nothing imported");
    expect(r.out).toContain('row 3 row.wb_code: Unknown World Bank country code "XYZ"');
    expect(await figure("IN", "RuleofLaw", 2023)).toBeUndefined();
    expect(outsight("countries", "import").code).toBe(2);
  });
});
