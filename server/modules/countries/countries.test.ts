import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RISK_SETTINGS, WGI_ATTRIBUTION } from "../../../domain/governance.js";
import type { Role } from "../../../domain/roles.js";
import { verifyChain } from "../../platform/audit/audit.service.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { auditEvents } from "../partners/partners.testkit.js";
import { wideWorkbook } from "./countries.testkit.js";
import { bundledWgi } from "./countries.wgi.js";

const env = useTestApp();
const BASE = "/api/v1/countries";

let admin: Session;
let other: Session;
let partnerUser: Session;
beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  const p = await buildPartner(env, admin, { name: "Portal Partner", country: "DE" });
  partnerUser = await buildUser(env, admin.orgId, "partner", p.id);
});

const list = (s: Session | null, query = "") => call(env, s, { url: `${BASE}${query}` });
const profile = (s: Session | null, code: string) => call(env, s, { url: `${BASE}/${code}` });
const putOverride = (s: Session | null, code: string, payload: unknown) =>
  call(env, s, { method: "PUT", url: `${BASE}/${code}/override`, payload: payload as object });
const delOverride = (s: Session | null, code: string) =>
  call(env, s, { method: "DELETE", url: `${BASE}/${code}/override` });
const importCsv = (s: Session | null, body: string) =>
  call(env, s, {
    method: "POST",
    url: `${BASE}/indicators/import`,
    payload: body,
    headers: { "content-type": "text/csv" },
  });
const indicatorRows = async () =>
  (await env.ctx.database.pool.query("SELECT count(*)::int AS n FROM governance_indicators")).rows[0]
    .n as number;

const HEADER =
  "country,wb_code,year,indicator,estimate,percentile_rank,std_err,num_sources,pct_lower,pct_upper";
const DIMENSIONS = [
  "VoiceandAccountability",
  "PoliticalStability",
  "GovernmentEffectiveness",
  "RegulatoryQuality",
  "RuleofLaw",
  "ControlofCorruption",
];

describe("bundled figures", () => {
  it("are the bundled CSV's rows, loaded by migration 0005 with WB codes mapped to ISO", async () => {
    const bundled = bundledWgi();
    expect(await indicatorRows()).toBe(bundled.length);
    // Romania is ROM in the World Bank's file.
    const ro = bundled.find((r) => r.iso2 === "RO" && r.indicator === "RuleofLaw" && r.year === 2017);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT estimate, percentile_rank, std_err, num_sources, pct_lower, pct_upper FROM governance_indicators WHERE iso2 = 'RO' AND indicator = 'RuleofLaw' AND year = 2017",
    );
    expect(rows[0]).toEqual({
      estimate: ro?.estimate,
      percentile_rank: ro?.percentileRank,
      std_err: ro?.stdErr,
      num_sources: ro?.numSources,
      pct_lower: ro?.pctLower,
      pct_upper: ro?.pctUpper,
    });
  });
});

