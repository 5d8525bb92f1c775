import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, call, problem, useTestApp } from "../../test/harness.js";
import { tempDataDir } from "../documents/documents.testkit.js";
import {
  type AssessmentSessions,
  auditActions,
  buildAssessmentSessions,
  buildPortalAssessment,
  expectField,
  MISSING,
  multipart,
  notificationsOf,
  PDF,
  PORTAL,
} from "./portal.testkit.js";

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: AssessmentSessions;

beforeAll(async () => {
  s = await buildAssessmentSessions(env);
});

const submit = (id: string, who = s.partnerUser) =>
  call(env, who, { method: "POST", url: `${PORTAL}/${id}/submit` });

describe("POST /api/v1/portal/assessments/:id/submit", () => {
  it("refuses an incomplete submission with 422 answers_incomplete naming each question", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId, { answers: { has_policy: false } });
    const body = problem(await submit(a.id), 422, "answers_incomplete");
    expectField(body, "answers.why_not");
    expectField(body, "answers.policy_doc");
    expect(body.errors?.map((e) => e.path)).not.toContain("answers.has_policy");
    const view = (await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${a.id}` })).json();
    expect(view.status).toBe("sent");
  });

  it("submits a complete assessment, tells the creator and risk managers, and audits it", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const saved = await call(env, s.partnerUser, {
      method: "PUT",
      url: `${PORTAL}/${a.id}/answers`,
      payload: { answers: { has_policy: true } },
    });
    expect(saved.statusCode).toBe(200);
    const up = await call(env, s.partnerUser, {
      method: "POST",
      url: `${PORTAL}/${a.id}/evidence`,
      ...multipart("policy_doc", "policy.pdf", PDF),
    });
    expect(up.statusCode).toBe(201);
    const res = await submit(a.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "submitted", editable: false, missing: [] });
    expect(res.json().submittedAt).toBeTruthy();
    expect(await auditActions(env, s.admin.orgId, a.id)).toContain("assessment.submitted");
    const key = `assessment_submitted:assessment_submitted:${a.id}:`;
    expect((await notificationsOf(env, s.admin.userId)).some((n) => n.startsWith(key))).toBe(true);
    expect((await notificationsOf(env, s.riskManager.userId)).some((n) => n.startsWith(key))).toBe(true);
    expect((await notificationsOf(env, s.viewer.userId)).some((n) => n.startsWith(key))).toBe(false);
    problem(await submit(a.id), 409, "not_editable");
  });

  it("resubmits after a clarification request, and shows the clarification without who asked", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId, {
      status: "clarification_requested",
      answers: { has_policy: true },
    });
    const view = (await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${a.id}` })).json();
    expect(view.clarification).toMatchObject({ message: "Please clarify (test kit)", questionKeys: [] });
    expect(view.clarification).not.toHaveProperty("requestedBy");
    expect(view.editable).toBe(true);
    await call(env, s.partnerUser, {
      method: "POST",
      url: `${PORTAL}/${a.id}/evidence`,
      ...multipart("policy_doc", "policy.pdf", PDF),
    });
    expect((await submit(a.id)).json().status).toBe("submitted");
  });

  it("answers 404 outside the partner's scope, 403 to staff, 401 anonymous, 400 for a bad id", async () => {
    const p2 = await buildPartner(env, s.admin);
    const theirs = await buildPortalAssessment(env, s.admin, p2.id);
    const o2 = await buildPortalAssessment(env, s.other, (await buildPartner(env, s.other)).id);
    const draft = await buildPortalAssessment(env, s.admin, s.partnerId, { status: "draft" });
    for (const id of [theirs.id, o2.id, draft.id, MISSING]) problem(await submit(id), 404, "not_found");
    problem(await submit(theirs.id, s.admin), 403, "forbidden");
    problem(await call(env, null, { method: "POST", url: `${PORTAL}/${theirs.id}/submit` }), 401);
    problem(await submit("not-a-uuid"), 400, "validation_failed");
  });
});
