import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { reopenExpiredAcceptances } from "./risk-acceptance.js";
import {
  auditActions,
  buildRisk,
  buildRiskSessions,
  buildService,
  categoryId,
  expectField,
  MISSING,
  partnerRiskRow,
} from "./risks.testkit.js";

const env = useTestApp();
const BASE = "/api/v1/risks";

const post = (s: Session | null, payload: object) => call(env, s, { method: "POST", url: BASE, payload });
const get = (s: Session | null, id: string) => call(env, s, { url: `${BASE}/${id}` });
const patch = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `${BASE}/${id}`, payload });
const del = (s: Session | null, id: string) => call(env, s, { method: "DELETE", url: `${BASE}/${id}` });
const accept = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "POST", url: `${BASE}/${id}/accept`, payload });

let admin: Session;
let other: Session;
let riskManager: Session;
let viewer: Session;
let partnerUser: Session;
let partnerId: string;
let cat: string;
beforeAll(async () => {
  ({ admin, other, riskManager, viewer, partnerId, partnerUser } = await buildRiskSessions(env));
  cat = await categoryId(env, admin.orgId);
});

const valid = () => ({
  title: "Customer data leaves the EU",
  categoryId: cat,
  inherentLikelihood: 4,
  inherentImpact: 5,
  residualLikelihood: 2,
  residualImpact: 4,
});

describe("creating a risk", () => {
  it("answers 201 with explained scores, records risk.create and refreshes the partner tier", async () => {
    const owner = await buildUser(env, admin.orgId, "vendor_manager");
    const p = await buildPartner(env, admin);
    const service = await buildService(env, admin, p.id, "standard");
    const res = await post(riskManager, {
      ...valid(),
      description: "Tickets hold personal data",
      serviceId: service.id,
      ownerId: owner.userId,
      reviewIntervalDays: 90,
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      title: "Customer data leaves the EU",
      description: "Tickets hold personal data",
      category: { id: cat, key: "data_security" },
      // The service implies its partner.
      partner: { id: p.id, name: p.name },
      service: { id: service.id },
      owner: { id: owner.userId },
      inherent: { likelihood: 4, impact: 5, score: 20, level: "critical" },
      residual: { likelihood: 2, impact: 4, score: 8, level: "medium" },
      treatment: "mitigate",
      status: "open",
      reviewIntervalDays: 90,
      nextReviewDate: addDays(todayUtc(), 90),
      reviewOverdue: false,
      acceptance: null,
      acceptanceExpired: false,
      controls: [],
      tasks: { open: 0, overdue: 0 },
      closedAt: null,
    });
    expect(r.inherent.explanation).toContain("= 20 → critical");
    expect(await auditActions(env, admin.orgId, r.id)).toEqual(["risk.create"]);
    expect(await partnerRiskRow(env, p.id)).toEqual({ score: 8, tier: 3 });
    expect((await get(viewer, r.id)).json()).toEqual(r);
  });

  it("defaults the residual ratings to the inherent ones", async () => {
    const { residualLikelihood: _l, residualImpact: _i, ...body } = valid();
    const res = await post(admin, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().residual).toMatchObject({ likelihood: 4, impact: 5, score: 20 });
  });

  it("refuses residual ratings above the inherent ones with 422 residual_exceeds_inherent", async () => {
    const body = problem(
      await post(admin, { ...valid(), residualLikelihood: 5, residualImpact: 5 }),
      422,
      "residual_exceeds_inherent",
    );
    expectField(body, "body.residualLikelihood");
    expect(body.errors?.map((e) => e.path)).not.toContain("body.residualImpact");
  });

  it("answers 400 for schema violations", async () => {
    expectField(
      problem(await post(admin, { ...valid(), inherentLikelihood: 6 }), 400),
      "body.inherentLikelihood",
    );
    expectField(problem(await post(admin, { ...valid(), title: "  " }), 400), "body.title");
    expectField(problem(await post(admin, { ...valid(), treatment: "ignore" }), 400), "body.treatment");
    expectField(problem(await post(admin, { ...valid(), categoryId: "x" }), 400), "body.categoryId");
  });

  it("refuses status accepted with 409 use_accept_endpoint", async () => {
    problem(await post(admin, { ...valid(), status: "accepted" }), 409, "use_accept_endpoint");
  });

  it("refuses references outside the organization with 422", async () => {
    const foreignPartner = await buildPartner(env, other);
    const foreignService = await buildService(env, other, foreignPartner.id);
    const myService = await buildService(env, admin, partnerId);
    const otherPartner = await buildPartner(env, admin);
    const foreignCat = await categoryId(env, other.orgId);
    expectField(problem(await post(admin, { ...valid(), categoryId: foreignCat }), 422), "body.categoryId");
    expectField(
      problem(await post(admin, { ...valid(), partnerId: foreignPartner.id }), 422),
      "body.partnerId",
    );
    expectField(
      problem(await post(admin, { ...valid(), serviceId: foreignService.id }), 422),
      "body.serviceId",
    );
    // A service of another partner of the same organization.
    expectField(
      problem(await post(admin, { ...valid(), partnerId: otherPartner.id, serviceId: myService.id }), 422),
      "body.serviceId",
    );
    expectField(problem(await post(admin, { ...valid(), ownerId: other.userId }), 422), "body.ownerId");
    expectField(problem(await post(admin, { ...valid(), ownerId: partnerUser.userId }), 422), "body.ownerId");
  });

  it("answers 401 without a session and 403 for roles that may not create", async () => {
    problem(await post(null, valid()), 401, "unauthenticated");
    for (const role of ["auditor", "viewer"] as Role[]) {
      problem(await post(await buildUser(env, admin.orgId, role), valid()), 403, "forbidden");
    }
    problem(await post(partnerUser, valid()), 403, "forbidden");
    for (const role of ["vendor_manager", "compliance_officer"] as Role[]) {
      expect((await post(await buildUser(env, admin.orgId, role), valid())).statusCode).toBe(201);
    }
  });
});