describe("GET /api/v1/countries", () => {
  it("lists every ISO country with region, time zones, latest governance, risk and our exposure", async () => {
    const p = await buildPartner(env, admin, { name: "Pune Partner", country: "IN" });
    await call(env, admin, {
      method: "POST",
      url: `/api/v1/partners/${p.id}/sites`,
      payload: {
        name: "Manila hub",
        country: "PH",
        city: "Manila",
        timeZone: "Asia/Manila",
        workingHours: { start: "09:00", end: "18:00", days: [1, 2, 3, 4, 5] },
      },
    });
    const svc = await call(env, admin, {
      method: "POST",
      url: `/api/v1/partners/${p.id}/services`,
      payload: { name: "Hosting", function: "IT", criticality: "critical", dataLocations: ["IE", "PH"] },
    });
    expect(svc.statusCode).toBe(201);

    const res = await list(admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.attribution).toBe(WGI_ATTRIBUTION);
    expect(body.year).toBe(2019);
    expect(body.items.length).toBeGreaterThanOrEqual(249);
    const byCode = new Map(body.items.map((c: { code: string }) => [c.code, c]));
    expect(byCode.get("IN")).toMatchObject({
      name: "India",
      region: "Asia",
      timeZones: ["Asia/Kolkata"],
      governance: { year: 2019 },
      partnerCount: 1,
      serviceCount: 0,
      hasOverride: false,
    });
    // Portal Partner (DE) and Pune Partner's site in PH; the service counts in IE (data) and PH (data + site).
    expect(byCode.get("DE")).toMatchObject({ partnerCount: 1 });
    expect(byCode.get("PH")).toMatchObject({ partnerCount: 1, serviceCount: 1 });
    expect(byCode.get("IE")).toMatchObject({ partnerCount: 0, serviceCount: 1 });
    const india = byCode.get("IN") as {
      governance: { percentiles: Record<string, number> };
      risk: { level: string };
    };
    expect(Object.keys(india.governance.percentiles).sort()).toEqual([...DIMENSIONS].sort());
    expect(india.risk.level).toMatch(/^(low|medium|high|very_high)$/);
    // Kosovo's World Bank code KSV arrives as XK; Romania's ROM as RO.
    expect((byCode.get("XK") as { governance: { year: number } }).governance.year).toBe(2019);
    expect((byCode.get("RO") as { governance: { year: number } }).governance.year).toBe(2019);
    // A territory without figures has no level rather than a made-up one.
    expect(byCode.get("AQ")).toMatchObject({ governance: { year: null }, risk: { level: null } });
  });

  it("filters by q, region and risk level, and sorts", async () => {
    const q = (await list(admin, "?q=switz")).json();
    expect(q.items.map((c: { code: string }) => c.code)).toEqual(["CH"]);
    const europe = (await list(admin, "?region=Europe&riskLevel=low&sort=-name")).json().items;
    expect(europe.length).toBeGreaterThan(10);
    for (const c of europe) expect(c).toMatchObject({ region: "Europe", risk: { level: "low" } });
    const names = europe.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => b.localeCompare(a)));
    const risky = (await list(admin, "?sort=-risk")).json().items;
    expect(risky[0].risk.level).toBe("very_high");
    expect(risky.at(-1).risk.level).toBeNull();
    const safest = (await list(admin, "?sort=risk")).json().items;
    expect(safest[0].risk.level).toBe("low");
    expect(safest.at(-1).risk.level).toBeNull();
    const byPartners = (await list(admin, "?sort=-partners")).json().items;
    expect(byPartners[0].partnerCount).toBeGreaterThan(0);
  });

  it("answers 400 for an unknown filter value", async () => {
    const body = problem(await list(admin, "?riskLevel=extreme&sort=size"), 400, "validation_failed");
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["querystring.riskLevel"]));
  });

  it("answers 401 without a session and 403 to a partner user", async () => {
    problem(await list(null), 401, "unauthenticated");
    problem(await list(partnerUser), 403, "forbidden");
  });

  it("never counts another organization's partners", async () => {
    await buildPartner(env, other, { name: "Theirs", country: "NP" });
    const mine = (await list(admin, "?q=nepal")).json().items[0];
    expect(mine).toMatchObject({ code: "NP", partnerCount: 0 });
    const theirs = (await list(other, "?q=nepal")).json().items[0];
    expect(theirs).toMatchObject({ code: "NP", partnerCount: 1 });
  });
});

