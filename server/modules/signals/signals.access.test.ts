import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { recordException } from "../partners/lifecycle.testkit.js";
import { auditCount } from "../partners/partners.testkit.js";

const env = useTestApp();

/** Roles, partner users, other organizations and validation, endpoint by endpoint. */
describe("risk signals: access and validation", () => {
  let admin: Session;
  let riskManager: Session;
  let viewer: Session;
  let compliance: Session;
  let portal: Session;
  let other: Session;
  let signalId: string;
  const open = async () => {
    // A fresh open signal: a new active partner without a review date (rule no_review_date).
    const p = await buildPartner(env, admin, { country: "DE", status: "identified" });
    await recordException(env, admin, p.id); // contracting needs due diligence or an exception
    for (const status of ["due_diligence", "contracting", "onboarding", "active"])
      await call(env, admin, { method: "PATCH", url: `/api/v1/partners/${p.id}`, payload: { status } });
    const res = await call(env, admin, {
      method: "GET",
      url: `/api/v1/risk-signals?partnerId=${p.id}&rule=no_review_date&status=open`,
    });
    expect(res.json().items, res.body).toHaveLength(1);
    return res.json().items[0].id as string;
  };

  beforeAll(async () => {
    admin = await buildOrg(env);
    riskManager = await buildUser(env, admin.orgId, "risk_manager");
    viewer = await buildUser(env, admin.orgId, "viewer");
    compliance = await buildUser(env, admin.orgId, "compliance_officer");
    const p = await buildPartner(env, admin);
    portal = await buildUser(env, admin.orgId, "partner", p.id);
    other = await buildOrg(env);
    signalId = await open();
  });

  const endpoints = () => [
    { method: "GET" as const, url: "/api/v1/risk-signals" },
    { method: "GET" as const, url: "/api/v1/risk-signals/rules" },
    { method: "GET" as const, url: `/api/v1/risk-signals/${signalId}` },
    { method: "POST" as const, url: `/api/v1/risk-signals/${signalId}/accept`, payload: {} },
    {
      method: "POST" as const,
      url: `/api/v1/risk-signals/${signalId}/dismiss`,
      payload: { reason: "not relevant" },
    },
    { method: "POST" as const, url: "/api/v1/risk-signals/evaluate" },
  ];

  it("answers 401 to anonymous callers on every endpoint", async () => {
    for (const e of endpoints()) problem(await call(env, null, e), 401, "unauthenticated");
  });

  it("answers 403 to partner-portal users on every endpoint", async () => {
    for (const e of endpoints()) problem(await call(env, portal, e), 403, "forbidden");
  });

  it("lets every staff role read, but only admins and risk managers decide or evaluate", async () => {
    for (const who of [viewer, compliance]) {
      for (const e of endpoints().slice(0, 3)) expect((await call(env, who, e)).statusCode, e.url).toBe(200);
      for (const e of endpoints().slice(3)) problem(await call(env, who, e), 403, "forbidden");
    }
    const evaluated = await call(env, riskManager, { method: "POST", url: "/api/v1/risk-signals/evaluate" });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect(evaluated.json()).toMatchObject({ raised: 0, resolved: 0, reopened: 0, updated: 0 });
    const dismissed = await call(env, riskManager, {
      method: "POST",
      url: `/api/v1/risk-signals/${await open()}/dismiss`,
      payload: { reason: "Reviewed in the quarterly meeting" },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
  });

  it("answers 404 for another organization's signal, as for a missing one, and lists none of it", async () => {
    for (const e of endpoints().slice(2, 5)) problem(await call(env, other, e), 404, "not_found");
    const missing = randomUUID();
    problem(
      await call(env, admin, { method: "GET", url: `/api/v1/risk-signals/${missing}` }),
      404,
      "not_found",
    );
    const list = await call(env, other, { method: "GET", url: "/api/v1/risk-signals" });
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(signalId);
  });

  it("validates queries, ids and bodies, writing nothing", async () => {
    const before = await auditCount(env, admin.orgId);
    const bad = [
      { method: "GET" as const, url: "/api/v1/risk-signals?status=bogus" },
      { method: "GET" as const, url: "/api/v1/risk-signals?limit=0" },
      { method: "GET" as const, url: "/api/v1/risk-signals?partnerId=nope" },
      { method: "GET" as const, url: "/api/v1/risk-signals/not-a-uuid" },
      { method: "POST" as const, url: `/api/v1/risk-signals/${signalId}/dismiss`, payload: {} },
      {
        method: "POST" as const,
        url: `/api/v1/risk-signals/${signalId}/dismiss`,
        payload: { reason: "  x " },
      },
      {
        method: "POST" as const,
        url: `/api/v1/risk-signals/${signalId}/dismiss`,
        payload: { reason: "x".repeat(2001) },
      },
      {
        method: "POST" as const,
        url: `/api/v1/risk-signals/${signalId}/accept`,
        payload: { treatment: "ignore" },
      },
      { method: "POST" as const, url: `/api/v1/risk-signals/${signalId}/accept`, payload: { title: "" } },
    ];
    for (const e of bad) problem(await call(env, admin, e), 400, "validation_failed");
    problem(
      await call(env, admin, { method: "GET", url: "/api/v1/risk-signals?cursor=garbage" }),
      422,
      "validation_failed",
    );
    const unknownOwner = await call(env, admin, {
      method: "POST",
      url: `/api/v1/risk-signals/${signalId}/accept`,
      payload: { ownerId: portal.userId },
    });
    expect(problem(unknownOwner, 422, "validation_failed").errors?.[0].path).toBe("body.ownerId");
    expect(await auditCount(env, admin.orgId)).toBe(before);
    const still = await call(env, admin, { method: "GET", url: `/api/v1/risk-signals/${signalId}` });
    expect(still.json().status).toBe("open");
  });

  it("accepts with an owner and treatment chosen by a risk manager", async () => {
    const res = await call(env, riskManager, {
      method: "POST",
      url: `/api/v1/risk-signals/${signalId}/accept`,
      payload: { ownerId: riskManager.userId, treatment: "transfer" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT owner_id, treatment FROM risks WHERE id = $1 AND org_id = $2",
      [res.json().riskId, admin.orgId],
    );
    expect(rows[0]).toEqual({ owner_id: riskManager.userId, treatment: "transfer" });
  });
});
