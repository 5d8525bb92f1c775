import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  type AssessmentSessions,
  auditActions,
  BASE,
  buildAssessment,
  buildAssessmentSessions,
  buildContact,
  buildTemplate,
  expectField,
  MISSING,
} from "./assessments.testkit.js";

const env = useTestApp();

const post = (s: Session | null, payload: object) => call(env, s, { method: "POST", url: BASE, payload });
const get = (s: Session | null, id: string) => call(env, s, { url: `${BASE}/${id}` });
const patch = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `${BASE}/${id}`, payload });

let c: AssessmentSessions;
let templateId: string;
let contact: { id: string; name: string; email: string };
const due = addDays(todayUtc(), 30);
const body = (overrides: object = {}) => ({
  partnerId: c.partnerId,
  templateId,
  dueDate: due,
  recipientContactIds: [contact.id],
  ...overrides,
});

beforeAll(async () => {
  c = await buildAssessmentSessions(env);
  templateId = (await buildTemplate(env, c.admin)).id;
  contact = await buildContact(env, c.admin, c.partnerId);
});

describe("POST /api/v1/assessments", () => {
  it("drafts from the template's current version, copies the recipients and records assessment.create", async () => {
    const res = await post(c.vendorManager, body({ note: "Annual check" }));
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      partner: { id: c.partnerId },
      template: { id: templateId, title: "Information security", version: 1 },
      purpose: "due_diligence",
      status: "draft",
      dueDate: due,
      overdue: false,
      score: null,
      conclusion: null,
      sentAt: null,
      note: "Annual check",
      createdBy: { id: c.vendorManager.userId },
      recipients: [
        { contactId: contact.id, name: contact.name, email: contact.email, userId: null, invitedAt: null },
      ],
      clarification: null,
    });
    // Conditional questions hidden by unanswered conditions are not counted.
    expect(a.progress.answered).toBe(0);
    expect(a.progress.visible).toBeGreaterThan(10);
    expect(a.computed.score).toBeNull();
    expect(a.answers.every((x: { visible: boolean; value: unknown }) => x.visible && x.value === null)).toBe(
      true,
    );
    expect(await auditActions(env, c.admin.orgId, a.id)).toEqual(["assessment.create"]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT in_use_at FROM questionnaire_template_versions WHERE template_id = $1 AND version = 1",
      [templateId],
    );
    expect(rows[0].in_use_at).not.toBeNull();
  });

  it("keeps version 1 when the template is edited afterwards (the edit makes version 2)", async () => {
    const t = await buildTemplate(env, c.admin);
    const a = (await post(c.admin, body({ templateId: t.id }))).json();
    const tpl = (await call(env, c.admin, { url: `/api/v1/questionnaire-templates/${t.id}` })).json();
    const content = structuredClone(tpl.content);
    content.sections[0].questions[0].text = "Which security attestation do you hold today?";
    const edit = await call(env, c.admin, {
      method: "PATCH",
      url: `/api/v1/questionnaire-templates/${t.id}`,
      payload: { content },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().currentVersion).toBe(2);
    const after = (await get(c.viewer, a.id)).json();
    expect(after.template.version).toBe(1);
    expect(after.content.sections[0].questions[0].text).not.toBe(
      "Which security attestation do you hold today?",
    );
    const next = (await post(c.admin, body({ templateId: t.id }))).json();
    expect(next.template.version).toBe(2);
    expect(next.content.sections[0].questions[0].text).toBe("Which security attestation do you hold today?");
  });

  it("refuses contacts of another partner or without an email with 422 on the recipient's index", async () => {
    const otherPartner = await buildPartner(env, c.admin);
    const foreign = await buildContact(env, c.admin, otherPartner.id);
    const noEmail = (
      await call(env, c.admin, {
        method: "POST",
        url: `/api/v1/partners/${c.partnerId}/contacts`,
        payload: { name: "No mail" },
      })
    ).json();
    const res = problem(
      await post(c.admin, body({ recipientContactIds: [contact.id, foreign.id, noEmail.id] })),
      422,
      "validation_failed",
    );
    expectField(res, "body.recipientContactIds.1");
    expectField(res, "body.recipientContactIds.2");
    expect(res.errors?.map((e) => e.path)).not.toContain("body.recipientContactIds.0");
  });

  it("refuses a past due date and an archived template with 422", async () => {
    expectField(
      problem(await post(c.admin, body({ dueDate: addDays(todayUtc(), -1) })), 422, "validation_failed"),
      "body.dueDate",
    );
    const archived = await buildTemplate(env, c.admin);
    await call(env, c.admin, {
      method: "PATCH",
      url: `/api/v1/questionnaire-templates/${archived.id}`,
      payload: { archived: true },
    });
    expectField(
      problem(await post(c.admin, body({ templateId: archived.id })), 422, "validation_failed"),
      "body.templateId",
    );
  });

  it("answers 400 for a body that does not match the schema", async () => {
    const res = problem(
      await post(c.admin, { partnerId: c.partnerId, dueDate: "tomorrow" }),
      400,
      "validation_failed",
    );
    expectField(res, "body.dueDate");
  });

  it("answers 404 for another organization's partner or template, exactly as for missing ones", async () => {
    const otherPartner = await buildPartner(env, c.other);
    const otherTemplate = await buildTemplate(env, c.other);
    problem(await post(c.admin, body({ partnerId: otherPartner.id })), 404, "not_found");
    problem(await post(c.admin, body({ templateId: otherTemplate.id })), 404, "not_found");
    problem(await post(c.admin, body({ templateId: MISSING })), 404, "not_found");
  });

  it("answers 401 without a session and 403 to viewers and partner users", async () => {
    problem(await post(null, body()), 401, "unauthenticated");
    problem(await post(c.viewer, body()), 403, "forbidden");
    problem(await post(c.partnerUser, body()), 403, "forbidden");
  });
});