describe("GET /api/v1/countries/:code", () => {
  it("shows every indicator with uncertainty and history, risk explanation, data protection and our partners", async () => {
    const res = await profile(admin, "in");
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      code: "IN",
      name: "India",
      attribution: WGI_ATTRIBUTION,
      year: 2019,
      override: null,
      dataProtection: {
        status: "known",
        comprehensiveLaw: true,
        law: expect.stringContaining("Digital Personal Data Protection Act"),
        euStatus: "not_adequate",
        asOf: "2026-11",
      },
    });
    expect(c.indicators).toHaveLength(6);
    const ps = c.indicators.find((i: { indicator: string }) => i.indicator === "PoliticalStability");
    expect(ps.label).toBe("political stability");
    expect(ps.history.map((h: { year: number }) => h.year)).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(ps.latest).toEqual(ps.history.at(-1));
    expect(ps.latest.numSources).toBeGreaterThan(0);
    expect(ps.latest.interval90.lower).toBeLessThanOrEqual(ps.latest.percentileRank);
    expect(ps.latest.interval90.upper).toBeGreaterThanOrEqual(ps.latest.percentileRank);
    expect(c.risk.explanation[0]).toMatch(/^weighted percentile \d+(\.\d)? \(2019\) → /);
    expect(c.partners.map((p: { name: string }) => p.name)).toContain("Pune Partner");
    expect(c.partners.find((p: { name: string }) => p.name === "Pune Partner").via).toEqual(["headquarters"]);
    expect(c.partners.map((p: { name: string }) => p.name)).not.toContain("Portal Partner");
    // Pune Partner has a site and keeps data in the Philippines, and only keeps data in Ireland.
    expect((await profile(admin, "PH")).json().partners).toEqual([
      expect.objectContaining({ name: "Pune Partner", via: ["site", "data_location"] }),
    ]);
    expect((await profile(admin, "IE")).json().partners).toEqual([
      expect.objectContaining({ name: "Pune Partner", via: ["data_location"] }),
    ]);
    expect(c.dataProtection.sources.join(" ")).toContain("European Commission");
  });

  it("explains a floor-rule level in words", async () => {
    // Pakistan's political stability sits below the 10th percentile in 2019.
    const c = (await profile(admin, "PK")).json();
    expect(c.risk.explanation).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^political stability percentile \d \(2019\) → (high|very high)$/),
      ]),
    );
  });

  it("says 'unknown' for data protection where the curated table has no entry, and knows EU adequacy", async () => {
    expect((await profile(admin, "BT")).json().dataProtection).toMatchObject({
      status: "unknown",
      law: null,
    });
    expect((await profile(admin, "JP")).json().dataProtection).toMatchObject({ euStatus: "adequate" });
    expect((await profile(admin, "FR")).json().dataProtection).toMatchObject({ euStatus: "eu_eea" });
  });

  it("answers 400 for a code that is not ISO 3166-1", async () => {
    for (const code of ["ZZ", "DEU", "1"]) {
      const body = problem(await profile(admin, code), 400, "validation_failed");
      expect(body.errors?.[0].path).toBe("params.code");
    }
  });

  it("answers 401 without a session and 403 to a partner user", async () => {
    problem(await profile(null, "IN"), 401);
    problem(await profile(partnerUser, "IN"), 403);
  });

  it("never lists another organization's partners", async () => {
    const c = (await profile(other, "IN")).json();
    expect(c.partners).toEqual([]);
    expect(c.partnerCount).toBe(0);
  });
});

describe("country overrides", () => {
  it("stores the organization's annotation, audited with before and after, without touching the figures", async () => {
    const before = (await profile(admin, "IN")).json();
    const risk = await buildUser(env, admin.orgId, "risk_manager");
    const first = await putOverride(risk, "IN", { internalRating: "amber", notes: "  Watch elections  " });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      internalRating: "amber",
      sanctioned: false,
      notes: "Watch elections",
    });
    const compliance = await buildUser(env, admin.orgId, "compliance_officer");
    const second = await putOverride(compliance, "IN", {
      internalRating: "red",
      sanctioned: true,
      sanctionsNote: "Entity list check",
      travelWarning: "",
    });
    expect(second.json()).toMatchObject({
      internalRating: "red",
      sanctioned: true,
      travelWarning: null,
      notes: null,
    });

    const after = (await profile(admin, "IN")).json();
    expect(after.override).toMatchObject({ internalRating: "red", sanctioned: true });
    expect(after.hasOverride).toBe(true);
    expect(after.indicators).toEqual(before.indicators);
    expect(after.risk).toEqual(before.risk);

    const events = (await auditEvents(env, admin.orgId)).filter((e) => e.entity_type === "country_override");
    expect(events.map((e) => e.action)).toEqual(["country_override.create", "country_override.update"]);
    expect(events[0].before).toBeNull();
    expect(events[1].before).toMatchObject({ iso2: "IN", internalRating: "amber" });
    expect(events[1].after).toMatchObject({ iso2: "IN", internalRating: "red", sanctioned: true });
    expect(events[1].actor_id).toBe(compliance.userId);
    expect((await verifyChain(env.ctx.database.db, admin.orgId)).ok).toBe(true);
  });

  it("keeps one organization's override invisible to another", async () => {
    await putOverride(admin, "BR", { internalRating: "green" });
    expect((await profile(other, "BR")).json()).toMatchObject({ override: null, hasOverride: false });
    expect((await list(other, "?q=brazil")).json().items[0].hasOverride).toBe(false);
    problem(await delOverride(other, "BR"), 404, "not_found");
    expect((await profile(admin, "BR")).json().override).toMatchObject({ internalRating: "green" });
  });

  it("deletes an override (204, audited) and answers 404 when there is none", async () => {
    await putOverride(admin, "VN", { notes: "temp" });
    const res = await delOverride(admin, "VN");
    expect(res.statusCode).toBe(204);
    expect((await profile(admin, "VN")).json().override).toBeNull();
    const last = (await auditEvents(env, admin.orgId)).at(-1);
    expect(last).toMatchObject({ action: "country_override.delete", before: { iso2: "VN", notes: "temp" } });
    problem(await delOverride(admin, "VN"), 404, "not_found");
  });

  it("answers 400 for bad input", async () => {
    const body = problem(
      await putOverride(admin, "IN", { sanctioned: "yes", internalRating: "x".repeat(101) }),
      400,
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["body.internalRating", "body.sanctioned"]);
    expect(problem(await putOverride(admin, "QQ", {}), 400).errors?.[0].path).toBe("params.code");
  });

  it.each<Role>(["vendor_manager", "auditor", "viewer"])("refuses a %s (403)", async (role) => {
    const s = await buildUser(env, admin.orgId, role);
    problem(await putOverride(s, "IN", { notes: "x" }), 403, "forbidden");
    problem(await delOverride(s, "IN"), 403, "forbidden");
  });

  it("refuses a partner user (403) and an anonymous caller (401)", async () => {
    problem(await putOverride(partnerUser, "IN", { notes: "x" }), 403);
    problem(await delOverride(partnerUser, "IN"), 403);
    problem(await putOverride(null, "IN", { notes: "x" }), 401);
    problem(await delOverride(null, "IN"), 401);
  });
});

