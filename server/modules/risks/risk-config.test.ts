import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RISK_REGISTER_SETTINGS } from "../../../domain/risk-settings.js";
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
import { refreshPartnerRisk } from "./partner-risk.js";
import {
  auditActions,
  buildRisk,
  buildRiskSessions,
  categoryId,
  expectField,
  partnerRiskRow,
} from "./risks.testkit.js";

const env = useTestApp();

let admin: Session;
let other: Session;
let riskManager: Session;
let viewer: Session;
let partnerUser: Session;
beforeAll(async () => {
  ({ admin, other, riskManager, viewer, partnerUser } = await buildRiskSessions(env));
});

describe("risk categories", () => {
  const URL = "/api/v1/risk-categories";

  it("lists the twelve built-in categories of a new organization", async () => {
    const res = await call(env, viewer, { url: URL });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(12);
    expect(items.every((c: { builtin: boolean; key: string }) => c.builtin && c.key)).toBe(true);
  });

  it("creates, renames and deletes a custom category, audited; names are unique per organization", async () => {
    const res = await call(env, riskManager, {
      method: "POST",
      url: URL,
      payload: { name: "Vendor lock-in" },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name: "Vendor lock-in", key: null, builtin: false, riskCount: 0 });
    problem(
      await call(env, admin, { method: "POST", url: URL, payload: { name: "vendor LOCK-IN" } }),
      409,
      "conflict",
    );
    // Another organization may use the same name.
    expect(
      (await call(env, other, { method: "POST", url: URL, payload: { name: "Vendor lock-in" } })).statusCode,
    ).toBe(201);
    const renamed = await call(env, admin, {
      method: "PATCH",
      url: `${URL}/${c.id}`,
      payload: { name: "Lock-in" },
    });
    expect(renamed.json().name).toBe("Lock-in");
    expect((await call(env, admin, { method: "DELETE", url: `${URL}/${c.id}` })).statusCode).toBe(204);
    expect(await auditActions(env, admin.orgId, c.id)).toEqual([
      "risk_category.create",
      "risk_category.update",
      "risk_category.delete",
    ]);
  });

  it("lets built-in categories be renamed but not deleted (409 builtin_category)", async () => {
    const id = await categoryId(env, admin.orgId, "quality");
    const res = await call(env, admin, {
      method: "PATCH",
      url: `${URL}/${id}`,
      payload: { name: "Service quality" },
    });
    expect(res.json()).toMatchObject({ name: "Service quality", key: "quality", builtin: true });
    problem(await call(env, admin, { method: "DELETE", url: `${URL}/${id}` }), 409, "builtin_category");
  });

  it("refuses to delete a category in use (409 category_in_use)", async () => {
    const c = (await call(env, admin, { method: "POST", url: URL, payload: { name: "In use" } })).json();
    await buildRisk(env, admin, { categoryId: c.id });
    // The count the settings page shows (and uses to hide "delete") sees the risk.
    const listed = (await call(env, admin, { url: URL }))
      .json()
      .items.find((x: { id: string }) => x.id === c.id);
    expect(listed.riskCount).toBe(1);
    problem(await call(env, admin, { method: "DELETE", url: `${URL}/${c.id}` }), 409, "category_in_use");
  });

  it("validates, and refuses other roles, partner users and other organizations", async () => {
    expectField(
      problem(await call(env, admin, { method: "POST", url: URL, payload: { name: "" } }), 400),
      "body.name",
    );
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: `${URL}/${await categoryId(env, admin.orgId)}`,
        payload: {},
      }),
      400,
    );
    for (const role of ["vendor_manager", "compliance_officer", "viewer"] as Role[])
      problem(
        await call(env, await buildUser(env, admin.orgId, role), {
          method: "POST",
          url: URL,
          payload: { name: "x" },
        }),
        403,
      );
    problem(await call(env, partnerUser, { url: URL }), 403);
    problem(await call(env, null, { url: URL }), 401);
    const foreign = await categoryId(env, other.orgId);
    problem(
      await call(env, admin, { method: "PATCH", url: `${URL}/${foreign}`, payload: { name: "x" } }),
      404,
    );
    problem(await call(env, admin, { method: "DELETE", url: `${URL}/${foreign}` }), 404);
  });
});

