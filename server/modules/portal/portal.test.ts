import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildOrg, buildPartner, call, problem, useTestApp } from "../../test/harness.js";
import {
  type AssessmentSessions,
  auditActions,
  buildAssessmentSessions,
  buildPortalAssessment,
  expectField,
  MISSING,
  PORTAL,
} from "./portal.testkit.js";

const env = useTestApp();
let s: AssessmentSessions;
/** The partner user's open assessment, another partner's (same org), another org's, and a draft. */
let mine: { id: string };
let otherPartners: { id: string };
let otherOrgs: { id: string };
let draft: { id: string };
let submitted: { id: string };

beforeAll(async () => {
  s = await buildAssessmentSessions(env);
  mine = await buildPortalAssessment(env, s.admin, s.partnerId, { dueDate: addDays(todayUtc(), 10) });
  submitted = await buildPortalAssessment(env, s.admin, s.partnerId, {
    status: "submitted",
    dueDate: addDays(todayUtc(), 30),
  });
  draft = await buildPortalAssessment(env, s.admin, s.partnerId, { status: "draft" });
  const p2 = await buildPartner(env, s.admin);
  otherPartners = await buildPortalAssessment(env, s.admin, p2.id);
  const o2Partner = await buildPartner(env, s.other);
  otherOrgs = await buildPortalAssessment(env, s.other, o2Partner.id);
});

describe("GET /api/v1/portal/overview and /assessments", () => {
  it("shows the partner user's own partner and its visible assessments, newest due first", async () => {
    const o = await call(env, s.partnerUser, { method: "GET", url: "/api/v1/portal/overview" });
    expect(o.statusCode).toBe(200);
    expect(o.json()).toMatchObject({ partner: { id: s.partnerId }, open: 1, overdue: 0 });
    const res = await call(env, s.partnerUser, { method: "GET", url: PORTAL });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([submitted.id, mine.id]);
    expect(ids).not.toContain(draft.id);
    expect(res.json().items[1]).toMatchObject({ status: "sent", editable: true, overdue: false });
    expect(res.json().items[0]).toMatchObject({ status: "submitted", editable: false });
  });

  it("refuses staff (403) and anonymous callers (401)", async () => {
    for (const url of ["/api/v1/portal/overview", PORTAL]) {
      problem(await call(env, s.admin, { method: "GET", url }), 403, "forbidden");
      problem(await call(env, s.riskManager, { method: "GET", url }), 403, "forbidden");
      problem(await call(env, null, { method: "GET", url }), 401, "unauthenticated");
    }
  });
});

describe("GET /api/v1/portal/assessments/:id", () => {
  it("returns the questions, answers, progress by section and what is missing, without reviewer data", async () => {
    const res = await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${mine.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.content.sections.map((x: { key: string }) => x.key)).toEqual(["general", "docs"]);
    expect(body.sections).toEqual([
      { key: "general", title: "General", answered: 0, visible: 5 },
      { key: "docs", title: "Documents", answered: 0, visible: 1 },
    ]);
    expect(body.missing.map((m: { questionKey: string }) => m.questionKey)).toEqual([
      "has_policy",
      "policy_doc",
    ]);
    expect(body.clarification).toBeNull();
    // Reviewer data never reaches the portal (option scores are part of the questionnaire itself).
    for (const hidden of ["score", "computed", "recipients", "note", "conclusion", "createdBy"])
      expect(Object.keys(body)).not.toContain(hidden);
    for (const hidden of ["decision", "comment", "points", "reviewedBy", "requestedBy"])
      expect(res.body).not.toContain(`"${hidden}"`);
  });

  it("answers 404 for another partner's, another organization's, a draft and a missing id; 400 for a bad id", async () => {
    for (const id of [otherPartners.id, otherOrgs.id, draft.id, MISSING])
      problem(await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${id}` }), 404, "not_found");
    problem(
      await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/nope` }),
      400,
      "validation_failed",
    );
  });

  it("refuses staff and anonymous callers", async () => {
    problem(await call(env, s.admin, { method: "GET", url: `${PORTAL}/${mine.id}` }), 403, "forbidden");
    problem(await call(env, null, { method: "GET", url: `${PORTAL}/${mine.id}` }), 401, "unauthenticated");
  });
});