describe("risk settings", () => {
  const URL = `${BASE}/risk-settings`;
  const custom = {
    weights: {
      PoliticalStability: 0.5,
      RuleofLaw: 0.1,
      ControlofCorruption: 0.1,
      RegulatoryQuality: 0.1,
      GovernmentEffectiveness: 0.1,
      VoiceandAccountability: 0.1,
    },
    thresholds: { low: 90, medium: 80, high: 70 },
    floorPercentile: 5,
  };

  it("starts at the documented defaults, and a risk manager's change is audited and drives the levels", async () => {
    const org = await buildOrg(env);
    expect((await call(env, org, { url: URL })).json()).toEqual(DEFAULT_RISK_SETTINGS);
    const before = (await profile(org, "IN")).json().risk;
    const rm = await buildUser(env, org.orgId, "risk_manager");
    const res = await call(env, rm, { method: "PUT", url: URL, payload: custom });
    expect(res.statusCode).toBe(200);
    expect((await call(env, org, { url: URL })).json()).toEqual(custom);
    const after = (await profile(org, "IN")).json().risk;
    expect(after.score).not.toBe(before.score);
    // India sits well below the 70th percentile on the weighted average.
    expect(after.level).toBe("very_high");
    const ev = (await auditEvents(env, org.orgId)).at(-1);
    expect(ev).toMatchObject({
      action: "country_risk_settings.update",
      before: DEFAULT_RISK_SETTINGS,
      after: custom,
    });
    // Another organization keeps the defaults.
    expect((await call(env, other, { url: URL })).json()).toEqual(DEFAULT_RISK_SETTINGS);
  });

  it("answers 400 when weights do not sum to 1", async () => {
    const body = problem(
      await call(env, admin, {
        method: "PUT",
        url: URL,
        payload: { ...custom, weights: { ...custom.weights, PoliticalStability: 0.9 } },
      }),
      400,
    );
    expect(body.errors?.map((e) => e.path)).toContain("body.weights");
  });

  it("refuses roles other than admin and risk manager", async () => {
    for (const role of ["compliance_officer", "viewer"] as Role[]) {
      const s = await buildUser(env, admin.orgId, role);
      problem(await call(env, s, { method: "PUT", url: URL, payload: custom }), 403);
    }
    problem(await call(env, partnerUser, { method: "PUT", url: URL, payload: custom }), 403);
    problem(await call(env, partnerUser, { url: URL }), 403);
    problem(await call(env, null, { method: "PUT", url: URL, payload: custom }), 401);
    problem(await call(env, null, { url: URL }), 401);
  });
});

