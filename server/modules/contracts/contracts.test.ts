import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildContract,
  buildContractSessions,
  buildService,
  type ContractSessions,
  expectField,
  MISSING,
} from "./contracts.testkit.js";

const env = useTestApp();
const BASE = "/api/v1/contracts";

const post = (s: Session | null, payload: object) => call(env, s, { method: "POST", url: BASE, payload });
const get = (s: Session | null, id: string) => call(env, s, { url: `${BASE}/${id}` });
const patch = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `${BASE}/${id}`, payload });
const del = (s: Session | null, id: string) => call(env, s, { method: "DELETE", url: `${BASE}/${id}` });

let c: ContractSessions;
beforeAll(async () => {
  c = await buildContractSessions(env);
});

describe("creating a contract", () => {
  it("answers 201 with the notice deadline, clause coverage and services; records contract.create", async () => {
    const service = await buildService(env, c.admin, c.partnerId);
    const end = addDays(todayUtc(), 120);
    const res = await post(c.vendorManager, {
      partnerId: c.partnerId,
      type: "msa",
      title: "Master services agreement",
      reference: "MSA-2026-01",
      status: "active",
      startDate: addDays(todayUtc(), -30),
      endDate: end,
      noticePeriodDaysOurs: 90,
      value: 120000.5,
      currency: "eur",
      governingLaw: "de",
      clauses: { auditRights: true, dataProtection: true },
      reviewIntervalDays: 365,
      exitPlan: { has: true, summary: "Hand over to in-house team", lastTestedAt: todayUtc() },
      serviceIds: [service.id],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      partner: { id: c.partnerId },
      type: "msa",
      status: "active",
      value: "120000.50",
      currency: "EUR",
      governingLaw: "DE",
      clauseCoverage: { present: 2, total: 8 },
      clauses: { auditRights: true, dataProtection: true, ipOwnership: false },
      notice: { termEnd: end, date: addDays(end, -90), daysUntil: 30, status: "due_soon" },
      nextReviewDate: addDays(todayUtc(), 365),
      exitPlan: { has: true, summary: "Hand over to in-house team", lastTestedAt: todayUtc() },
      services: [{ id: service.id, name: service.name, criticality: "standard" }],
      obligations: { open: 0, overdue: 0, done: 0 },
      lastReview: null,
    });
    expect(body.notice.explanation).toBe(
      `ends ${end}; our notice period is 90 days → give notice by ${addDays(end, -90)} (30 days)`,
    );
    expect(await auditActions(env, c.admin.orgId, body.id)).toEqual(["contract.create"]);
    expect((await get(c.viewer, body.id)).json()).toEqual(body);
  });

  it("refuses an end before the start and a value without currency with 422 field errors", async () => {
    const res = await post(c.admin, {
      partnerId: c.partnerId,
      type: "sow",
      title: "SOW",
      startDate: "2026-06-01",
      endDate: "2026-05-31",
      value: 10,
    });
    const body = problem(res, 422, "validation_failed");
    expectField(body, "body.endDate");
    expectField(body, "body.currency");
  });

  it("refuses a parent of another partner and services of another partner (422)", async () => {
    const otherPartner = await buildPartner(env, c.admin);
    const foreignParent = await buildContract(env, c.admin, otherPartner.id);
    const foreignService = await buildService(env, c.admin, otherPartner.id);
    const base = { partnerId: c.partnerId, type: "sow", title: "SOW" };
    expectField(problem(await post(c.admin, { ...base, parentId: foreignParent.id }), 422), "body.parentId");
    expectField(
      problem(await post(c.admin, { ...base, serviceIds: [foreignService.id] }), 422),
      "body.serviceIds.0",
    );
    expectField(problem(await post(c.admin, { ...base, partnerId: MISSING }), 422), "body.partnerId");
  });

  it("answers 400 to malformed bodies", async () => {
    problem(
      await post(c.admin, { partnerId: c.partnerId, type: "lease", title: "x" }),
      400,
      "validation_failed",
    );
    problem(await post(c.admin, { partnerId: c.partnerId, type: "msa", title: "x", currency: "XXY" }), 400);
  });

  it("is refused without a session (401), to read-only staff and partner users (403)", async () => {
    const body = { partnerId: c.partnerId, type: "nda", title: "NDA" };
    problem(await post(null, body), 401, "unauthenticated");
    problem(await post(c.viewer, body), 403, "forbidden");
    problem(await post(c.riskManager, body), 403, "forbidden");
    problem(await post(c.partnerUser, body), 403, "forbidden");
  });

  it("is allowed to compliance officers (legal)", async () => {
    expect((await post(c.compliance, { partnerId: c.partnerId, type: "dpa", title: "DPA" })).statusCode).toBe(
      201,
    );
  });
});

