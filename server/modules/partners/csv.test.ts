import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import {
  auditCount,
  auditEvents,
  corruptLei,
  makeLei,
  partnerCount,
  withFailingAudit,
} from "./partners.testkit.js";

const env = useTestApp();
const HEADER = "name,legalName,lei,country,website,category,status,description,tags";
const EXPORT_HEADER = `${HEADER},highestCriticality,serviceCount,id`;

const importCsv = (s: Session | null, csv: string, contentType = "text/csv") =>
  call(env, s, {
    method: "POST",
    url: "/api/v1/partners/import",
    headers: { "content-type": contentType },
    payload: csv,
  });
const exportCsv = (s: Session | null, query = "") =>
  call(env, s, { url: `/api/v1/partners/export.csv${query ? `?${query}` : ""}` });
const lines = (...rows: string[]) => `${rows.join("\n")}\n`;

/** Partners of an organization by name, read through the API. */
async function partnersByName(s: Session) {
  const items = (await call(env, s, { url: "/api/v1/partners?limit=200" })).json().items as {
    id: string;
    name: string;
  }[];
  const full = await Promise.all(
    items.map(async (i) => (await call(env, s, { url: `/api/v1/partners/${i.id}` })).json()),
  );
  return new Map(full.map((p) => [p.name, p]));
}

/** Asserts that an organization has exactly as many partners and audit events as before. */
async function expectNothingImported(org: Session, before: { partners: number; events: number }) {
  expect(await partnerCount(env, org.orgId)).toBe(before.partners);
  expect(await auditCount(env, org.orgId)).toBe(before.events);
}
const snapshot = async (org: Session) => ({
  partners: await partnerCount(env, org.orgId),
  events: await auditCount(env, org.orgId),
});

