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

const env = useTestApp();
const MISSING = "00000000-0000-4000-8000-000000000000";
const WEEKDAYS = [1, 2, 3, 4, 5];
const STAFF: Role[] = ["admin", "risk_manager", "vendor_manager", "compliance_officer", "auditor", "viewer"];

// London 09:00–17:00 and Kolkata 09:30–18:30 are the hours for which the issue's figures hold:
// 240 min on a December weekday (09:00–13:00Z), 300 min in July (08:00–13:00Z, London on BST).
const london = { timeZone: "Europe/London", workingHours: { start: "09:00", end: "17:00", days: WEEKDAYS } };
const kolkata = { timeZone: "Asia/Kolkata", workingHours: { start: "09:30", end: "18:30", days: WEEKDAYS } };

let admin: Session;
let other: Session;
beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
});

const overlap = (s: Session | null, payload: Record<string, unknown>) =>
  call(env, s, { method: "POST", url: "/api/v1/time-overlap", payload });

describe("POST /api/v1/time-overlap", () => {
  it("answers the shared windows per date with holidays, the average and the best slots", async () => {
    // Thursday 24 to Monday 28 December 2026: 25th Christmas in both, 26th Saturday, 28th GB substitute.
    const res = await overlap(admin, {
      a: { ...london, country: "GB" },
      b: { ...kolkata, country: "in" },
      from: "2026-12-24",
      days: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(
      body.days.map((d: { date: string; overlapMinutes: number }) => [d.date, d.overlapMinutes]),
    ).toEqual([
      ["2026-12-24", 240],
      ["2026-12-25", 0],
      ["2026-12-26", 0],
      ["2026-12-27", 0],
      ["2026-12-28", 0],
    ]);
    expect(body.days[0].windows).toEqual([
      {
        startUtc: "2026-12-24T09:00:00.000Z",
        endUtc: "2026-12-24T13:00:00.000Z",
        minutes: 240,
        a: { start: "09:00", end: "13:00" },
        b: { start: "14:30", end: "18:30" },
      },
    ]);
    expect(body.days[1].holidays).toEqual([
      { side: "a", name: "Christmas Day" },
      { side: "b", name: "Christmas Day" },
    ]);
    expect(body.days[4].holidays).toEqual([{ side: "a", name: "Boxing Day (substitute day)" }]);
    expect(body.days[4].workingMinutes).toEqual({ a: 0, b: 540 });
    expect(body).toMatchObject({
      totalOverlapMinutes: 240,
      workingDays: 1,
      averageOverlapMinutesPerWorkingDay: 240,
    });
    expect(body.bestSlots).toEqual([
      {
        startUtc: "09:00",
        endUtc: "13:00",
        minutes: 240,
        a: { start: "09:00", end: "13:00" },
        b: { start: "14:30", end: "18:30" },
        occurrences: 1,
        firstDate: "2026-12-24",
        lastDate: "2026-12-24",
      },
    ]);
  });

  it("is DST-correct: 300 minutes on a July weekday", async () => {
    const res = await overlap(admin, { a: london, b: kolkata, from: "2026-07-15", days: 1 });
    expect(res.json().days[0].overlapMinutes).toBe(300);
  });

  it("is open to every staff role", async () => {
    for (const role of STAFF) {
      const s = role === "admin" ? admin : await buildUser(env, admin.orgId, role);
      const res = await overlap(s, { a: london, b: kolkata, from: "2026-12-09", days: 1 });
      expect(res.statusCode, role).toBe(200);
      expect(res.json().totalOverlapMinutes).toBe(240);
    }
  });

  it("refuses bad time zones, times, countries and day counts as problem+json", async () => {
    const res = await overlap(admin, {
      a: { ...london, timeZone: "Mars/Olympus", country: "XX" },
      b: { ...kolkata, workingHours: { start: "25:00", end: "18:30", days: [0] } },
      from: "2026-02-30",
      days: 367,
    });
    const body = problem(res, 400, "validation_failed");
    expect(body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        "body.a.timeZone",
        "body.a.country",
        "body.b.workingHours.start",
        "body.b.workingHours.days.0",
        "body.from",
        "body.days",
      ]),
    );
    problem(
      await overlap(admin, { a: london, b: kolkata, from: "2026-12-01", days: 0 }),
      400,
      "validation_failed",
    );
    problem(await overlap(admin, { a: london, from: "2026-12-01", days: 1 }), 400, "validation_failed");
  });

  it("answers 401 without a session and 403 to partner users", async () => {
    const valid = { a: london, b: kolkata, from: "2026-12-09", days: 1 };
    problem(await overlap(null, valid), 401);
    const partner = await buildPartner(env, admin);
    problem(await overlap(await buildUser(env, admin.orgId, "partner", partner.id), valid), 403, "forbidden");
  });
});