describe("reading a risk", () => {
  it("answers 404 for another organization's id or an unknown one, 403 for partner users, 401 anonymously", async () => {
    const r = await buildRisk(env, admin);
    problem(await get(other, r.id), 404, "not_found");
    problem(await get(admin, MISSING), 404, "not_found");
    problem(await get(admin, "not-a-uuid"), 400, "validation_failed");
    problem(await get(partnerUser, r.id), 403, "forbidden");
    problem(await get(null, r.id), 401, "unauthenticated");
  });
});

describe("a risk's history", () => {
  const history = (s: Session | null, id: string, q = "") =>
    call(env, s, { url: `${BASE}/${id}/history${q}` });

  it("shows everyone who may read the risk its own events and its tasks', newest first, paged", async () => {
    const r = await buildRisk(env, admin);
    await patch(riskManager, r.id, { title: "Renamed for the history" });
    const task = await call(env, riskManager, {
      method: "POST",
      url: `${BASE}/${r.id}/tasks`,
      payload: { title: "A treatment task" },
    });
    expect(task.statusCode).toBe(201);
    // A viewer may not read the organization's audit trail, but may read this risk's history.
    problem(await call(env, viewer, { url: "/api/v1/audit-events" }), 403);
    const res = await history(viewer, r.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { action: string }) => e.action)).toEqual([
      "risk_task.create",
      "risk.update",
      "risk.create",
    ]);
    const first = await history(viewer, r.id, "?limit=2");
    expect(first.json().items).toHaveLength(2);
    const rest = await history(viewer, r.id, `?limit=2&cursor=${first.json().nextCursor}`);
    expect(rest.json().items.map((e: { action: string }) => e.action)).toEqual(["risk.create"]);
  });

  it("answers 404 for another organization's risk, 403 for partner users, 401 anonymously", async () => {
    const r = await buildRisk(env, admin);
    problem(await history(other, r.id), 404, "not_found");
    problem(await history(admin, MISSING), 404, "not_found");
    problem(await history(partnerUser, r.id), 403, "forbidden");
    problem(await history(null, r.id), 401, "unauthenticated");
  });
});

