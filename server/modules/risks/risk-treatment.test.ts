import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { auditActions, buildRisk, buildRiskSessions, expectField, MISSING } from "./risks.testkit.js";

const env = useTestApp();

let admin: Session;
let other: Session;
let riskManager: Session;
let vendorManager: Session;
let viewer: Session;
let partnerUser: Session;
beforeAll(async () => {
  ({ admin, other, riskManager, vendorManager, viewer, partnerUser } = await buildRiskSessions(env));
});

const control = { name: "Encryption at rest", type: "preventive" };
const createControl = (s: Session | null, body: object = control) =>
  call(env, s, { method: "POST", url: "/api/v1/controls", payload: body });

describe("controls", () => {
  it("creates, reads, lists, updates and deletes a control, each change audited", async () => {
    const res = await createControl(riskManager, { ...control, ownerId: vendorManager.userId });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: "Encryption at rest",
      type: "preventive",
      effectiveness: "not_tested",
      owner: { id: vendorManager.userId },
      riskCount: 0,
    });
    expect((await call(env, viewer, { url: `/api/v1/controls/${c.id}` })).json()).toEqual(c);
    const listed = await call(env, viewer, { url: "/api/v1/controls?q=encryption" });
    expect(listed.json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const upd = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/controls/${c.id}`,
      payload: { effectiveness: "effective" },
    });
    expect(upd.json().effectiveness).toBe("effective");
    expect((await call(env, admin, { method: "DELETE", url: `/api/v1/controls/${c.id}` })).statusCode).toBe(
      204,
    );
    expect(await auditActions(env, admin.orgId, c.id)).toEqual([
      "control.create",
      "control.update",
      "control.delete",
    ]);
  });

  it("pages the library in name order", async () => {
    for (const name of ["b-ctl", "a-ctl", "c-ctl"]) await createControl(admin, { ...control, name });
    const first = (await call(env, admin, { url: "/api/v1/controls?q=-ctl&limit=2" })).json();
    expect(first.items.map((x: { name: string }) => x.name)).toEqual(["a-ctl", "b-ctl"]);
    const second = (
      await call(env, admin, { url: `/api/v1/controls?q=-ctl&limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second).toMatchObject({ items: [{ name: "c-ctl" }], nextCursor: null });
  });

  it("validates, and refuses roles other than admin and risk manager", async () => {
    expectField(problem(await createControl(admin, { ...control, type: "magic" }), 400), "body.type");
    expectField(
      problem(await createControl(admin, { ...control, ownerId: other.userId }), 422),
      "body.ownerId",
    );
    problem(await createControl(null), 401);
    for (const role of ["vendor_manager", "compliance_officer", "viewer"] as Role[])
      problem(await createControl(await buildUser(env, admin.orgId, role)), 403);
    problem(await createControl(partnerUser), 403);
    problem(await call(env, partnerUser, { url: "/api/v1/controls" }), 403);
  });

  it("answers 404 for other organizations' controls", async () => {
    const c = (await createControl(admin)).json();
    problem(await call(env, other, { url: `/api/v1/controls/${c.id}` }), 404);
    problem(
      await call(env, other, { method: "PATCH", url: `/api/v1/controls/${c.id}`, payload: { name: "x" } }),
      404,
    );
    problem(await call(env, other, { method: "DELETE", url: `/api/v1/controls/${c.id}` }), 404);
  });
});

describe("linking controls to risks", () => {
  const link = (s: Session | null, riskId: string, controlId: string, method: "PUT" | "DELETE" = "PUT") =>
    call(env, s, { method, url: `/api/v1/risks/${riskId}/controls/${controlId}` });

  it("links idempotently, shows the control on the risk, unlinks, and audits on the risk", async () => {
    const r = await buildRisk(env, admin);
    const c = (await createControl(admin)).json();
    expect((await link(vendorManager, r.id, c.id)).statusCode).toBe(204);
    expect((await link(vendorManager, r.id, c.id)).statusCode).toBe(204);
    const risk = (await call(env, admin, { url: `/api/v1/risks/${r.id}` })).json();
    expect(risk.controls).toEqual([
      { id: c.id, name: c.name, type: "preventive", effectiveness: "not_tested" },
    ]);
    expect((await call(env, admin, { url: `/api/v1/controls/${c.id}` })).json().riskCount).toBe(1);
    expect((await link(admin, r.id, c.id, "DELETE")).statusCode).toBe(204);
    problem(await link(admin, r.id, c.id, "DELETE"), 404);
    expect(await auditActions(env, admin.orgId, c.id)).toEqual([
      "control.create",
      "risk.control_link",
      "risk.control_unlink",
    ]);
  });

  it("answers 404 across organizations and 403 for readers and partner users", async () => {
    const r = await buildRisk(env, admin);
    const c = (await createControl(admin)).json();
    const foreignControl = (await createControl(other)).json();
    problem(await link(admin, r.id, foreignControl.id), 404);
    problem(await link(other, r.id, foreignControl.id), 404);
    problem(await link(viewer, r.id, c.id), 403);
    problem(await link(partnerUser, r.id, c.id), 403);
    problem(await link(null, r.id, c.id), 401);
    expect((await call(env, admin, { url: `/api/v1/risks/${r.id}` })).json().controls).toEqual([]);
  });
});