describe("risk settings", () => {
  const URL = "/api/v1/risk-settings";

  it("answers the defaults, then replaces them, re-banding partner tiers, audited", async () => {
    expect((await call(env, viewer, { url: URL })).json()).toEqual(DEFAULT_RISK_REGISTER_SETTINGS);
    const org = await buildOrg(env);
    const p = await buildPartner(env, org);
    await buildRisk(env, org, { partnerId: p.id }); // residual 2×3 = 6: medium → tier 3
    expect(await partnerRiskRow(env, p.id)).toEqual({ score: 6, tier: 3 });
    const settings = { ...DEFAULT_RISK_REGISTER_SETTINGS, levels: { medium: 3, high: 6, critical: 12 } };
    const res = await call(env, org, { method: "PUT", url: URL, payload: settings });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(settings);
    expect((await call(env, org, { url: URL })).json()).toEqual(settings);
    expect(await partnerRiskRow(env, p.id)).toEqual({ score: 6, tier: 2 });
    // Scores are explained under the new thresholds.
    const list = (await call(env, org, { url: "/api/v1/risks" })).json();
    expect(list.items[0].residual.level).toBe("high");
    expect(await auditActions(env, org.orgId, org.orgId)).toContain("risk_settings.update");
    // Another organization keeps its own.
    expect((await call(env, other, { url: URL })).json()).toEqual(DEFAULT_RISK_REGISTER_SETTINGS);
  });

  it("refuses thresholds that do not increase (400) and roles other than admin and risk manager", async () => {
    const bad = { ...DEFAULT_RISK_REGISTER_SETTINGS, levels: { medium: 10, high: 5, critical: 20 } };
    problem(await call(env, admin, { method: "PUT", url: URL, payload: bad }), 400);
    for (const role of ["vendor_manager", "compliance_officer", "viewer"] as Role[])
      problem(
        await call(env, await buildUser(env, admin.orgId, role), {
          method: "PUT",
          url: URL,
          payload: DEFAULT_RISK_REGISTER_SETTINGS,
        }),
        403,
      );
    problem(await call(env, partnerUser, { url: URL }), 403);
    problem(await call(env, null, { url: URL }), 401);
    expect(
      (await call(env, riskManager, { method: "PUT", url: URL, payload: DEFAULT_RISK_REGISTER_SETTINGS }))
        .statusCode,
    ).toBe(200);
  });
});