describe("updating a risk", () => {
  it("applies a partial update, audits before and after, and refreshes old and new partners' tiers", async () => {
    const p1 = await buildPartner(env, admin);
    const p2 = await buildPartner(env, admin);
    const r = await buildRisk(env, admin, {
      partnerId: p1.id,
      inherentLikelihood: 5,
      inherentImpact: 5,
      residualLikelihood: 4,
      residualImpact: 5,
    });
    expect(await partnerRiskRow(env, p1.id)).toEqual({ score: 20, tier: 1 });
    const res = await patch(riskManager, r.id, { partnerId: p2.id, residualLikelihood: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ partner: { id: p2.id }, residual: { score: 10, level: "high" } });
    expect(await partnerRiskRow(env, p1.id)).toEqual({ score: 0, tier: 4 });
    expect(await partnerRiskRow(env, p2.id)).toEqual({ score: 10, tier: 2 });
    const { rows } = await env.ctx.database.pool.query(
      "SELECT action, before->>'residualLikelihood' AS b, after->>'residualLikelihood' AS a FROM audit_events WHERE entity_id = $1 ORDER BY seq",
      [r.id],
    );
    expect(rows.map((x) => [x.action, x.b, x.a])).toEqual([
      ["risk.create", null, "4"],
      ["risk.update", "4", "2"],
    ]);
  });

  it("checks residual ≤ inherent against the stored ratings", async () => {
    const r = await buildRisk(env, admin); // inherent 3×4, residual 2×3
    expectField(
      problem(await patch(admin, r.id, { residualImpact: 5 }), 422, "residual_exceeds_inherent"),
      "body.residualImpact",
    );
    expectField(
      problem(await patch(admin, r.id, { inherentLikelihood: 1 }), 422, "residual_exceeds_inherent"),
      "body.residualLikelihood",
    );
    expect((await patch(admin, r.id, { inherentImpact: 5, residualImpact: 5 })).statusCode).toBe(200);
  });

  it("stamps closedAt on closing and clears it on reopening; accepted only via the accept endpoint", async () => {
    const r = await buildRisk(env, admin);
    const closed = (await patch(admin, r.id, { status: "closed" })).json();
    expect(closed.status).toBe("closed");
    expect(Date.parse(closed.closedAt)).toBeGreaterThan(Date.now() - 60_000);
    const events = await auditActions(env, admin.orgId, r.id);
    expect(events.at(-1)).toBe("risk.status_change");
    expect((await patch(admin, r.id, { status: "open" })).json().closedAt).toBeNull();
    problem(await patch(admin, r.id, { status: "accepted" }), 409, "use_accept_endpoint");
  });

  it("schedules the next review from today when an interval is first set", async () => {
    const r = await buildRisk(env, admin);
    const res = await patch(admin, r.id, { reviewIntervalDays: 30 });
    expect(res.json().nextReviewDate).toBe(addDays(todayUtc(), 30));
    const later = await patch(admin, r.id, { reviewIntervalDays: 60 });
    expect(later.json().nextReviewDate).toBe(addDays(todayUtc(), 30));
  });

  it("answers 400 for an empty patch, 403/401/404 as for reads, and writes nothing then", async () => {
    const r = await buildRisk(env, admin);
    problem(await patch(admin, r.id, {}), 400, "validation_failed");
    problem(await patch(viewer, r.id, { title: "x" }), 403, "forbidden");
    problem(await patch(partnerUser, r.id, { title: "x" }), 403, "forbidden");
    problem(await patch(null, r.id, { title: "x" }), 401, "unauthenticated");
    problem(await patch(other, r.id, { title: "x" }), 404, "not_found");
    expect((await get(admin, r.id)).json().title).toBe(r.title);
    expect(await auditActions(env, admin.orgId, r.id)).toEqual(["risk.create"]);
  });
});

describe("deleting a risk", () => {
  it("deletes with 204, audits risk.delete and refreshes the partner's tier", async () => {
    const p = await buildPartner(env, admin);
    const r = await buildRisk(env, admin, { partnerId: p.id });
    expect((await partnerRiskRow(env, p.id)).score).toBe(6);
    expect((await del(riskManager, r.id)).statusCode).toBe(204);
    problem(await get(admin, r.id), 404);
    expect(await auditActions(env, admin.orgId, r.id)).toEqual(["risk.create", "risk.delete"]);
    expect(await partnerRiskRow(env, p.id)).toEqual({ score: 0, tier: 4 });
  });

  it("is for admins and risk managers only", async () => {
    const r = await buildRisk(env, admin);
    for (const role of ["vendor_manager", "compliance_officer", "viewer"] as Role[])
      problem(await del(await buildUser(env, admin.orgId, role), r.id), 403, "forbidden");
    problem(await del(partnerUser, r.id), 403);
    problem(await del(null, r.id), 401);
    problem(await del(other, r.id), 404);
    expect((await get(admin, r.id)).statusCode).toBe(200);
  });
});