describe("GET /api/v1/partners/:id/overlap", () => {
  const addSite = async (s: Session, body: Record<string, unknown>, partnerId?: string) => {
    const res = await call(env, s, {
      method: "POST",
      url: partnerId ? `/api/v1/partners/${partnerId}/sites` : "/api/v1/organization/sites",
      payload: body,
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const url = (id: string, from?: string) => `/api/v1/partners/${id}/overlap${from ? `?from=${from}` : ""}`;

  let partner: { id: string };
  let londonSite: { id: string };
  let nySite: { id: string };
  let puneSite: { id: string };
  let manilaSite: { id: string };
  beforeAll(async () => {
    partner = await buildPartner(env, admin);
    londonSite = await addSite(admin, { name: "London HQ", country: "GB", city: "London", ...london });
    nySite = await addSite(admin, {
      name: "New York",
      country: "US",
      city: "New York",
      timeZone: "America/New_York",
      workingHours: { start: "09:00", end: "17:00", days: WEEKDAYS },
    });
    puneSite = await addSite(admin, { name: "Pune", country: "IN", city: "Pune", ...kolkata }, partner.id);
    // Manila (UTC+8) 13:00–22:00 = 05:00–14:00Z.
    manilaSite = await addSite(
      admin,
      {
        name: "Manila",
        country: "PH",
        city: "Manila",
        timeZone: "Asia/Manila",
        workingHours: { start: "13:00", end: "22:00", days: WEEKDAYS },
      },
      partner.id,
    );
    // Other organizations' sites never take part.
    await addSite(other, { name: "Theirs", country: "GB", city: "Leeds", ...london });
  });

  it("pairs every partner site with every one of our sites, with a risk level per pair", async () => {
    // 2027-01-04 (Monday) to 2027-02-02: no GB, US, IN or PH public holidays on weekdays except
    // US Martin Luther King Jr. Day (18 Jan), IN Republic Day (26 Jan), PH ones checked below.
    const res = await call(env, admin, { url: url(partner.id, "2027-01-04") });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: "2027-01-04",
      days: 30,
      thresholds: { lowRiskMinMinutes: 240, mediumRiskMinMinutes: 120 },
    });
    const pairs = body.pairs as {
      organizationSite: { id: string };
      partnerSite: { id: string };
      risk: string;
      days: { date: string; overlapMinutes: number }[];
      workingDays: number;
      averageOverlapMinutesPerWorkingDay: number;
    }[];
    expect(pairs.map((p) => [p.organizationSite.id, p.partnerSite.id])).toEqual([
      [londonSite.id, puneSite.id],
      [nySite.id, puneSite.id],
      [londonSite.id, manilaSite.id],
      [nySite.id, manilaSite.id],
    ]);
    for (const p of pairs) expect(p.days).toHaveLength(30);

    const [lonPune, nyPune, lonManila, nyManila] = pairs;
    // London–Pune: 240 min on each common working day (Republic Day is not one) → low.
    expect(lonPune.averageOverlapMinutesPerWorkingDay).toBe(240);
    expect(lonPune.days.find((d) => d.date === "2027-01-26")?.overlapMinutes).toBe(0);
    expect(lonPune.risk).toBe("low");
    // New York (14:00–22:00Z in winter) never meets Pune (04:00–13:00Z) → high.
    expect(nyPune).toMatchObject({ averageOverlapMinutesPerWorkingDay: 0, risk: "high" });
    // London 09:00–17:00Z and Manila 05:00–14:00Z → 300 min → low... only where neither has a holiday.
    expect(lonManila.days.find((d) => d.date === "2027-01-05")?.overlapMinutes).toBe(300);
    expect(lonManila.risk).toBe("low");
    // New York 14:00–22:00Z and Manila 05:00–14:00Z just touch → high.
    expect(nyManila).toMatchObject({ averageOverlapMinutesPerWorkingDay: 0, risk: "high" });
  });

  it("sorts a medium risk between the thresholds", async () => {
    const p = await buildPartner(env, admin);
    // Kathmandu (UTC+5:45) 10:00–17:00 = 04:15–11:15Z; London 09:00–17:00Z → 135 min → medium.
    await addSite(
      admin,
      {
        name: "Kathmandu",
        country: "NP",
        city: "Kathmandu",
        timeZone: "Asia/Kathmandu",
        workingHours: { start: "10:00", end: "17:00", days: WEEKDAYS },
      },
      p.id,
    );
    const body = (await call(env, admin, { url: url(p.id, "2027-01-04") })).json();
    const withLondon = body.pairs.find(
      (x: { organizationSite: { id: string } }) => x.organizationSite.id === londonSite.id,
    );
    expect(withLondon).toMatchObject({ averageOverlapMinutesPerWorkingDay: 135, risk: "medium" });
  });

  it("starts today (UTC) by default and answers no pairs for a partner without sites", async () => {
    const bare = await buildPartner(env, admin);
    const res = await call(env, admin, { url: url(bare.id) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ from: new Date().toISOString().slice(0, 10), days: 30, pairs: [] });
    const withSites = (await call(env, admin, { url: url(partner.id) })).json();
    expect(withSites.from).toBe(new Date().toISOString().slice(0, 10));
    expect(withSites.pairs[0].days[0].date).toBe(withSites.from);
  });

  it("is readable by every staff role", async () => {
    for (const role of STAFF.slice(1)) {
      const s = await buildUser(env, admin.orgId, role);
      expect((await call(env, s, { url: url(partner.id, "2027-01-04") })).statusCode, role).toBe(200);
    }
  });

  it("refuses a bad id or date", async () => {
    problem(await call(env, admin, { url: url("not-a-uuid") }), 400, "validation_failed");
    const body = problem(
      await call(env, admin, { url: url(partner.id, "2027-13-01") }),
      400,
      "validation_failed",
    );
    expect(body.errors?.map((e) => e.path)).toContain("querystring.from");
  });

  it("answers 401 without a session and 403 to partner users, even their own partner's", async () => {
    problem(await call(env, null, { url: url(partner.id) }), 401);
    const portal = await buildUser(env, admin.orgId, "partner", partner.id);
    problem(await call(env, portal, { url: url(partner.id) }), 403, "forbidden");
  });

  it("answers 404 for another organization's partner and for a missing one", async () => {
    const theirs = await buildPartner(env, other);
    problem(await call(env, admin, { url: url(theirs.id) }), 404, "not_found");
    problem(await call(env, admin, { url: url(MISSING) }), 404, "not_found");
    // Their own admin sees it, paired with their one site only (never with ours).
    await addSite(other, { name: "Pune", country: "IN", city: "Pune", ...kolkata }, theirs.id);
    const mine = (await call(env, other, { url: url(theirs.id, "2027-01-04") })).json();
    expect(mine.pairs.map((p: { organizationSite: { name: string } }) => p.organizationSite.name)).toEqual([
      "Theirs",
    ]);
  });
});
