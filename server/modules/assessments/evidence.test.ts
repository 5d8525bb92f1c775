import { beforeAll, describe, expect, it } from "vitest";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_QUESTION } from "../../../domain/portal.js";
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
  PDF,
  PORTAL,
} from "../portal/portal.testkit.js";
import { evidenceType, sanitizeFileName } from "./evidence.js";

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: AssessmentSessions;

beforeAll(async () => {
  s = await buildAssessmentSessions(env);
});

const upload = (id: string, key: string | null, name: string, data: Buffer | string, who = s.partnerUser) =>
  call(env, who, { method: "POST", url: `${PORTAL}/${id}/evidence`, ...multipart(key, name, data) });

describe("POST /api/v1/portal/assessments/:id/evidence", () => {
  it("stores a file with its hash, answers the file question with it and audits it", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const res = await upload(a.id, "policy_doc", "../../etc/Policy\u202e.pdf", PDF);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      questionKey: "policy_doc",
      fileName: "Policy.pdf",
      contentType: "application/pdf",
    });
    expect(file.size).toBe(PDF.length);
    expect(file.uploadedBy.id).toBe(s.partnerUser.userId);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT sha256 FROM assessment_evidence WHERE id = $1",
      [file.id],
    );
    expect(rows[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const view = (await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${a.id}` })).json();
    expect(view.status).toBe("in_progress");
    const answer = view.answers.find((x: { questionKey: string }) => x.questionKey === "policy_doc");
    expect(answer.value).toBe(file.id);
    expect(answer.evidence.map((e: { id: string }) => e.id)).toEqual([file.id]);
    expect(view.missing.map((m: { questionKey: string }) => m.questionKey)).toEqual(["has_policy"]);
    expect(await auditActions(env, s.admin.orgId, a.id)).toContain("assessment.evidence_added");

    // The file question's answer follows its files: it can name one of them, not be cleared by hand.
    const put = (answers: object) =>
      call(env, s.partnerUser, { method: "PUT", url: `${PORTAL}/${a.id}/answers`, payload: { answers } });
    expect((await put({ policy_doc: file.id })).json().saved).toBe(0);
    expectField(
      problem(await put({ policy_doc: null }), 422, "validation_failed"),
      "body.answers.policy_doc",
    );

    // Evidence may be attached to any question, not only file questions.
    expect((await upload(a.id, "level", "notes.txt", "plain notes")).statusCode).toBe(201);

    const dl = await call(env, s.partnerUser, {
      method: "GET",
      url: `${PORTAL}/${a.id}/evidence/${file.id}`,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-disposition"]).toMatch(/^attachment; filename="Policy.pdf"/);
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(dl.rawPayload.equals(PDF)).toBe(true);

    const del = await call(env, s.partnerUser, {
      method: "DELETE",
      url: `${PORTAL}/${a.id}/evidence/${file.id}`,
    });
    expect(del.statusCode).toBe(204);
    const after = (await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${a.id}` })).json();
    expect(after.answers.map((x: { questionKey: string }) => x.questionKey)).toEqual(["level"]);
    expect(await auditActions(env, s.admin.orgId, a.id)).toContain("assessment.evidence_removed");
    problem(
      await call(env, s.partnerUser, { method: "DELETE", url: `${PORTAL}/${a.id}/evidence/${file.id}` }),
      404,
    );
  });

  it("refuses executables, unknown types, wrong magic bytes, unknown questions and a missing field", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    problem(
      await upload(a.id, "policy_doc", "policy.pdf", Buffer.from("MZ\x90\x00rest")),
      422,
      "file_type_refused",
    );
    problem(await upload(a.id, "policy_doc", "run.sh", "\x7fELF...."), 422, "file_type_refused");
    problem(await upload(a.id, "policy_doc", "page.html", "<html></html>"), 422, "file_type_refused");
    problem(await upload(a.id, "policy_doc", "fake.pdf", "not a pdf"), 422, "file_type_refused");
    expectField(
      problem(await upload(a.id, "nope_key", "a.pdf", PDF), 422, "validation_failed"),
      "questionKey",
    );
    expectField(problem(await upload(a.id, null, "a.pdf", PDF), 422, "validation_failed"), "questionKey");
    problem(
      await call(env, s.partnerUser, {
        method: "POST",
        url: `${PORTAL}/${a.id}/evidence`,
        payload: { x: 1 },
      }),
      415,
    );
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM assessment_evidence WHERE assessment_id = $1",
      [a.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it("refuses a file over the limit with 413 file_too_large", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 10, 0x20);
    big.write("%PDF-1.4", 0);
    problem(await upload(a.id, "policy_doc", "big.pdf", big), 413, "file_too_large");
  });

  it(`refuses more than ${MAX_EVIDENCE_PER_QUESTION} files per question (409 too_many_files)`, async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    for (let i = 0; i < MAX_EVIDENCE_PER_QUESTION; i++)
      expect((await upload(a.id, "policy_doc", `p${i}.pdf`, PDF)).statusCode).toBe(201);
    problem(await upload(a.id, "policy_doc", "one-more.pdf", PDF), 409, "too_many_files");
  });

  it("refuses uploads and removals once submitted (409) and outside the partner's scope (404)", async () => {
    const done = await buildPortalAssessment(env, s.admin, s.partnerId, { status: "submitted" });
    problem(await upload(done.id, "policy_doc", "a.pdf", PDF), 409, "not_editable");
    problem(
      await call(env, s.partnerUser, { method: "DELETE", url: `${PORTAL}/${done.id}/evidence/${MISSING}` }),
      409,
      "not_editable",
    );
    const p2 = await buildPartner(env, s.admin);
    const theirs = await buildPortalAssessment(env, s.admin, p2.id);
    const o2 = await buildPortalAssessment(env, s.other, (await buildPartner(env, s.other)).id);
    for (const id of [theirs.id, o2.id, MISSING]) {
      problem(await upload(id, "policy_doc", "a.pdf", PDF), 404, "not_found");
      problem(
        await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${id}/evidence/${MISSING}` }),
        404,
      );
    }
  });

  it("refuses staff (403) and anonymous callers (401)", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    problem(await upload(a.id, "policy_doc", "a.pdf", PDF, s.admin), 403, "forbidden");
    problem(
      await call(env, null, {
        method: "POST",
        url: `${PORTAL}/${a.id}/evidence`,
        ...multipart("policy_doc", "a.pdf", PDF),
      }),
      401,
    );
    problem(await call(env, s.admin, { method: "GET", url: `${PORTAL}/${a.id}/evidence/${MISSING}` }), 403);
    problem(await call(env, null, { method: "DELETE", url: `${PORTAL}/${a.id}/evidence/${MISSING}` }), 401);
  });
});

describe("file names and types", () => {
  it("keeps only a safe last path segment of at most 200 characters", () => {
    expect(sanitizeFileName("C:\\Users\\x\\report.pdf")).toBe("report.pdf");
    expect(sanitizeFileName("a\u0000b\u0007c.txt")).toBe("abc.txt");
    expect(sanitizeFileName("...")).toBe("file");
    const long = sanitizeFileName(`${"n".repeat(300)}.docx`);
    expect(long.length).toBe(200);
    expect(long.endsWith(".docx")).toBe(true);
  });
  it("decides the type by extension and checks magic bytes", () => {
    expect(evidenceType("a.PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]))).toBe("image/png");
    expect(() => evidenceType("a.zip", Buffer.from("PK.."))).toThrow();
    expect(() => evidenceType("a.txt", Buffer.from("#!/bin/sh"))).toThrow();
  });
});