describe("PUT /api/v1/portal/assessments/:id/answers", () => {
  const save = (id: string, answers: object, who = s.partnerUser) =>
    call(env, who, { method: "PUT", url: `${PORTAL}/${id}/answers`, payload: { answers } });

  it("saves partially, moves sent → in_progress, writes one audit event and skips unchanged values", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const res = await save(a.id, { has_policy: false, why_not: "x".repeat(300), level: "basic" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      saved: 3,
      status: "in_progress",
      progress: { answered: 3, visible: 7 },
    });
    expect(res.json().missing.map((m: { questionKey: string }) => m.questionKey)).toEqual(["policy_doc"]);
    expect(await auditActions(env, s.admin.orgId, a.id)).toContain("assessment.answers_saved");
    const { rows } = await env.ctx.database.pool.query(
      "SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'assessment.answers_saved'",
      [a.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].after.changed).toEqual(["has_policy", "why_not", "level"]);
    expect(rows[0].after.answers.why_not.length).toBeLessThanOrEqual(201);

    const again = await save(a.id, { has_policy: false, level: "basic" });
    expect(again.json().saved).toBe(0);
    const count = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'assessment.answers_saved'",
      [a.id],
    );
    expect(count.rows[0].n).toBe(1);

    const cleared = await save(a.id, {
      level: null,
      controls: ["mfa", "edr"],
      staff: 12,
      certified_on: "2025-03-01",
    });
    expect(cleared.json().saved).toBe(4);
    const view = (await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${a.id}` })).json();
    const keys = view.answers.map((x: { questionKey: string }) => x.questionKey);
    expect(keys).not.toContain("level");
    expect(view.answers.find((x: { questionKey: string }) => x.questionKey === "controls").value).toEqual([
      "mfa",
      "edr",
    ]);
  });

  it("refuses unknown keys and wrong values with 422 and the field path; nothing is written", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const body = problem(
      await save(a.id, { has_policy: true, nope_key: true, level: "expert" }),
      422,
      "validation_failed",
    );
    expectField(body, "body.answers.nope_key");
    expectField(body, "body.answers.level");
    const file = problem(await save(a.id, { policy_doc: "not-an-upload" }), 422, "validation_failed");
    expectField(file, "body.answers.policy_doc");
    const view = (await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${a.id}` })).json();
    expect(view.answers).toEqual([]);
    expect(view.status).toBe("sent");
    problem(await save(a.id, { "Bad Key": true }), 400, "validation_failed");
    problem(
      await call(env, s.partnerUser, {
        method: "PUT",
        url: `${PORTAL}/${a.id}/answers`,
        payload: { answers: 1 },
      }),
      400,
      "validation_failed",
    );
  });

  it("refuses changes once submitted (409 not_editable)", async () => {
    problem(await save(submitted.id, { has_policy: true }), 409, "not_editable");
  });

  it("answers 404 outside the partner's scope, 403 to staff and 401 to anonymous callers", async () => {
    for (const id of [otherPartners.id, otherOrgs.id, draft.id])
      problem(await save(id, { has_policy: true }), 404, "not_found");
    problem(await save(mine.id, { has_policy: true }, s.admin), 403, "forbidden");
    problem(await save(mine.id, { has_policy: true }, s.vendorManager), 403, "forbidden");
    problem(
      await call(env, null, { method: "PUT", url: `${PORTAL}/${mine.id}/answers`, payload: { answers: {} } }),
      401,
    );
  });
});

describe("another organization's partner user", () => {
  it("sees only their own organization's partner", async () => {
    const o2 = await buildOrg(env);
    const p = await buildPartner(env, o2);
    const { buildUser } = await import("../../test/harness.js");
    const u = await buildUser(env, o2.orgId, "partner", p.id);
    const res = await call(env, u, { method: "GET", url: PORTAL });
    expect(res.json().items).toEqual([]);
    problem(await call(env, u, { method: "GET", url: `${PORTAL}/${mine.id}` }), 404, "not_found");
  });
});
