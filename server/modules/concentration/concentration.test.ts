import { describe, expect, it } from "vitest";
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
const URL = "/api/v1/concentration";

async function addService(
  s: Session,
  partnerId: string,
  criticality: string,
  dataLocations: string[] = [],
): Promise<string> {
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/services`,
    payload: { name: `Svc ${criticality}`, function: "Operations", criticality, dataLocations },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function addSub(s: Session, partnerId: string, subcontractorId: string, serviceIds: string[] = []) {
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/subcontractors`,
    payload: { subcontractorId, serviceIds },
  });
  expect(res.statusCode).toBe(201);
}

/**
 * Organization A (figures worked out by hand in the tests):
 *   Alpha (IN): a1 critical [], a2 critical [IN, GB], a3 important []
 *   Beta  (PH): b1 important [PH], b2 standard []
 *   Gamma (DE): c1 critical [DE, FR]
 *   fourth parties: Alpha → Sub1 (US) for all services; Beta → Sub1 for b2 only;
 *                   Gamma → Sub2 (IN) for c1; Alpha → Sub2 for a2.
 * Organization B has a large Indian partner with critical services and a fourth party of its own.
 */
async function world() {
  const admin = await buildOrg(env);
  const alpha = await buildPartner(env, admin, { name: "Alpha", country: "IN" });
  const beta = await buildPartner(env, admin, { name: "Beta", country: "PH" });
  const gamma = await buildPartner(env, admin, { name: "Gamma", country: "DE" });
  const sub1 = await buildPartner(env, admin, { name: "Sub1", country: "US" });
  const sub2 = await buildPartner(env, admin, { name: "Sub2", country: "IN" });
  await addService(admin, alpha.id, "critical");
  const a2 = await addService(admin, alpha.id, "critical", ["IN", "GB"]);
  await addService(admin, alpha.id, "important");
  await addService(admin, beta.id, "important", ["PH"]);
  const b2 = await addService(admin, beta.id, "standard");
  const c1 = await addService(admin, gamma.id, "critical", ["DE", "FR"]);
  await addSub(admin, alpha.id, sub1.id);
  await addSub(admin, beta.id, sub1.id, [b2]);
  await addSub(admin, gamma.id, sub2.id, [c1]);
  await addSub(admin, alpha.id, sub2.id, [a2]);

  const other = await buildOrg(env);
  const big = await buildPartner(env, other, { name: "Other big", country: "IN" });
  const otherSub = await buildPartner(env, other, { name: "Other sub", country: "CN" });
  for (let i = 0; i < 4; i++) await addService(other, big.id, "critical", ["IN"]);
  await addSub(other, big.id, otherSub.id);
  return { admin, other, alpha, beta, gamma, sub1, sub2, big, otherSub };
}