describe("CSV import", () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await buildOrg(env);
  });

  it("imports a good file: 201 with the count, every partner stored and audited", async () => {
    const lei = makeLei();
    const csv =
      "\uFEFF" + // spreadsheets often write a byte order mark
      [
        HEADER,
        `Acme Logistics,Acme Logistics GmbH,${lei.toLowerCase()},de,acme.example,logistics,active,"Warehousing, customs and ""last mile""",eu;Tier-1`,
        `Beta Soft,,,in,,software_development,,"Two lines:\r\nsecond line",`,
        "Gamma Cloud,,,US,https://gamma.example/,cloud_saas,due_diligence,,",
      ].join("\r\n") +
      "\r\n";
    const before = await snapshot(admin);
    const res = await importCsv(admin, csv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 3 });
    expect(await partnerCount(env, admin.orgId)).toBe(before.partners + 3);

    const byName = await partnersByName(admin);
    expect(byName.get("Acme Logistics")).toMatchObject({
      legalName: "Acme Logistics GmbH",
      lei,
      country: "DE",
      website: "https://acme.example",
      category: "logistics",
      status: "active",
      description: 'Warehousing, customs and "last mile"',
      tags: ["eu", "tier-1"],
    });
    expect(byName.get("Beta Soft")).toMatchObject({
      legalName: null,
      lei: null,
      status: "identified",
      description: "Two lines:\r\nsecond line",
      tags: [],
    });
    expect(byName.get("Gamma Cloud")).toMatchObject({
      website: "https://gamma.example/",
      status: "due_diligence",
    });

    // The import's own events (signals raised for the new partners are audited beside them).
    const events = (await auditEvents(env, admin.orgId))
      .slice(before.events)
      .filter((e) => e.entity_type === "partner");
    expect(events.map((e) => e.action)).toEqual(["partner.create", "partner.create", "partner.create"]);
    expect(events.map((e) => e.after?.name)).toEqual(["Acme Logistics", "Beta Soft", "Gamma Cloud"]);
    expect(events.every((e) => e.actor_id === admin.userId)).toBe(true);
  });

  it("accepts a file with only the required columns, in any order, and skips blank rows", async () => {
    const res = await importCsv(
      admin,
      lines("category,country,name", "other,PL,Delta Minimal", "", ",,", "manufacturing,CZ,Epsilon Minimal"),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 2 });
  });

  it("one bad row among good ones: 422 naming the row, and nothing is inserted", async () => {
    const before = await snapshot(admin);
    const csv = lines(
      HEADER,
      `Good One,,${makeLei()},FR,,other,,,`,
      `Bad LEI,,${corruptLei(makeLei())},FR,,other,,,`,
      "Good Two,,,FR,,other,,,",
    );
    const body = problem(await importCsv(admin, csv), 422, "validation_failed");
    expect(body.errors).toEqual([{ row: 3, path: "lei", message: expect.stringContaining("LEI") }]);
    expect(body.detail).toContain("nothing was imported");
    await expectNothingImported(admin, before);
    const names = [...(await partnersByName(admin)).keys()];
    expect(names).not.toContain("Good One");
    expect(names).not.toContain("Good Two");
  });

  it("reports every error of every row, with spreadsheet row numbers (header = 1, blank and multi-line rows counted once)", async () => {
    const before = await snapshot(admin);
    const csv = lines(
      HEADER,
      "Bad Country,,,XX,,other,,,", // row 2
      `Fine,,,DE,,other,,"a quoted
cell over two lines",`, // row 3
      "", // row 4, blank
      ",,,DE,,space_travel,,,", // row 5: no name, unknown category
      "Bad Status,,,DE,,other,archived,,", // row 6
      "Bad Website,,,DE,ftp://files.example,other,,,", // row 7
      "Too,Many,Fields,DE,,other,,,,extra", // row 8
    );
    const body = problem(await importCsv(admin, csv), 422, "validation_failed");
    const found = body.errors!.map((e) => `${e.row}:${e.path}`);
    expect(found).toEqual(["2:country", "5:name", "5:category", "6:status", "7:website", "8:row"]);
    expect(body.detail).toMatch(/^5 row\(s\) have errors/);
    await expectNothingImported(admin, before);
  });

  it("reports an LEI repeated within the file, whatever its case", async () => {
    const lei = makeLei();
    const before = await snapshot(admin);
    const csv = lines(
      HEADER,
      `First,,${lei},DE,,other,,,`,
      "Other,,,DE,,other,,,",
      `Second,,${lei.toLowerCase()},DE,,other,,,`,
    );
    const body = problem(await importCsv(admin, csv), 422, "validation_failed");
    expect(body.errors).toEqual([{ row: 4, path: "lei", message: "Same LEI as row 2" }]);
    await expectNothingImported(admin, before);
  });

  it("reports an LEI that a partner of the organization already has, naming the row", async () => {
    const lei = makeLei();
    await buildPartner(env, admin, { name: "Holder of the LEI", lei });
    const before = await snapshot(admin);
    const body = problem(
      await importCsv(admin, lines(HEADER, "New,,,DE,,other,,,", `Clash,,${lei},DE,,other,,,`)),
      422,
      "validation_failed",
    );
    expect(body.errors).toEqual([
      { row: 3, path: "lei", message: expect.stringContaining("Holder of the LEI") },
    ]);
    await expectNothingImported(admin, before);
    // The same LEI is free in another organization.
    const elsewhere = await buildOrg(env);
    expect((await importCsv(elsewhere, lines(HEADER, `Clash,,${lei},DE,,other,,,`))).statusCode).toBe(201);
  });

  it.each([
    ["an unknown column", lines(`${HEADER},owner`, "A,,,DE,,other,,,,bob"), /Unknown column\(s\): owner/],
    ["a repeated column", lines("name,country,category,name", "A,DE,other,B"), /Repeated column/],
    ["a missing required column", lines("name,category", "A,other"), /Missing column\(s\): country/],
    ["an empty file", "", /empty/],
    ["a header without rows", lines(HEADER), /no data rows/],
    ["an unclosed quote", lines("name,country,category", '"A,DE,other'), /not valid CSV/],
  ])("refuses %s as a whole (422) and inserts nothing", async (_what, csv, detail) => {
    const before = await snapshot(admin);
    const body = problem(await importCsv(admin, csv), 422, "validation_failed");
    expect(body.detail).toMatch(detail);
    await expectNothingImported(admin, before);
  });

  it("refuses more than 5000 rows", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `P${i},,,DE,,other,,,`);
    const before = await snapshot(admin);
    const body = problem(await importCsv(admin, lines(HEADER, ...rows)), 422, "validation_failed");
    expect(body.detail).toContain("5000");
    await expectNothingImported(admin, before);
  });

  it("needs a text/csv body", async () => {
    problem(
      await call(env, admin, { method: "POST", url: "/api/v1/partners/import", payload: { name: "x" } }),
      400,
      "validation_failed",
    );
    problem(
      await importCsv(admin, lines(HEADER, "A,,,DE,,other,,,"), "application/octet-stream"),
      415,
      "unsupported_media_type",
    );
  });

  it("is all-or-nothing in the database too: a failure on the third partner leaves none", async () => {
    const before = await snapshot(admin);
    const csv = lines(
      "name,country,category",
      "Tx One,DE,other",
      "Tx Two,DE,other",
      "Tx Three,DE,other",
      "Tx Four,DE,other",
    );
    const res = await withFailingAudit(env, "partner.create", () => importCsv(admin, csv), "Tx Three");
    problem(res, 500, "internal_error");
    await expectNothingImported(admin, before);
  });

  it.each<[Role | "anonymous" | "partner", number]>([
    ["vendor_manager", 201],
    ["risk_manager", 403],
    ["compliance_officer", 403],
    ["auditor", 403],
    ["viewer", 403],
    ["partner", 403],
    ["anonymous", 401],
  ])("%s → %i", async (role, status) => {
    const user =
      role === "anonymous"
        ? null
        : role === "partner"
          ? await buildUser(env, admin.orgId, "partner", (await buildPartner(env, admin)).id)
          : await buildUser(env, admin.orgId, role);
    const before = await partnerCount(env, admin.orgId);
    const res = await importCsv(user, lines("name,country,category", `By ${role},DE,other`));
    if (status === 201) expect(res.statusCode).toBe(201);
    else problem(res, status);
    expect(await partnerCount(env, admin.orgId)).toBe(before + (status === 201 ? 1 : 0));
  });
});