describe("treatment tasks", () => {
  const tasksUrl = (riskId: string) => `/api/v1/risks/${riskId}/tasks`;

  it("creates, lists, completes and deletes tasks; counts show on the risk; each change audited", async () => {
    const r = await buildRisk(env, admin);
    const created = await call(env, vendorManager, {
      method: "POST",
      url: tasksUrl(r.id),
      payload: { title: "Sign a DPA", assigneeId: vendorManager.userId, dueDate: addDays(todayUtc(), -1) },
    });
    expect(created.statusCode).toBe(201);
    const t = created.json();
    expect(t).toMatchObject({
      title: "Sign a DPA",
      status: "open",
      overdue: true,
      assignee: { id: vendorManager.userId },
      risk: { id: r.id },
      completedAt: null,
    });
    expect((await call(env, admin, { url: `/api/v1/risks/${r.id}` })).json().tasks).toEqual({
      open: 1,
      overdue: 1,
    });
    expect((await call(env, viewer, { url: tasksUrl(r.id) })).json().items).toEqual([t]);

    const done = await call(env, vendorManager, {
      method: "PATCH",
      url: `${tasksUrl(r.id)}/${t.id}`,
      payload: { status: "done" },
    });
    expect(done.json()).toMatchObject({ status: "done", overdue: false });
    expect(done.json().completedAt).not.toBeNull();
    expect((await call(env, admin, { url: `/api/v1/risks/${r.id}` })).json().tasks).toEqual({
      open: 0,
      overdue: 0,
    });
    expect((await call(env, admin, { method: "DELETE", url: `${tasksUrl(r.id)}/${t.id}` })).statusCode).toBe(
      204,
    );
    expect(await auditActions(env, admin.orgId, t.id)).toEqual([
      "risk_task.create",
      "risk_task.update",
      "risk_task.delete",
    ]);
  });

  it("lists the organization's overdue tasks, optionally by assignee", async () => {
    const r = await buildRisk(env, admin);
    const mk = (title: string, dueDate: string | null, assigneeId: string | null = null) =>
      call(env, admin, { method: "POST", url: tasksUrl(r.id), payload: { title, dueDate, assigneeId } });
    await mk("late", addDays(todayUtc(), -5), riskManager.userId);
    await mk("later", addDays(todayUtc(), -2));
    await mk("future", addDays(todayUtc(), 5));
    await mk("undated", null);
    const foreign = await buildRisk(env, other);
    await call(env, other, {
      method: "POST",
      url: tasksUrl(foreign.id),
      payload: { title: "foreign late", dueDate: "2020-01-01" },
    });
    const overdue = (await call(env, viewer, { url: "/api/v1/risk-tasks?overdue=true" })).json();
    expect(overdue.items.map((t: { title: string }) => t.title)).toEqual(["late", "later"]);
    const mine = (
      await call(env, viewer, { url: `/api/v1/risk-tasks?overdue=true&assigneeId=${riskManager.userId}` })
    ).json();
    expect(mine.items.map((t: { title: string }) => t.title)).toEqual(["late"]);
    const all = (await call(env, viewer, { url: "/api/v1/risk-tasks?limit=2" })).json();
    const rest = (
      await call(env, viewer, { url: `/api/v1/risk-tasks?limit=10&cursor=${all.nextCursor}` })
    ).json();
    expect([...all.items, ...rest.items].map((t: { title: string }) => t.title)).toEqual([
      "late",
      "later",
      "future",
      "undated",
    ]);
    const summary = (await call(env, viewer, { url: "/api/v1/risks/summary" })).json();
    expect(summary.overdueTasks.count).toBe(2);
    expect(summary.overdueTasks.first[0]).toMatchObject({ title: "late", risk: { id: r.id } });
  });

  it("validates, checks the assignee, and refuses readers, partner users and other organizations", async () => {
    const r = await buildRisk(env, admin);
    expectField(
      problem(await call(env, admin, { method: "POST", url: tasksUrl(r.id), payload: {} }), 400),
      "body.title",
    );
    expectField(
      problem(
        await call(env, admin, {
          method: "POST",
          url: tasksUrl(r.id),
          payload: { title: "x", dueDate: "2026-02-30" },
        }),
        400,
      ),
      "body.dueDate",
    );
    expectField(
      problem(
        await call(env, admin, {
          method: "POST",
          url: tasksUrl(r.id),
          payload: { title: "x", assigneeId: partnerUser.userId },
        }),
        422,
      ),
      "body.assigneeId",
    );
    problem(await call(env, viewer, { method: "POST", url: tasksUrl(r.id), payload: { title: "x" } }), 403);
    problem(await call(env, partnerUser, { url: tasksUrl(r.id) }), 403);
    problem(await call(env, null, { url: tasksUrl(r.id) }), 401);
    problem(await call(env, other, { url: tasksUrl(r.id) }), 404);
    problem(await call(env, other, { method: "POST", url: tasksUrl(r.id), payload: { title: "x" } }), 404);
    const t = (
      await call(env, admin, { method: "POST", url: tasksUrl(r.id), payload: { title: "mine" } })
    ).json();
    problem(
      await call(env, other, { method: "PATCH", url: `${tasksUrl(r.id)}/${t.id}`, payload: { title: "y" } }),
      404,
    );
    // A task addressed through another risk of the same organization.
    const r2 = await buildRisk(env, admin);
    problem(
      await call(env, admin, { method: "PATCH", url: `${tasksUrl(r2.id)}/${t.id}`, payload: { title: "y" } }),
      404,
    );
    problem(await call(env, admin, { method: "DELETE", url: `${tasksUrl(r.id)}/${MISSING}` }), 404);
  });
});