describe("GET /api/v1/assessments/:id", () => {
  it("shows answers with points and visibility (hidden but answered included), evidence and the score", async () => {
    const a = await buildAssessment(env, c.admin, {
      partnerId: c.partnerId,
      status: "submitted",
      answers: {
        security_attestation: "soc2_type1",
        security_owner: true,
        penetration_test: false,
        // Left behind on a question hidden since (the pen test answer is now "no").
        pentest_open_findings: true,
      },
    });
    await env.ctx.database.pool.query(
      `INSERT INTO assessment_evidence (org_id, assessment_id, question_key, file_name, content_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, 'security_attestation', 'report "a".pdf', 'application/pdf', 4, 'x', '\\x25504446', $3)`,
      [c.admin.orgId, a.id, c.admin.userId],
    );
    const res = await get(c.viewer, a.id);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const byKey = Object.fromEntries(view.answers.map((x: { questionKey: string }) => [x.questionKey, x]));
    expect(byKey.security_attestation).toMatchObject({ value: "soc2_type1", points: 70, visible: true });
    expect(byKey.security_attestation.evidence).toEqual([
      expect.objectContaining({
        fileName: 'report "a".pdf',
        contentType: "application/pdf",
        size: 4,
        uploadedBy: { id: c.admin.userId, name: expect.any(String) },
      }),
    ]);
    expect(byKey.security_owner).toMatchObject({ value: true, points: 100, visible: true });
    expect(byKey.pentest_open_findings).toMatchObject({ value: true, visible: false });
    expect(byKey.iso_certificate).toBeUndefined(); // hidden and unanswered
    expect(byKey.mfa_enforced).toMatchObject({ value: null, points: null, visible: true });
    // governance: (70 × 2 + 100 × 1) / 3 = 80; technical protection: pen test "no" scores 0.
    expect(view.computed.sections[0]).toMatchObject({ key: "governance", score: 80, answered: 2 });
    expect(view.computed.score).toBe(view.score);
    expect(view.progress.answered).toBe(3);
    expect(view.status).toBe("submitted");
  });

  it("answers 400 for a malformed id, 401, 403 to partner users and 404 for another organization's id", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId, status: "draft" });
    problem(await get(c.admin, "not-a-uuid"), 400, "validation_failed");
    problem(await get(null, a.id), 401, "unauthenticated");
    problem(await get(c.partnerUser, a.id), 403, "forbidden");
    problem(await get(c.other, a.id), 404, "not_found");
    problem(await get(c.admin, MISSING), 404, "not_found");
  });
});