describe("GET /api/v1/concentration", () => {
  it("gives shares, HHI and flags per partner, country and fourth party (critical + important by default)", async () => {
    const w = await world();
    const res = await call(env, w.admin, { url: URL });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.scope).toEqual({
      criticality: ["critical", "important"],
      threshold: 0.4,
      weighting: "count",
      by: "dataLocation",
      label: "critical and important services",
      services: 5,
      weight: 5,
    });
    // Partners: Alpha 3/5, Beta 1/5, Gamma 1/5 → HHI 60² + 20² + 20² = 4,400.
    expect(body.byPartner).toEqual({
      hhi: 4_400,
      band: "high",
      carriers: 3,
      others: null,
      items: [
        { key: w.alpha.id, name: "Alpha", count: 3, weight: 3, share: 0.6 },
        ...[
          { key: w.beta.id, name: "Beta", count: 1, weight: 1, share: 0.2 },
          { key: w.gamma.id, name: "Gamma", count: 1, weight: 1, share: 0.2 },
        ].sort((a, b) => (a.key < b.key ? -1 : 1)),
      ],
    });
    // Countries: a1 → IN, a2 → IN ½ + GB ½, a3 → IN, b1 → PH, c1 → DE ½ + FR ½.
    // IN 2.5/5, PH 1/5, DE, FR, GB 0.5/5 each → HHI 50² + 20² + 3 × 10² = 3,200.
    expect(body.byCountry).toEqual({
      hhi: 3_200,
      band: "high",
      carriers: 5,
      others: null,
      items: [
        { key: "IN", name: "India", count: 3, weight: 2.5, share: 0.5 },
        { key: "PH", name: "Philippines", count: 1, weight: 1, share: 0.2 },
        { key: "DE", name: "Germany", count: 1, weight: 0.5, share: 0.1 },
        { key: "FR", name: "France", count: 1, weight: 0.5, share: 0.1 },
        { key: "GB", name: "United Kingdom", count: 1, weight: 0.5, share: 0.1 },
      ],
    });
    // Fourth-party links in scope: Sub1 carries a1, a2, a3 (b2 is standard); Sub2 carries c1, a2.
    // Sub1 3/5, Sub2 2/5 → HHI 60² + 40² = 5,200; countries US 3/5, IN 2/5; 4 distinct services.
    expect(body.fourthParties).toEqual({
      services: 4,
      byPartner: {
        hhi: 5_200,
        band: "high",
        carriers: 2,
        others: null,
        items: [
          { key: w.sub1.id, name: "Sub1", count: 3, weight: 3, share: 0.6 },
          { key: w.sub2.id, name: "Sub2", count: 2, weight: 2, share: 0.4 },
        ],
      },
      byCountry: {
        hhi: 5_200,
        band: "high",
        carriers: 2,
        others: null,
        items: [
          { key: "US", name: "United States", count: 3, weight: 3, share: 0.6 },
          { key: "IN", name: "India", count: 2, weight: 2, share: 0.4 },
        ],
      },
    });
    // Shares exactly at the threshold (Sub2, IN among fourth parties: 0.4) are not flagged.
    expect(
      body.flags.map((f: { dimension: string; kind: string; key: string | null }) => [
        f.dimension,
        f.kind,
        f.key,
      ]),
    ).toEqual([
      ["partner", "share", w.alpha.id],
      ["partner", "index", null],
      ["country", "share", "IN"],
      ["country", "index", null],
      ["fourthParty", "share", w.sub1.id],
      ["fourthParty", "index", null],
      ["fourthPartyCountry", "share", "US"],
      ["fourthPartyCountry", "index", null],
    ]);
    expect(body.flags[2].explanation).toBe(
      "India carries 50% of critical and important services (HHI 3,200 > 2,500)",
    );
    expect(body.flags[0].explanation).toBe(
      "Alpha carries 60% of critical and important services (HHI 4,400 > 2,500)",
    );
    expect(body.bands).toEqual({ moderateFrom: 1_500, highAbove: 2_500 });
  });

  it("applies threshold, weighting, criticality and the partner-country basis", async () => {
    const w = await world();
    // threshold 0.5: Alpha (0.6) still flagged, India (exactly 0.5) no longer.
    const t = (await call(env, w.admin, { url: `${URL}?threshold=0.5` })).json();
    expect(
      t.flags.filter((f: { kind: string }) => f.kind === "share").map((f: { key: string }) => f.key),
    ).toEqual([w.alpha.id, w.sub1.id, "US"]);

    // critical2x: a1 2, a2 2, a3 1, b1 1, c1 2 → total 8; Alpha 5/8, Beta 1/8, Gamma 2/8.
    // HHI 62.5² + 12.5² + 25² = 3,906.25 + 156.25 + 625 = 4,687.5.
    const x = (await call(env, w.admin, { url: `${URL}?weighting=critical2x` })).json();
    expect(x.scope).toMatchObject({ services: 5, weight: 8 });
    expect(x.byPartner.hhi).toBe(4_687.5);
    expect(x.byPartner.items.map((i: { name: string; share: number }) => [i.name, i.share])).toEqual([
      ["Alpha", 0.625],
      ["Gamma", 0.25],
      ["Beta", 0.125],
    ]);

    // by=partnerCountry: IN 3 (Alpha), PH 1, DE 1 → the partner figures again.
    const p = (await call(env, w.admin, { url: `${URL}?by=partnerCountry` })).json();
    expect(p.byCountry.hhi).toBe(4_400);
    expect(p.byCountry.items.map((i: { key: string; count: number }) => [i.key, i.count])).toEqual([
      ["IN", 3],
      ["DE", 1],
      ["PH", 1],
    ]);

    // Standard services only: b2 at Beta (PH), carried by Sub1 → monopolies everywhere.
    const s = (await call(env, w.admin, { url: `${URL}?criticality=standard` })).json();
    expect(s.scope).toMatchObject({ criticality: ["standard"], label: "standard services", services: 1 });
    expect(s.byPartner).toEqual({
      hhi: 10_000,
      band: "high",
      carriers: 1,
      others: null,
      items: [{ key: w.beta.id, name: "Beta", count: 1, weight: 1, share: 1 }],
    });
    expect(s.byCountry.items).toEqual([{ key: "PH", name: "Philippines", count: 1, weight: 1, share: 1 }]);
    expect(s.fourthParties.services).toBe(1);
    expect(s.fourthParties.byPartner.items).toEqual([
      { key: w.sub1.id, name: "Sub1", count: 1, weight: 1, share: 1 },
    ]);

    // All three criticalities: 6 services; Alpha 3, Beta 2, Gamma 1 → 50² + 33.3…² + 16.6…² = 3,888.89.
    const all = (await call(env, w.admin, { url: `${URL}?criticality=critical,important,standard` })).json();
    expect(all.scope.services).toBe(6);
    expect(all.byPartner.hhi).toBe(3_888.89);

    // limit=1: only India listed; the four other countries summed; the index still covers all five.
    const one = (await call(env, w.admin, { url: `${URL}?limit=1` })).json();
    expect(one.byCountry).toEqual({
      hhi: 3_200,
      band: "high",
      carriers: 5,
      items: [{ key: "IN", name: "India", count: 3, weight: 2.5, share: 0.5 }],
      others: { carriers: 4, count: 4, weight: 2.5, share: 0.5 },
    });
    expect(one.fourthParties.byPartner.others).toEqual({ carriers: 1, count: 2, weight: 2, share: 0.4 });
    expect(one.flags).toHaveLength(8);
  });

  it("never counts another organization's services, partners or fourth parties", async () => {
    const w = await world();
    const a = (await call(env, w.admin, { url: URL })).json();
    const keys = [...a.byPartner.items, ...a.fourthParties.byPartner.items].map(
      (i: { key: string }) => i.key,
    );
    expect(keys).not.toContain(w.big.id);
    expect(keys).not.toContain(w.otherSub.id);
    expect(a.byCountry.items.map((i: { key: string }) => i.key)).not.toContain("CN");

    // Organization B sees only its own: one partner with 4 critical services in India.
    const b = (await call(env, w.other, { url: URL })).json();
    expect(b.scope.services).toBe(4);
    expect(b.byPartner.items).toEqual([{ key: w.big.id, name: "Other big", count: 4, weight: 4, share: 1 }]);
    expect(b.byCountry.items).toEqual([{ key: "IN", name: "India", count: 4, weight: 4, share: 1 }]);
    expect(b.fourthParties.byPartner.items).toEqual([
      { key: w.otherSub.id, name: "Other sub", count: 4, weight: 4, share: 1 },
    ]);

    // A fresh organization: nothing to count, no index, no flags.
    const fresh = await buildOrg(env);
    const empty = (await call(env, fresh, { url: URL })).json();
    expect(empty.scope).toMatchObject({ services: 0, weight: 0 });
    expect(empty.byPartner).toEqual({ hhi: null, band: null, carriers: 0, items: [], others: null });
    expect(empty.byCountry).toEqual({ hhi: null, band: null, carriers: 0, items: [], others: null });
    expect(empty.fourthParties).toEqual({
      services: 0,
      byPartner: { hhi: null, band: null, carriers: 0, items: [], others: null },
      byCountry: { hhi: null, band: null, carriers: 0, items: [], others: null },
    });
    expect(empty.flags).toEqual([]);
  });

  it("rejects an invalid threshold, criticality, weighting or basis with 400 and the field's path", async () => {
    const admin = await buildOrg(env);
    for (const [query, path] of [
      ["threshold=1.5", "querystring.threshold"],
      ["threshold=-0.1", "querystring.threshold"],
      ["threshold=abc", "querystring.threshold"],
      ["criticality=critical,urgent", "querystring.criticality"],
      ["criticality=", "querystring.criticality"],
      ["weighting=triple", "querystring.weighting"],
      ["by=headquarters", "querystring.by"],
      ["limit=0", "querystring.limit"],
      ["limit=1001", "querystring.limit"],
    ]) {
      const body = problem(await call(env, admin, { url: `${URL}?${query}` }), 400, "validation_failed");
      expect(
        body.errors?.some((e) => e.path.startsWith(path)),
        `${query}: ${JSON.stringify(body.errors)}`,
      ).toBe(true);
    }
  });

  it("is readable by every staff role; 401 anonymous, 403 for partner users (even with a bad query)", async () => {
    const admin = await buildOrg(env);
    const p = await buildPartner(env, admin);
    await addService(admin, p.id, "critical");
    problem(await call(env, null, { url: URL }), 401, "unauthenticated");
    problem(await call(env, null, { url: `${URL}?threshold=7` }), 401);
    const partnerUser = await buildUser(env, admin.orgId, "partner", p.id);
    problem(await call(env, partnerUser, { url: URL }), 403, "forbidden");
    problem(await call(env, partnerUser, { url: `${URL}?threshold=7` }), 403);
    for (const role of [
      "risk_manager",
      "vendor_manager",
      "compliance_officer",
      "auditor",
      "viewer",
    ] as const) {
      const res = await call(env, await buildUser(env, admin.orgId, role), { url: URL });
      expect(res.statusCode, role).toBe(200);
      expect(res.json().scope.services).toBe(1);
    }
    const me = (await call(env, partnerUser, { url: "/api/v1/me" })).json();
    expect(me.abilities.concentration).toEqual({ read: false });
  });
});
