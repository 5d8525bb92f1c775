import { beforeAll, describe, expect, it } from "vitest";
import { call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  type AssessmentSessions,
  auditActions,
  BASE,
  buildAssessment,
  buildAssessmentSessions,
  buildContact,
  expectField,
  notificationsOf,
  setAssessment,
} from "./assessments.testkit.js";

const env = useTestApp();

const clarify = (s: Session | null, id: string, payload: object = { message: "Please attach the report" }) =>
  call(env, s, { method: "POST", url: `${BASE}/${id}/clarification`, payload });
const review = (s: Session | null, id: string, key: string, payload: object) =>
  call(env, s, { method: "PUT", url: `${BASE}/${id}/answers/${key}/review`, payload });
const complete = (s: Session | null, id: string, payload: object = { conclusion: "pass" }) =>
  call(env, s, { method: "POST", url: `${BASE}/${id}/complete`, payload });
const risk = (s: Session | null, id: string, key: string, payload: object = {}) =>
  call(env, s, { method: "POST", url: `${BASE}/${id}/answers/${key}/risk`, payload });

let c: AssessmentSessions;
let contactIds: string[];
const ANSWERS = { security_attestation: "soc2_type1", security_owner: true, mfa_enforced: false };

beforeAll(async () => {
  c = await buildAssessmentSessions(env);
  // The partner's portal user is the recipient, so sends link them and notifications reach them.
  contactIds = [(await buildContact(env, c.admin, c.partnerId, c.partnerUser.email)).id];
});

const submittedAssessment = () =>
  buildAssessment(env, c.admin, {
    partnerId: c.partnerId,
    contactIds,
    status: "submitted",
    answers: ANSWERS,
  });

describe("POST /api/v1/assessments/:id/clarification", () => {
  it("sends a submitted assessment back with the message; each request notifies the partner user", async () => {
    const a = await submittedAssessment();
    const res = await clarify(c.compliance, a.id, {
      message: "Which auditor?",
      questionKeys: ["security_attestation"],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "clarification_requested",
      clarification: {
        message: "Which auditor?",
        questionKeys: ["security_attestation"],
        requestedBy: { id: c.compliance.userId },
      },
    });
    expect((await auditActions(env, c.admin.orgId, a.id)).at(-1)).toBe("assessment.clarification_request");
    // The partner submits again (a fixture jump); a second request is a second notification.
    await setAssessment(env, a.id, { status: "submitted" });
    expect((await clarify(c.riskManager, a.id)).statusCode).toBe(200);
    const told = (await notificationsOf(env, c.partnerUser.userId)).filter((n) =>
      n.startsWith(`assessment_clarification:assessment_clarification:${a.id}:`),
    );
    expect(told).toHaveLength(2);
  });

  it("refuses an unknown question (422), an empty message (400) and a sent assessment (409)", async () => {
    const a = await submittedAssessment();
    expectField(
      problem(
        await clarify(c.admin, a.id, { message: "x", questionKeys: ["no_such_question"] }),
        422,
        "validation_failed",
      ),
      "body.questionKeys.0",
    );
    expectField(
      problem(await clarify(c.admin, a.id, { message: "  " }), 400, "validation_failed"),
      "body.message",
    );
    const sent = await buildAssessment(env, c.admin, { partnerId: c.partnerId, contactIds });
    const res = problem(await clarify(c.admin, sent.id), 409, "invalid_transition");
    expect(res.detail).toBe("An assessment cannot move from sent to clarification requested");
  });

  it("answers 401, 403 to vendor managers and partner users, 404 for another organization", async () => {
    const a = await submittedAssessment();
    problem(await clarify(null, a.id), 401, "unauthenticated");
    problem(await clarify(c.vendorManager, a.id), 403, "forbidden");
    problem(await clarify(c.partnerUser, a.id), 403, "forbidden");
    problem(await clarify(c.other, a.id), 404, "not_found");
  });
});

