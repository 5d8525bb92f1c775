import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildContract,
  buildContractSessions,
  type ContractSessions,
  expectField,
  MISSING,
} from "./contracts.testkit.js";

const env = useTestApp();
const today = todayUtc();
const url = (id: string) => `/api/v1/contracts/${id}/obligations`;
const post = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "POST", url: url(id), payload });
const patch = (s: Session | null, id: string, oid: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `${url(id)}/${oid}`, payload });

let c: ContractSessions;
let contractId: string;
beforeAll(async () => {
  c = await buildContractSessions(env);
  contractId = (await buildContract(env, c.admin, c.partnerId, { reviewIntervalDays: 90 })).id;
});

describe("obligations", () => {
  it("creates, lists and flags overdue ones; the contract counts them", async () => {
    const res = await post(c.vendorManager, contractId, {
      title: "Deliver SOC 2 report",
      side: "theirs",
      dueDate: addDays(today, -1),
    });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      status: "open",
      recurrence: "none",
      overdue: true,
      contract: { id: contractId },
    });
    expect(await auditActions(env, c.admin.orgId, o.id)).toEqual(["contract_obligation.create"]);
    const listed = await call(env, c.viewer, { url: url(contractId) });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(o.id);
    const overdue = await call(env, c.viewer, { url: "/api/v1/obligations?overdue=true" });
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toContain(o.id);
    const contract = await call(env, c.viewer, { url: `/api/v1/contracts/${contractId}` });
    expect(contract.json().obligations).toMatchObject({ open: 1, overdue: 1 });
    const theirs = await call(env, c.other, { url: "/api/v1/obligations?overdue=true" });
    expect(theirs.json().items).toEqual([]);
  });

  it("completing a recurring obligation creates its next occurrence from the due date", async () => {
    const due = addDays(today, 5);
    const o = (
      await post(c.admin, contractId, {
        title: "Monthly KPI report",
        side: "theirs",
        dueDate: due,
        recurrence: "monthly",
      })
    ).json();
    const done = await patch(c.compliance, contractId, o.id, { status: "done", evidenceNote: "Received" });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "done", evidenceNote: "Received", overdue: false });
    expect(done.json().completedAt).not.toBeNull();
    const all = (await call(env, c.admin, { url: url(contractId) })).json().items;
    const next = all.find(
      (i: { title: string; status: string }) => i.title === "Monthly KPI report" && i.status === "open",
    );
    expect(next.recurrence).toBe("monthly");
    expect(next.dueDate > due).toBe(true);
    expect(await auditActions(env, c.admin.orgId, o.id)).toEqual([
      "contract_obligation.create",
      "contract_obligation.complete",
    ]);
  });

  it("validates: recurring needs a due date (422), bad bodies 400, empty patch 400", async () => {
    expectField(
      problem(await post(c.admin, contractId, { title: "x", side: "ours", recurrence: "yearly" }), 422),
      "body.dueDate",
    );
    problem(await post(c.admin, contractId, { title: "x", side: "both" }), 400, "validation_failed");
    const o = (await post(c.admin, contractId, { title: "One-off", side: "ours" })).json();
    problem(await patch(c.admin, contractId, o.id, {}), 400);
    problem(await call(env, c.admin, { url: "/api/v1/obligations?overdue=maybe" }), 400);
  });

  it("answers 401, 403 (viewer, partner user) and 404 (other organization, other contract)", async () => {
    const o = (await post(c.admin, contractId, { title: "Insurance certificate", side: "theirs" })).json();
    const body = { title: "x", side: "ours" };
    problem(await post(null, contractId, body), 401);
    problem(await post(c.viewer, contractId, body), 403);
    problem(await post(c.partnerUser, contractId, body), 403);
    problem(await post(c.other, contractId, body), 404);
    problem(await patch(c.other, contractId, o.id, { title: "y" }), 404);
    problem(await patch(c.admin, MISSING, o.id, { title: "y" }), 404);
    problem(await call(env, c.partnerUser, { url: "/api/v1/obligations" }), 403);
    problem(await call(env, null, { url: "/api/v1/obligations" }), 401);
    problem(await call(env, c.other, { url: url(contractId) }), 404);
  });

  it("deletes with an audit event", async () => {
    const o = (await post(c.admin, contractId, { title: "Temp", side: "ours" })).json();
    const del = (s: Session | null) => call(env, s, { method: "DELETE", url: `${url(contractId)}/${o.id}` });
    problem(await del(c.viewer), 403);
    problem(await del(c.other), 404);
    expect((await del(c.vendorManager)).statusCode).toBe(204);
    expect(await auditActions(env, c.admin.orgId, o.id)).toEqual([
      "contract_obligation.create",
      "contract_obligation.delete",
    ]);
  });
});

describe("contract reviews", () => {
  const reviews = (id: string) => `/api/v1/contracts/${id}/reviews`;
  it("records a review, sets the contract's next review date and shows it as the last review", async () => {
    const res = await call(env, c.compliance, {
      method: "POST",
      url: reviews(contractId),
      payload: { outcome: "needs_improvement", notes: "SLA misses in Q3" },
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      outcome: "needs_improvement",
      nextReviewDate: addDays(today, 90),
      reviewer: { id: c.compliance.userId },
    });
    const contract = (await call(env, c.viewer, { url: `/api/v1/contracts/${contractId}` })).json();
    expect(contract.nextReviewDate).toBe(addDays(today, 90));
    expect(contract.lastReview).toEqual(r);
    expect((await call(env, c.viewer, { url: reviews(contractId) })).json().items).toEqual([r]);
    expect(await auditActions(env, c.admin.orgId, r.id)).toEqual(["contract.review"]);
  });

  it("validates and guards: 400, 401, 403, 404", async () => {
    const p = (s: Session | null, payload: object, id = contractId) =>
      call(env, s, { method: "POST", url: reviews(id), payload });
    problem(await p(c.admin, { outcome: "great" }), 400, "validation_failed");
    problem(await p(null, { outcome: "satisfactory" }), 401);
    problem(await p(c.viewer, { outcome: "satisfactory" }), 403);
    problem(await p(c.partnerUser, { outcome: "satisfactory" }), 403);
    problem(await p(c.other, { outcome: "satisfactory" }), 404);
    problem(await call(env, c.other, { url: reviews(contractId) }), 404);
    const otherPartnerContract = await buildContract(env, c.admin, (await buildPartner(env, c.admin)).id);
    expect(
      (await p(c.admin, { outcome: "satisfactory", nextReviewDate: null }, otherPartnerContract.id)).json()
        .nextReviewDate,
    ).toBeNull();
  });
});