describe("reading a contract", () => {
  it("answers 404 to another organization's id, 401 without session, 403 to partner users", async () => {
    const k = await buildContract(env, c.admin, c.partnerId);
    problem(await get(c.other, k.id), 404, "not_found");
    problem(await get(null, k.id), 401);
    problem(await get(c.partnerUser, k.id), 403);
    problem(await get(c.admin, "nope"), 400);
  });
});

describe("updating a contract", () => {
  it("merges clauses, replaces services, recomputes the notice deadline and records the change", async () => {
    const k = await buildContract(env, c.admin, c.partnerId, { clauses: { auditRights: true } });
    const s = await buildService(env, c.admin, c.partnerId);
    const end = addDays(todayUtc(), 200);
    const res = await patch(c.compliance, k.id, {
      clauses: { confidentiality: true },
      endDate: end,
      noticePeriodDaysOurs: 60,
      serviceIds: [s.id],
      status: "active",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      clauses: { auditRights: true, confidentiality: true },
      clauseCoverage: { present: 2 },
      notice: { date: addDays(end, -60), status: "ok" },
      services: [{ id: s.id }],
    });
    expect(await auditActions(env, c.admin.orgId, k.id)).toEqual(["contract.create", "contract.update"]);
    const terminated = await patch(c.admin, k.id, { status: "terminated" });
    expect(terminated.json().notice.status).toBe("none");
    expect((await auditActions(env, c.admin.orgId, k.id)).at(-1)).toBe("contract.status_change");
  });

  it("refuses cycles in the parent chain and an end before the stored start (422)", async () => {
    const a = await buildContract(env, c.admin, c.partnerId, { startDate: "2026-01-01" });
    const b = await buildContract(env, c.admin, c.partnerId, { parentId: a.id });
    expectField(problem(await patch(c.admin, a.id, { parentId: b.id }), 422), "body.parentId");
    expectField(problem(await patch(c.admin, a.id, { parentId: a.id }), 422), "body.parentId");
    expectField(problem(await patch(c.admin, a.id, { endDate: "2025-12-31" }), 422), "body.endDate");
    problem(await patch(c.admin, a.id, {}), 400, "validation_failed");
  });

  it("answers 401, 403 (viewer, partner user) and 404 (other organization)", async () => {
    const k = await buildContract(env, c.admin, c.partnerId);
    problem(await patch(null, k.id, { title: "x" }), 401);
    problem(await patch(c.viewer, k.id, { title: "x" }), 403);
    problem(await patch(c.partnerUser, k.id, { title: "x" }), 403);
    problem(await patch(c.other, k.id, { title: "x" }), 404);
  });
});

describe("deleting a contract", () => {
  it("is for admins only, answers 204 and records contract.delete", async () => {
    const k = await buildContract(env, c.admin, c.partnerId);
    problem(await del(null, k.id), 401);
    problem(await del(c.vendorManager, k.id), 403);
    problem(await del(c.partnerUser, k.id), 403);
    problem(await del(c.other, k.id), 404);
    expect((await del(c.admin, k.id)).statusCode).toBe(204);
    problem(await get(c.admin, k.id), 404);
    expect(await auditActions(env, c.admin.orgId, k.id)).toEqual(["contract.create", "contract.delete"]);
  });
});

describe("a contract's history", () => {
  const history = (s: Session | null, id: string) => call(env, s, { url: `${BASE}/${id}/history` });

  it("shows the contract's and its obligations' events to everyone who may read the contract", async () => {
    const contract = await buildContract(env, c.admin, c.partnerId);
    await patch(c.vendorManager, contract.id, { title: "Renamed for the history" });
    const obligation = await call(env, c.vendorManager, {
      method: "POST",
      url: `${BASE}/${contract.id}/obligations`,
      payload: { title: "Quarterly service report", side: "theirs", dueDate: addDays(todayUtc(), 30) },
    });
    expect(obligation.statusCode).toBe(201);
    // A viewer may not read the organization's audit trail, but may read this contract's history.
    problem(await call(env, c.viewer, { url: "/api/v1/audit-events" }), 403);
    const res = await history(c.viewer, contract.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { action: string }) => e.action)).toEqual([
      "contract_obligation.create",
      "contract.update",
      "contract.create",
    ]);
  });

  it("answers 404 for another organization's contract, 403 for partner users, 401 anonymously", async () => {
    const contract = await buildContract(env, c.admin, c.partnerId);
    problem(await history(c.other, contract.id), 404, "not_found");
    problem(await history(c.admin, MISSING), 404, "not_found");
    problem(await history(c.partnerUser, contract.id), 403, "forbidden");
    problem(await history(null, contract.id), 401, "unauthenticated");
  });
});