describe("PUT /api/v1/assessments/:id/answers/:questionKey/review", () => {
  it("records the decision and comment; the first decision moves a submitted assessment to under review", async () => {
    const a = await submittedAssessment();
    const res = await review(c.compliance, a.id, "mfa_enforced", {
      decision: "flagged",
      comment: "No MFA at all",
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.status).toBe("under_review");
    expect(view.answers.find((x: { questionKey: string }) => x.questionKey === "mfa_enforced")).toMatchObject(
      {
        value: false,
        decision: "flagged",
        comment: "No MFA at all",
        reviewedBy: { id: c.compliance.userId },
        reviewedAt: expect.any(String),
      },
    );
    expect((await auditActions(env, c.admin.orgId, a.id)).at(-1)).toBe("assessment.answer_review");
    const cleared = (await review(c.admin, a.id, "mfa_enforced", { decision: null })).json();
    expect(cleared.status).toBe("under_review");
    expect(
      cleared.answers.find((x: { questionKey: string }) => x.questionKey === "mfa_enforced"),
    ).toMatchObject({
      decision: null,
      comment: "No MFA at all",
    });
  });

  it("answers 404 for a question not in the version, 400 for a bad decision, 409 unless submitted", async () => {
    const a = await submittedAssessment();
    problem(await review(c.admin, a.id, "no_such_question", { decision: "accepted" }), 404, "not_found");
    expectField(
      problem(await review(c.admin, a.id, "mfa_enforced", { decision: "maybe" }), 400, "validation_failed"),
      "body.decision",
    );
    const sent = await buildAssessment(env, c.admin, { partnerId: c.partnerId, contactIds });
    problem(
      await review(c.admin, sent.id, "mfa_enforced", { decision: "accepted" }),
      409,
      "invalid_transition",
    );
  });

  it("answers 401, 403 to vendor managers, viewers and partner users, 404 for another organization", async () => {
    const a = await submittedAssessment();
    const ok = { decision: "accepted" };
    problem(await review(null, a.id, "mfa_enforced", ok), 401, "unauthenticated");
    problem(await review(c.vendorManager, a.id, "mfa_enforced", ok), 403, "forbidden");
    problem(await review(c.viewer, a.id, "mfa_enforced", ok), 403, "forbidden");
    problem(await review(c.partnerUser, a.id, "mfa_enforced", ok), 403, "forbidden");
    problem(await review(c.other, a.id, "mfa_enforced", ok), 404, "not_found");
  });
});

describe("POST /api/v1/assessments/:id/complete", () => {
  it("stores the conclusion, note, computed score, who concluded and when", async () => {
    const a = await submittedAssessment();
    const before = (await call(env, c.admin, { url: `${BASE}/${a.id}` })).json();
    expect(before.computed.score).not.toBeNull();
    const res = await complete(c.riskManager, a.id, {
      conclusion: "pass_with_conditions",
      note: "Enable MFA within 90 days",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "completed",
      conclusion: "pass_with_conditions",
      conclusionNote: "Enable MFA within 90 days",
      concludedBy: { id: c.riskManager.userId },
      completedAt: expect.any(String),
      score: before.computed.score,
    });
    const { rows } = await env.ctx.database.pool.query("SELECT score FROM assessments WHERE id = $1", [a.id]);
    expect(rows[0].score).toBe(before.computed.score);
    expect((await auditActions(env, c.admin.orgId, a.id)).at(-1)).toBe("assessment.complete");
    problem(await complete(c.admin, a.id), 409, "invalid_transition");
  });

  it("needs a note for conditions or a fail (400) and refuses an assessment not yet submitted (409)", async () => {
    const a = await submittedAssessment();
    expectField(
      problem(await complete(c.admin, a.id, { conclusion: "fail" }), 400, "validation_failed"),
      "body.note",
    );
    const sent = await buildAssessment(env, c.admin, { partnerId: c.partnerId, contactIds });
    const res = problem(await complete(c.admin, sent.id), 409, "invalid_transition");
    expect(res.detail).toBe("An assessment cannot move from sent to completed");
  });

  it("answers 401, 403 to compliance officers and partner users, 404 for another organization", async () => {
    const a = await submittedAssessment();
    problem(await complete(null, a.id), 401, "unauthenticated");
    problem(await complete(c.compliance, a.id), 403, "forbidden");
    problem(await complete(c.partnerUser, a.id), 403, "forbidden");
    problem(await complete(c.other, a.id), 404, "not_found");
  });
});

describe("POST /api/v1/assessments/:id/answers/:questionKey/risk", () => {
  it("raises a risk from a flagged answer once; again returns the same risk with created=false", async () => {
    const a = await submittedAssessment();
    await review(c.compliance, a.id, "mfa_enforced", { decision: "flagged", comment: "No MFA at all" });
    const res = await risk(c.compliance, a.id, "mfa_enforced", { likelihood: 4, impact: 5 });
    expect(res.statusCode).toBe(201);
    const { riskId, created } = res.json();
    expect(created).toBe(true);
    const r = (await call(env, c.admin, { url: `/api/v1/risks/${riskId}` })).json();
    expect(r).toMatchObject({
      partner: { id: c.partnerId },
      category: { key: "data_security" },
      inherent: { likelihood: 4, impact: 5 },
    });
    expect(r.title).toMatch(/\(Information security\)$/);
    expect(r.description).toContain("Answer: No");
    expect(r.description).toContain("No MFA at all");
    const again = await risk(c.admin, a.id, "mfa_enforced");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ riskId, created: false });
    const view = (await call(env, c.admin, { url: `${BASE}/${a.id}` })).json();
    expect(view.answers.find((x: { questionKey: string }) => x.questionKey === "mfa_enforced").riskId).toBe(
      riskId,
    );
    expect(
      (await auditActions(env, c.admin.orgId, a.id)).filter((x) => x === "assessment.risk_from_answer"),
    ).toHaveLength(1);
    expect(await auditActions(env, c.admin.orgId, riskId)).toContain("risk.create");
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM risks WHERE org_id = $1",
      [c.admin.orgId],
    );
    expect(rows[0].n).toBe(1);
  });

  it("answers 409 not_flagged for an accepted or unreviewed answer, 404 for an unknown question, 400 for bad ratings", async () => {
    const a = await submittedAssessment();
    problem(await risk(c.admin, a.id, "security_owner"), 409, "not_flagged");
    await review(c.admin, a.id, "security_owner", { decision: "accepted" });
    problem(await risk(c.admin, a.id, "security_owner"), 409, "not_flagged");
    problem(await risk(c.admin, a.id, "no_such_question"), 404, "not_found");
    expectField(
      problem(await risk(c.admin, a.id, "security_owner", { likelihood: 9 }), 400, "validation_failed"),
      "body.likelihood",
    );
  });

  it("answers 401, 403 to vendor managers and partner users, 404 for another organization", async () => {
    const a = await submittedAssessment();
    problem(await risk(null, a.id, "mfa_enforced"), 401, "unauthenticated");
    problem(await risk(c.vendorManager, a.id, "mfa_enforced"), 403, "forbidden");
    problem(await risk(c.partnerUser, a.id, "mfa_enforced"), 403, "forbidden");
    problem(await risk(c.other, a.id, "mfa_enforced"), 404, "not_found");
  });
});
