import { beforeAll, describe, expect, it } from "vitest";
import type { RiskSignal } from "../../../domain/signals/api.js";
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

const env = useTestApp();

const signals = async (s: Session, query = "") => {
  const res = await call(env, s, { method: "GET", url: `/api/v1/risk-signals${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: RiskSignal[]; nextCursor: string | null };
};
const addService = async (s: Session, partnerId: string, body: Record<string, unknown>) => {
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/services`,
    payload: { name: "Payroll", function: "HR", criticality: "critical", ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const one = (list: RiskSignal[], rule: string) => {
  const found = list.filter((s) => s.rule.id === rule);
  expect(found, rule).toHaveLength(1);
  return found[0];
};
const post = (s: Session | null, url: string, payload?: Record<string, unknown>) =>
  call(env, s, { method: "POST", url, ...(payload === undefined ? {} : { payload }) });

describe("risk signals: raised from facts, dismissed, reopened, accepted, resolved", () => {
  let admin: Session;
  let partner: { id: string; name: string };
  let service: { id: string };

  beforeAll(async () => {
    admin = await buildOrg(env);
    partner = await buildPartner(env, admin, { name: "Karachi Data Ltd", country: "PK" });
  });

  it("raises nothing about stability until the partner serves a critical service", async () => {
    const { items } = await signals(admin, `?partnerId=${partner.id}`);
    expect(items.filter((s) => s.rule.id === "low_political_stability")).toEqual([]);
  });

  it("adding a critical service in a low-stability country raises the signal, explained and audited", async () => {
    service = await addService(admin, partner.id, {});
    const { items } = await signals(admin, `?partnerId=${partner.id}&status=open`);
    const s = one(items, "low_political_stability");
    expect(s).toMatchObject({
      partner: { id: partner.id, name: "Karachi Data Ltd" },
      service: null,
      category: { key: "political_economic_instability", name: "Political & economic instability" },
      subjectKey: `partner:${partner.id}:country:PK`,
      likelihood: 4,
      impact: 5,
      status: "open",
      score: { score: 20, level: "critical" },
      riskId: null,
    });
    expect(s.explanation).toContain("World Bank WGI 2019");
    expect(s.explanation).toContain("political stability percentile 3.3 is below the bound 25");
    expect(s.explanation).toContain("'Payroll' (critical)");
    const events = await auditEvents(env, admin.orgId, s.id);
    expect(events.map((e) => e.action)).toEqual(["risk_signal.raise"]);
    expect(events[0].actor_id).toBe(admin.userId);
    // The same change proposes the critical service's missing sub-contractor information.
    expect(one(items, "no_subcontractor_info").service).toEqual({ id: service.id, name: "Payroll" });
  });

  it("a dismissed signal stays dismissed while its facts stay, and comes back when they change", async () => {
    const s = one((await signals(admin, `?partnerId=${partner.id}`)).items, "low_political_stability");
    const res = await post(admin, `/api/v1/risk-signals/${s.id}/dismiss`, { reason: "Covered by our BCP" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "dismissed",
      dismissReason: "Covered by our BCP",
      decidedBy: { id: admin.userId },
    });

    const again = await post(admin, "/api/v1/risk-signals/evaluate");
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ raised: 0, reopened: 0, resolved: 0 });
    const kept = await call(env, admin, { method: "GET", url: `/api/v1/risk-signals/${s.id}` });
    expect(kept.json().status).toBe("dismissed");

    // Criticality critical → important changes the facts (and the impact): it comes back open.
    const patch = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/partners/${partner.id}/services/${service.id}`,
      payload: { criticality: "important" },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const back = (await call(env, admin, { method: "GET", url: `/api/v1/risk-signals/${s.id}` })).json();
    expect(back).toMatchObject({ status: "open", impact: 4, dismissReason: null, decidedBy: null });
    expect(back.explanation).toContain("'Payroll' (important)");
    const actions = (await auditEvents(env, admin.orgId, s.id)).map((e) => e.action);
    expect(actions).toEqual(["risk_signal.raise", "risk_signal.dismiss", "risk_signal.reopen"]);
  });

  it("an open signal whose facts went away is resolved", async () => {
    // The service is no longer critical, so its missing sub-contractor information no longer counts.
    const { items } = await signals(admin, `?partnerId=${partner.id}&rule=no_subcontractor_info`);
    expect(items).toHaveLength(1);
    expect(items[0].status).toBe("resolved");
    expect(items[0].resolvedAt).not.toBeNull();
    const actions = (await auditEvents(env, admin.orgId, items[0].id)).map((e) => e.action);
    expect(actions).toEqual(["risk_signal.raise", "risk_signal.resolve"]);
    // Decisions need an open signal.
    problem(await post(admin, `/api/v1/risk-signals/${items[0].id}/accept`, {}), 409, "signal_not_open");
  });

  it("accepting creates a prefilled risk linked both ways, audited; a second decision is 409", async () => {
    const s = one(
      (await signals(admin, `?partnerId=${partner.id}&status=open`)).items,
      "low_political_stability",
    );
    const res = await post(admin, `/api/v1/risk-signals/${s.id}/accept`, { title: "Pakistan instability" });
    expect(res.statusCode, res.body).toBe(200);
    const { signal, riskId } = res.json() as { signal: RiskSignal; riskId: string };
    expect(signal).toMatchObject({ status: "accepted", riskId, decidedBy: { id: admin.userId } });
    const { rows } = await env.ctx.database.pool.query(
      `SELECT r.title, r.description, r.partner_id, r.inherent_likelihood, r.inherent_impact,
              r.residual_likelihood, r.residual_impact, r.treatment, r.status, r.signal_id, c.key
         FROM risks r JOIN risk_categories c ON c.id = r.category_id WHERE r.id = $1 AND r.org_id = $2`,
      [riskId, admin.orgId],
    );
    expect(rows[0]).toMatchObject({
      title: "Pakistan instability",
      description: s.explanation,
      partner_id: partner.id,
      inherent_likelihood: s.likelihood,
      inherent_impact: s.impact,
      residual_likelihood: s.likelihood,
      residual_impact: s.impact,
      treatment: "mitigate",
      status: "open",
      signal_id: s.id,
      key: "political_economic_instability",
    });
    expect((await auditEvents(env, admin.orgId, s.id)).map((e) => e.action).at(-1)).toBe(
      "risk_signal.accept",
    );
    expect((await auditEvents(env, admin.orgId, riskId)).map((e) => e.action)[0]).toBe("risk.create");

    problem(await post(admin, `/api/v1/risk-signals/${s.id}/accept`, {}), 409, "signal_not_open");
    problem(
      await post(admin, `/api/v1/risk-signals/${s.id}/dismiss`, { reason: "late" }),
      409,
      "signal_not_open",
    );
  });

  it("our sites changing re-evaluates overlap for every partner", async () => {
    const site = await call(env, admin, {
      method: "POST",
      url: `/api/v1/partners/${partner.id}/sites`,
      payload: {
        name: "Manila office",
        country: "PH",
        city: "Manila",
        timeZone: "Asia/Manila",
        workingHours: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] },
      },
    });
    expect(site.statusCode, site.body).toBe(201);
    expect((await signals(admin, "?rule=low_overlap")).items).toEqual([]);
    const ours = await call(env, admin, {
      method: "POST",
      url: "/api/v1/organization/sites",
      payload: {
        name: "New York HQ",
        country: "US",
        city: "New York",
        timeZone: "America/New_York",
        workingHours: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] },
      },
    });
    expect(ours.statusCode, ours.body).toBe(201);
    const s = one((await signals(admin, "?rule=low_overlap")).items, "low_overlap");
    expect(s.subjectKey).toBe(`partner:${partner.id}:site:${site.json().id}`);
    expect(s.explanation).toContain("shares 0 min per working day");
  });

  it("lists newest first with a cursor that walks every signal once", async () => {
    const all = (await signals(admin, "?limit=200")).items;
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await signals(admin, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((s) => s.id));
    const raised = all.map((s) => s.raisedAt);
    expect([...raised].sort().reverse()).toEqual(raised);
  });

  it("keeps the audit hash chain intact through batched signal events", async () => {
    const before = (await auditEvents(env, admin.orgId)).length;
    const res = await call(env, admin, {
      method: "POST",
      url: `/api/v1/partners/${partner.id}/services`,
      payload: { name: "Claims", function: "Ops", criticality: "critical", dataCategories: ["health"] },
    });
    expect(res.statusCode, res.body).toBe(201);
    // One change raised several signals in one batch (stability, sub-contractors, data protection …).
    const added = (await auditEvents(env, admin.orgId)).slice(before).map((e) => e.action);
    expect(added.filter((a) => a === "risk_signal.raise").length).toBeGreaterThan(1);
    const verify = await call(env, admin, { method: "GET", url: "/api/v1/audit-events/verify" });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("filters by several statuses and by category", async () => {
    const items = (await signals(admin, "?status=accepted&status=resolved")).items;
    expect(new Set(items.map((s) => s.status))).toEqual(new Set(["accepted", "resolved"]));
    const loss = (await signals(admin, "?categoryKey=communication_barriers")).items;
    expect(loss.map((s) => s.rule.id)).toEqual(["low_overlap"]);
  });
});

describe("risk signals: the rules endpoint", () => {
  it("lists every rule with its category and the organization's bounds", async () => {
    const admin = await buildOrg(env);
    const viewer = await buildUser(env, admin.orgId, "viewer");
    const res = await call(env, viewer, { method: "GET", url: "/api/v1/risk-signals/rules" });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; category: { key: string }; bounds: unknown[] }[];
    expect(items.map((r) => r.id)).toEqual([
      "low_political_stability",
      "weak_rule_of_law",
      "low_overlap",
      "inadequate_data_protection",
      "concentration",
      "no_subcontractor_info",
      "no_review_date",
      "contract_missing_clauses",
      "no_exit_plan",
      "kpi_deviations",
      "no_nda",
      "confidential_shared_without_nda",
      "nda_expiring_with_shares",
    ]);
    expect(items[0]).toMatchObject({
      category: { key: "political_economic_instability" },
      bounds: [{ name: "politicalStabilityBelow", value: 25 }],
    });

    // Categories show as the organization names them.
    const categories = (await call(env, admin, { method: "GET", url: "/api/v1/risk-categories" })).json();
    const loss = categories.items.find((c: { key: string | null }) => c.key === "loss_of_control");
    const renamed = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/risk-categories/${loss.id}`,
      payload: { name: "Oversight gaps" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const again = (await call(env, viewer, { method: "GET", url: "/api/v1/risk-signals/rules" })).json();
    expect(again.items.find((r: { id: string }) => r.id === "no_review_date").category).toEqual({
      key: "loss_of_control",
      name: "Oversight gaps",
    });
  });
});

describe("risk signals: hooks on partner parts", () => {
  it("a sub-contractor link covering the critical service resolves its signal; deleting the partner removes them", async () => {
    const admin = await buildOrg(env);
    const a = await buildPartner(env, admin, { country: "DE" });
    const b = await buildPartner(env, admin, { country: "DE" });
    await addService(admin, a.id, { name: "Hosting" });
    const before = one((await signals(admin, `?partnerId=${a.id}`)).items, "no_subcontractor_info");
    expect(before.status).toBe("open");
    const link = await call(env, admin, {
      method: "POST",
      url: `/api/v1/partners/${a.id}/subcontractors`,
      payload: { subcontractorId: b.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const after = (
      await call(env, admin, { method: "GET", url: `/api/v1/risk-signals/${before.id}` })
    ).json();
    expect(after.status).toBe("resolved");

    const del = await call(env, admin, { method: "DELETE", url: `/api/v1/partners/${a.id}` });
    expect(del.statusCode, del.body).toBe(204);
    problem(
      await call(env, admin, { method: "GET", url: `/api/v1/risk-signals/${before.id}` }),
      404,
      "not_found",
    );
  });
});