describe("CSV export", () => {
  let source: Session;
  beforeAll(async () => {
    source = await buildOrg(env);
    await buildPartner(env, source, {
      name: "Zeta, Quotes & Co",
      legalName: 'Zeta "Quotes" Ltd',
      lei: makeLei(),
      country: "GB",
      website: "zeta.example",
      category: "professional_services",
      status: "active",
      description: "Line one\nLine two, with comma",
      tags: ["uk", "legal"],
    });
    await buildPartner(env, source, {
      name: '=HYPERLINK("http://evil.example")',
      country: "FR",
      category: "other",
      description: "-2+3",
    });
    await buildPartner(env, source, {
      name: "Ålesund Fisk AS",
      country: "NO",
      category: "manufacturing",
      status: "exited",
      tags: ["nordic"],
    });
    await buildPartner(env, source, {
      name: "@risk",
      legalName: "'=quoted'",
      country: "US",
      category: "cloud_saas",
    });
    const crit = await buildPartner(env, source, {
      name: "Critical Hosting",
      country: "DE",
      category: "it_infrastructure",
    });
    await call(env, source, {
      method: "POST",
      url: `/api/v1/partners/${crit.id}/services`,
      payload: { name: "Hosting", function: "IT", criticality: "critical" },
    });
    // Another organization's partner must never leak into the export.
    await buildPartner(env, await buildOrg(env), { name: "Not Yours", country: "DE" });
  });

  it("answers text/csv with the import columns first, then read-only ones, in name order", async () => {
    const res = await exportCsv(source);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="partners-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body.split("\n")[0]).toBe(EXPORT_HEADER);
    const records: Record<string, string>[] = parse(res.body, { columns: true });
    expect(new Set(records.map((r) => r.name))).toEqual(
      new Set([
        '\'=HYPERLINK("http://evil.example")',
        "'@risk",
        "Ålesund Fisk AS",
        "Critical Hosting",
        "Zeta, Quotes & Co",
      ]),
    );
    // Same order as the list sorted by name (where "Å" falls depends on the database collation).
    const listed = (await call(env, source, { url: "/api/v1/partners?sort=name" }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(records.map((r) => r.id)).toEqual(listed);
    const zeta = records.find((r) => r.name.startsWith("Zeta"))!;
    expect(zeta).toMatchObject({
      legalName: 'Zeta "Quotes" Ltd',
      country: "GB",
      website: "https://zeta.example",
      status: "active",
      description: "Line one\nLine two, with comma",
      tags: "uk;legal",
      serviceCount: "0",
    });
    expect(records.find((r) => r.name === "Critical Hosting")).toMatchObject({
      highestCriticality: "critical",
      serviceCount: "1",
    });
    expect(records.map((r) => r.name)).not.toContain("Not Yours");
  });

  it("defuses cells a spreadsheet would run as formulas", async () => {
    const records: Record<string, string>[] = parse((await exportCsv(source)).body, { columns: true });
    for (const r of records)
      for (const column of ["name", "legalName", "description"]) expect(r[column]).not.toMatch(/^[=+\-@]/);
    expect(records.find((r) => r.name.includes("HYPERLINK"))!.description).toBe("'-2+3");
  });

  it("applies the list filters", async () => {
    const names = async (query: string) =>
      (parse((await exportCsv(source, query)).body, { columns: true }) as { name: string }[]).map(
        (r) => r.name,
      );
    expect(await names("status=active")).toEqual(["Zeta, Quotes & Co"]);
    expect(new Set(await names("status=active&status=exited"))).toEqual(
      new Set(["Ålesund Fisk AS", "Zeta, Quotes & Co"]),
    );
    expect(await names("country=no")).toEqual(["Ålesund Fisk AS"]);
    expect(await names("q=hosting")).toEqual(["Critical Hosting"]);
    expect(await names("criticality=critical")).toEqual(["Critical Hosting"]);
    expect(await names("tag=nordic")).toEqual(["Ålesund Fisk AS"]);
    const empty = await exportCsv(source, "country=JP");
    expect(empty.body.trim()).toBe(EXPORT_HEADER);
    problem(await exportCsv(source, "status=bogus"), 400, "validation_failed");
  });

  it("round-trips through import into another organization", async () => {
    const exported = (await exportCsv(source)).body;
    const target = await buildOrg(env);
    const res = await importCsv(target, exported);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 5 });
    const again: Record<string, string>[] = parse((await exportCsv(target)).body, { columns: true });
    const original: Record<string, string>[] = parse(exported, { columns: true });
    const importable = (r: Record<string, string>) => HEADER.split(",").map((c) => r[c]);
    expect(again.map(importable)).toEqual(original.map(importable));
    // The values themselves, not only their CSV form, came through unchanged.
    const byName = await partnersByName(target);
    expect(byName.get('=HYPERLINK("http://evil.example")')).toMatchObject({ description: "-2+3" });
    expect(byName.get("@risk")).toMatchObject({ legalName: "'=quoted'" });
    expect(byName.get("Zeta, Quotes & Co")).toMatchObject({
      description: "Line one\nLine two, with comma",
      tags: ["uk", "legal"],
    });
  });

  it.each<[Role | "anonymous" | "partner", number]>([
    ["viewer", 200],
    ["auditor", 200],
    ["risk_manager", 200],
    ["partner", 403],
    ["anonymous", 401],
  ])("%s → %i", async (role, status) => {
    const user =
      role === "anonymous"
        ? null
        : role === "partner"
          ? await buildUser(env, source.orgId, "partner", (await buildPartner(env, source)).id)
          : await buildUser(env, source.orgId, role);
    const res = await exportCsv(user);
    if (status === 200) {
      expect(res.statusCode).toBe(200);
      expect(res.body.split("\n")[0]).toBe(EXPORT_HEADER);
    } else {
      problem(res, status);
      expect(res.body).not.toContain("Zeta");
    }
  });
});