describe("partner risk profile and tiers", () => {
  const profile = (s: Session | null, id: string) =>
    call(env, s, { url: `/api/v1/partners/${id}/risk-profile` });

  it("explains the tier by the highest driver, lists top risks and open signals, and applies the criticality floor", async () => {
    // Germany and a service written straight to the table: no signal rule fires, so the drivers
    // below are exactly the ones this test creates.
    const p = await buildPartner(env, admin, { country: "DE" });
    const empty = (await profile(viewer, p.id)).json();
    expect(empty).toMatchObject({
      tier: 4,
      score: 0,
      level: null,
      topRisks: [],
      openSignals: [],
      floor: null,
    });

    await env.ctx.database.pool.query(
      `INSERT INTO partner_services (org_id, partner_id, name, function, criticality)
       VALUES ($1, $2, 'Payments', 'Finance', 'critical')`,
      [admin.orgId, p.id],
    );
    await env.ctx.database.db.transaction((tx) => refreshPartnerRisk(tx, admin.orgId, [p.id]));
    const floored = (await profile(viewer, p.id)).json();
    expect(floored).toMatchObject({ tier: 2, score: 0, floor: { criticality: "critical", tier: 2 } });
    expect(floored.explanation).toEqual([
      "No open risks or signals → tier 4",
      "Provides a critical service: at most tier 2",
    ]);
    expect(await partnerRiskRow(env, p.id)).toEqual({ score: 0, tier: 2 });

    const big = await buildRisk(env, admin, {
      title: "Outage",
      partnerId: p.id,
      inherentLikelihood: 5,
      inherentImpact: 5,
      residualLikelihood: 4,
      residualImpact: 5,
    });
    await buildRisk(env, admin, { title: "Small", partnerId: p.id });
    await buildRisk(env, admin, { title: "Gone", partnerId: p.id, status: "closed" });
    // A signal raised by the engine (written directly: the engine is another module).
    await env.ctx.database.pool.query(
      `INSERT INTO risk_signals (org_id, rule, subject_key, partner_id, category_key, title, likelihood, impact,
                                 explanation, facts, facts_hash, status)
       VALUES ($1, 'test_rule', $2::text, $2::uuid, 'quality', 'Test signal', 3, 4, 'Because', '[]', 'h', 'open')`,
      [admin.orgId, p.id],
    );
    const res = await profile(viewer, p.id);
    expect(res.statusCode).toBe(200);
    const pr = res.json();
    expect(pr).toMatchObject({ partner: { id: p.id }, tier: 1, score: 20, level: "critical", floor: null });
    // Creating the risks re-evaluated the partner's signals, so the engine's own signals about the
    // critical service (named after the partner) are drivers too; the rest are exactly these.
    expect(pr.explanation.filter((line: string) => !line.includes(p.name))).toEqual([
      "Overall score 20 (critical) → tier 1",
      "Risk 'Outage' residual 4×5=20 (critical)",
      "Signal 'Test signal' 3×4=12 (high)",
      "Risk 'Small' residual 2×3=6 (medium)",
    ]);
    expect(pr.topRisks.map((r: { id: string }) => r.id)[0]).toBe(big.id);
    expect(pr.topRisks.map((r: { title: string }) => r.title)).toEqual(["Outage", "Small"]);
    expect(pr.openSignals.filter((x: { rule: string }) => x.rule === "test_rule")).toEqual([
      expect.objectContaining({
        rule: "test_rule",
        title: "Test signal",
        likelihood: 3,
        impact: 4,
        explanation: "Because",
      }),
    ]);
  });

  it("answers 404 for another organization's partner and 403/401 as elsewhere", async () => {
    const p = await buildPartner(env, admin);
    problem(await profile(other, p.id), 404);
    problem(await profile(partnerUser, p.id), 403);
    problem(await profile(null, p.id), 401);
  });

  it("lets the partner list sort and filter by tier", async () => {
    const org = await buildOrg(env);
    const mk = async (name: string, residual: [number, number] | null) => {
      const p = await buildPartner(env, org, { name, country: "DE" });
      if (residual)
        await buildRisk(env, org, {
          partnerId: p.id,
          inherentLikelihood: 5,
          inherentImpact: 5,
          residualLikelihood: residual[0],
          residualImpact: residual[1],
        });
      return p.id;
    };
    await mk("Critical Co", [5, 4]);
    await mk("High Co", [3, 4]);
    await mk("Calm Co", null);
    const names = async (q: string) =>
      (await call(env, org, { url: `/api/v1/partners?${q}` }))
        .json()
        .items.map((p: { name: string }) => p.name);
    expect(await names("sort=riskTier")).toEqual(["Critical Co", "High Co", "Calm Co"]);
    expect(await names("sort=-riskTier")).toEqual(["Calm Co", "High Co", "Critical Co"]);
    expect(await names("tier=1&tier=2&sort=name")).toEqual(["Critical Co", "High Co"]);
    const page1 = (await call(env, org, { url: "/api/v1/partners?sort=riskTier&limit=2" })).json();
    expect(
      page1.items.map((p: { riskTier: number; riskScore: number }) => [p.riskTier, p.riskScore]),
    ).toEqual([
      [1, 20],
      [2, 12],
    ]);
    const page2 = (
      await call(env, org, { url: `/api/v1/partners?sort=riskTier&limit=2&cursor=${page1.nextCursor}` })
    ).json();
    expect(page2.items.map((p: { name: string }) => p.name)).toEqual(["Calm Co"]);
    problem(await call(env, org, { url: "/api/v1/partners?tier=5" }), 400);
  });
});

describe("abilities", () => {
  it("GET /me tells the web app what each role may do in the register", async () => {
    const me = async (s: Session) => (await call(env, s, { url: "/api/v1/me" })).json().abilities;
    const rm = await me(riskManager);
    expect(rm.risk).toMatchObject({ read: true, create: true, delete: true, accept: true });
    expect(rm.riskSettings.write).toBe(true);
    const vm = await me(await buildUser(env, admin.orgId, "vendor_manager"));
    expect(vm.risk).toMatchObject({ read: true, create: true, update: true, delete: false, accept: false });
    expect(vm.control.write).toBe(false);
    const v = await me(viewer);
    expect(v.risk).toMatchObject({ read: true, create: false });
    expect(v.riskTask.write).toBe(false);
  });
});