describe("GET /api/v1/assessments/:id/evidence/:evidenceId", () => {
  it("streams the file as an attachment with its type and nosniff", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId });
    const { rows } = await env.ctx.database.pool.query(
      `INSERT INTO assessment_evidence (org_id, assessment_id, question_key, file_name, content_type, size, sha256, content)
       VALUES ($1, $2, 'security_attestation', 'Rapport d''audit é.pdf', 'application/pdf', 4, 'x', '\\x25504446') RETURNING id`,
      [c.admin.orgId, a.id],
    );
    const url = `${BASE}/${a.id}/evidence/${rows[0].id}`;
    const res = await call(env, c.viewer, { url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("Rapport d'audit é.pdf")}`,
    );
    expect(res.rawPayload.toString("latin1")).toBe("%PDF");
    problem(await call(env, null, { url }), 401, "unauthenticated");
    problem(await call(env, c.partnerUser, { url }), 403, "forbidden");
    problem(await call(env, c.other, { url }), 404, "not_found");
    problem(await call(env, c.admin, { url: `${BASE}/${a.id}/evidence/${MISSING}` }), 404, "not_found");
    problem(await call(env, c.admin, { url: `${BASE}/${a.id}/evidence/nope` }), 400, "validation_failed");
  });
});

describe("PATCH /api/v1/assessments/:id", () => {
  it("changes recipients and note of a draft, records assessment.update", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId, status: "draft" });
    const second = await buildContact(env, c.admin, c.partnerId);
    const res = await patch(c.vendorManager, a.id, { recipientContactIds: [second.id], note: "Now to Ops" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      note: "Now to Ops",
      recipients: [{ contactId: second.id, email: second.email }],
    });
    expect(await auditActions(env, c.admin.orgId, a.id)).toEqual(["assessment.create", "assessment.update"]);
  });

  it("changes the due date of a sent one but refuses recipients or note (409 not_draft) and a past date (422)", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId });
    const later = addDays(todayUtc(), 60);
    expect((await patch(c.admin, a.id, { dueDate: later })).json().dueDate).toBe(later);
    problem(await patch(c.admin, a.id, { note: "x" }), 409, "not_draft");
    problem(await patch(c.admin, a.id, { recipientContactIds: [contact.id] }), 409, "not_draft");
    expectField(
      problem(await patch(c.admin, a.id, { dueDate: addDays(todayUtc(), -2) }), 422, "validation_failed"),
      "body.dueDate",
    );
    problem(await patch(c.admin, a.id, {}), 400, "validation_failed");
  });

  it("refuses changes to a closed assessment, 401, 403 and another organization's 404", async () => {
    const done = await buildAssessment(env, c.admin, { partnerId: c.partnerId, status: "completed" });
    problem(await patch(c.admin, done.id, { dueDate: due }), 409, "invalid_transition");
    problem(await patch(null, done.id, { dueDate: due }), 401, "unauthenticated");
    problem(await patch(c.viewer, done.id, { dueDate: due }), 403, "forbidden");
    problem(await patch(c.partnerUser, done.id, { dueDate: due }), 403, "forbidden");
    problem(await patch(c.other, done.id, { dueDate: due }), 404, "not_found");
  });
});

describe("POST /api/v1/assessments/:id/cancel", () => {
  const cancel = (s: Session | null, id: string, payload: object = { reason: "Partner dropped" }) =>
    call(env, s, { method: "POST", url: `${BASE}/${id}/cancel`, payload });

  it("cancels an open assessment with its reason; a second cancel is an invalid transition", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId });
    const res = await cancel(c.vendorManager, a.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "cancelled", cancelReason: "Partner dropped" });
    expect((await auditActions(env, c.admin.orgId, a.id)).at(-1)).toBe("assessment.cancel");
    const again = problem(await cancel(c.admin, a.id), 409, "invalid_transition");
    expect(again.detail).toBe("An assessment cannot move from cancelled to cancelled");
  });

  it("answers 400 without a reason, 401, 403 and 404 for another organization", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId, status: "draft" });
    expectField(problem(await cancel(c.admin, a.id, {}), 400, "validation_failed"), "body.reason");
    problem(await cancel(null, a.id), 401, "unauthenticated");
    problem(await cancel(c.viewer, a.id), 403, "forbidden");
    problem(await cancel(c.partnerUser, a.id), 403, "forbidden");
    problem(await cancel(c.other, a.id), 404, "not_found");
  });
});

describe("GET /api/v1/assessments/:id/history", () => {
  it("lists the assessment's audit events, newest first; 401, 403 to partner users, 404 elsewhere", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId });
    const url = `${BASE}/${a.id}/history`;
    const res = await call(env, c.viewer, { url });
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toContain("assessment.send");
    expect(actions.at(-1)).toBe("assessment.create");
    problem(await call(env, null, { url }), 401, "unauthenticated");
    problem(await call(env, c.partnerUser, { url }), 403, "forbidden");
    problem(await call(env, c.other, { url }), 404, "not_found");
    problem(await call(env, c.admin, { url: `${url}?limit=0` }), 400, "validation_failed");
  });
});