describe("POST /api/v1/countries/indicators/import", () => {
  const rows2020 = (code: string, name: string, p: number) =>
    DIMENSIONS.map((d) => `${name},${code},2020,${d},0.5,${p},0.2,8,${p - 5},${p + 5}`);

  it("refuses the whole file when one row is bad (422 with row numbers), changing nothing", async () => {
    const n = await indicatorRows();
    const csv = [
      HEADER,
      ...rows2020("IND", "India", 40),
      "Atlantis,ATL,2020,RuleofLaw,0.1,50,0.2,8,40,60",
      "India,IND,2020,Happiness,0.1,50,0.2,8,40,60",
      "India,IND,20x0,RuleofLaw,0.1,150,0.2,8,40,60",
    ].join("\n");
    const body = problem(await importCsv(admin, csv), 422, "validation_failed");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 8, path: "row.wb_code" }),
        expect.objectContaining({ row: 9, path: "row.indicator" }),
        expect.objectContaining({ row: 10, path: "row.year" }),
        expect.objectContaining({ row: 10, path: "row.percentile_rank" }),
      ]),
    );
    expect(await indicatorRows()).toBe(n);
    expect((await profile(admin, "IN")).json().year).toBe(2019);
  });

  it("refuses a file with the wrong header (422)", async () => {
    problem(await importCsv(admin, "code,year\nIND,2020"), 422);
  });

  it("imports a newer year, maps WB codes (KSV → XK) and upserts, audited as one event with counts", async () => {
    const csv = [
      HEADER,
      ...rows2020("IND", "India", 40),
      ...rows2020("KSV", "Kosovo", 30),
      "Netherlands Antilles,ANT,2020,RuleofLaw,,,,,,",
    ].join("\n");
    const res = await importCsv(admin, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rows: 12,
      inserted: 12,
      updated: 0,
      skipped: 1,
      years: [2020],
      countries: 2,
    });

    const india = (await profile(admin, "IN")).json();
    expect(india.year).toBe(2020);
    const ps = india.indicators.find((i: { indicator: string }) => i.indicator === "PoliticalStability");
    expect(ps.latest).toMatchObject({ year: 2020, percentileRank: 40, interval90: { lower: 35, upper: 45 } });
    expect(ps.history).toHaveLength(6);
    expect((await profile(admin, "XK")).json().year).toBe(2020);
    expect((await list(admin)).json().year).toBe(2020);

    // The same file again updates rather than duplicates.
    const again = await importCsv(admin, csv.replaceAll(",40,0.2,", ",41,0.2,"));
    expect(again.json()).toMatchObject({ inserted: 0, updated: 12 });
    expect(
      (await profile(admin, "IN"))
        .json()
        .indicators.find((i: { indicator: string }) => i.indicator === "RuleofLaw").latest.percentileRank,
    ).toBe(41);

    const events = (await auditEvents(env, admin.orgId)).filter(
      (e) => e.action === "governance_indicators.import",
    );
    expect(events).toHaveLength(2);
    expect(events[0].after).toMatchObject({ rows: 12, inserted: 12, years: [2020] });
    expect(events[0].actor_id).toBe(admin.userId);
  });

  it("is for administrators only", async () => {
    const csv = [HEADER, ...rows2020("IND", "India", 40)].join("\n");
    for (const role of ["risk_manager", "vendor_manager", "compliance_officer", "viewer"] as Role[]) {
      const s = await buildUser(env, admin.orgId, role);
      problem(await importCsv(s, csv), 403, "forbidden");
    }
    problem(await importCsv(partnerUser, csv), 403);
    problem(await importCsv(null, csv), 401);
  });

  it("answers 400 for a body that is not text", async () => {
    const res = await call(env, admin, {
      method: "POST",
      url: `${BASE}/indicators/import`,
      payload: { a: 1 },
    });
    problem(res, 400);
  });
});

describe("importing the World Bank's XLSX through the API", () => {
  it("accepts the workbook and shows the new year", async () => {
    const data = await wideWorkbook([
      {
        name: "Kenya",
        code: "KEN",
        figures: [
          [0, 0.2, 9, 30, 25, 35],
          [0, 0.2, 9, 31, 25, 35],
        ],
      },
    ]);
    const res = await call(env, admin, {
      method: "POST",
      url: `${BASE}/indicators/import`,
      payload: data,
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, inserted: 4, years: [2020, 2021], countries: 1 });
    const ke = (await profile(admin, "KE")).json();
    expect(ke.year).toBe(2021);
    expect(
      ke.indicators.find((i: { indicator: string }) => i.indicator === "PoliticalStability").latest
        .percentileRank,
    ).toBe(31);
  });
});