describe("reviews", () => {
  const reviewsUrl = (riskId: string) => `/api/v1/risks/${riskId}/reviews`;

  it("records the scores, schedules the next review from the interval and audits risk.review", async () => {
    const r = await buildRisk(env, admin, {
      reviewIntervalDays: 30,
      nextReviewDate: addDays(todayUtc(), -3),
    });
    expect((await call(env, admin, { url: `/api/v1/risks/${r.id}` })).json().reviewOverdue).toBe(true);
    const res = await call(env, vendorManager, {
      method: "POST",
      url: reviewsUrl(r.id),
      payload: { notes: "Still relevant" },
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      riskId: r.id,
      reviewer: { id: vendorManager.userId },
      notes: "Still relevant",
      nextReviewDate: addDays(todayUtc(), 30),
      inherentScore: 12,
      residualScore: 6,
    });
    const risk = (await call(env, admin, { url: `/api/v1/risks/${r.id}` })).json();
    expect(risk).toMatchObject({ nextReviewDate: addDays(todayUtc(), 30), reviewOverdue: false });
    const explicit = await call(env, admin, {
      method: "POST",
      url: reviewsUrl(r.id),
      payload: { notes: "Check after the audit", nextReviewDate: "2030-01-15" },
    });
    expect(explicit.json().nextReviewDate).toBe("2030-01-15");
    const listed = (await call(env, viewer, { url: reviewsUrl(r.id) })).json().items;
    expect(listed.map((x: { notes: string }) => x.notes)).toEqual([
      "Check after the audit",
      "Still relevant",
    ]);
    expect(await auditActions(env, admin.orgId, v.id)).toEqual(["risk.review"]);
  });

  it("validates and refuses readers, partner users and other organizations", async () => {
    const r = await buildRisk(env, admin);
    expectField(
      problem(await call(env, admin, { method: "POST", url: reviewsUrl(r.id), payload: { notes: "" } }), 400),
      "body.notes",
    );
    problem(await call(env, viewer, { method: "POST", url: reviewsUrl(r.id), payload: { notes: "x" } }), 403);
    problem(await call(env, partnerUser, { url: reviewsUrl(r.id) }), 403);
    problem(await call(env, null, { url: reviewsUrl(r.id) }), 401);
    problem(await call(env, other, { url: reviewsUrl(r.id) }), 404);
    problem(await call(env, other, { method: "POST", url: reviewsUrl(r.id), payload: { notes: "x" } }), 404);
    expect((await call(env, admin, { url: reviewsUrl(r.id) })).json().items).toEqual([]);
  });
});