describe("accepting a risk", () => {
  const body = () => ({
    justification: "Cost of mitigation exceeds exposure",
    expiresAt: addDays(todayUtc(), 180),
  });

  it("lets a risk manager accept: status accepted, treatment accept, who/why/until recorded and audited", async () => {
    const r = await buildRisk(env, admin);
    const res = await accept(riskManager, r.id, body());
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      status: "accepted",
      treatment: "accept",
      acceptance: {
        by: { id: riskManager.userId },
        justification: "Cost of mitigation exceeds exposure",
        expiresAt: body().expiresAt,
      },
      acceptanceExpired: false,
    });
    expect(await auditActions(env, admin.orgId, r.id)).toEqual(["risk.create", "risk.accept"]);
  });

  it("is for risk managers and admins only", async () => {
    const r = await buildRisk(env, admin);
    for (const role of ["vendor_manager", "compliance_officer", "auditor", "viewer"] as Role[])
      problem(await accept(await buildUser(env, admin.orgId, role), r.id, body()), 403, "forbidden");
    problem(await accept(partnerUser, r.id, body()), 403);
    problem(await accept(null, r.id, body()), 401);
    problem(await accept(other, r.id, body()), 404);
    expect((await accept(admin, r.id, body())).statusCode).toBe(200);
  });

  it("refuses an expiry today or in the past (422) or beyond three years, and a missing justification (400)", async () => {
    const r = await buildRisk(env, admin);
    expectField(
      problem(await accept(admin, r.id, { ...body(), expiresAt: todayUtc() }), 422),
      "body.expiresAt",
    );
    expectField(
      problem(await accept(admin, r.id, { ...body(), expiresAt: addDays(todayUtc(), 2000) }), 422),
      "body.expiresAt",
    );
    expectField(
      problem(await accept(admin, r.id, { expiresAt: body().expiresAt }), 400),
      "body.justification",
    );
    expect((await get(admin, r.id)).json().status).toBe("open");
  });

  it("refuses to accept a closed risk (409)", async () => {
    const r = await buildRisk(env, admin, { status: "closed" });
    problem(await accept(admin, r.id, body()), 409, "conflict");
  });
});

describe("expired acceptances", () => {
  it("flags them on read, then reopenExpiredAcceptances reopens them audited as the scheduler", async () => {
    const r = await buildRisk(env, admin);
    const kept = await buildRisk(env, admin);
    const foreign = await buildRisk(env, other);
    for (const [s, id] of [
      [admin, r.id],
      [admin, kept.id],
      [other, foreign.id],
    ] as const)
      await accept(s, id, { justification: "ok", expiresAt: addDays(todayUtc(), 10) });
    // Backdate two of the acceptances: they expired yesterday.
    await env.ctx.database.pool.query(
      "UPDATE risks SET acceptance_expires_at = $2::date WHERE id = ANY($1::uuid[])",
      [[r.id, foreign.id], addDays(todayUtc(), -1)],
    );
    expect((await get(admin, r.id)).json()).toMatchObject({ status: "accepted", acceptanceExpired: true });
    expect((await get(admin, kept.id)).json().acceptanceExpired).toBe(false);

    expect(await reopenExpiredAcceptances(env.ctx.database.db)).toBe(2);
    const reopened = (await get(admin, r.id)).json();
    expect(reopened).toMatchObject({ status: "open", treatment: "accept", acceptanceExpired: false });
    expect(reopened.acceptance.expiresAt).toBe(addDays(todayUtc(), -1));
    expect((await get(admin, kept.id)).json().status).toBe("accepted");
    expect((await get(other, foreign.id)).json().status).toBe("open");
    const { rows } = await env.ctx.database.pool.query(
      "SELECT actor_type, actor_name FROM audit_events WHERE entity_id = $1 AND action = 'risk.acceptance_expired'",
      [r.id],
    );
    expect(rows).toEqual([{ actor_type: "system", actor_name: "scheduler" }]);
    // Nothing left to reopen.
    expect(await reopenExpiredAcceptances(env.ctx.database.db)).toBe(0);
  });
});
