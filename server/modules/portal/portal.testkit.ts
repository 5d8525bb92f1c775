import type { AssessmentStatus } from "../../../domain/assessments.js";
import type { AnswerValue, TemplateContent } from "../../../domain/questionnaires.js";
import { call, type Session, type TestEnv } from "../../test/harness.js";
import { buildAssessment } from "../assessments/assessments.testkit.js";

/** Helpers of the portal, evidence and XLSX tests (not loaded by the app). */

export {
  type AssessmentSessions,
  auditActions,
  buildAssessmentSessions,
  expectField,
  MISSING,
  notificationsOf,
  setAssessment,
} from "../assessments/assessments.testkit.js";

export const PORTAL = "/api/v1/portal/assessments";

/**
 * A template using every question type: a required yes/no with a required follow-up on "no", a
 * single and a multi choice, a number, a date, and a required `file` question needing evidence.
 */
export function portalContent(): TemplateContent {
  const q = (key: string, text: string, type: string, extra: object = {}) => ({
    key,
    text,
    type,
    weight: 1,
    required: false,
    evidenceRequired: false,
    riskCategory: "data_security",
    ...extra,
  });
  return {
    title: `Security check ${Math.random().toString(36).slice(2, 6)}`,
    sections: [
      {
        key: "general",
        title: "General",
        weight: 1,
        questions: [
          q("has_policy", "Do you have a security policy?", "yes_no", { required: true }),
          q("why_not", "Why not?", "text", {
            required: true,
            weight: 0,
            showIf: { question: "has_policy", equals: false },
          }),
          q("level", "Maturity level", "single_choice", {
            options: [
              { value: "basic", label: "Basic", score: 30 },
              { value: "advanced", label: "Advanced, audited", score: 100 },
            ],
          }),
          q("controls", "Controls in place", "multi_choice", {
            options: [
              { value: "mfa", label: "MFA", score: 50 },
              { value: "backup", label: "Backups", score: 30 },
              { value: "edr", label: "EDR", score: 20 },
            ],
          }),
          q("staff", "Staff count", "number", { weight: 0 }),
          q("certified_on", "Certified on", "date", { weight: 0 }),
        ],
      },
      {
        key: "docs",
        title: "Documents",
        weight: 1,
        questions: [
          q("policy_doc", "Upload your policy", "file", {
            required: true,
            evidenceRequired: true,
            weight: 0,
          }),
        ],
      },
    ],
  } as TemplateContent;
}

/** Creates a template from `portalContent()` through the API and returns its id. */
export async function buildPortalTemplate(env: TestEnv, s: Session): Promise<string> {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/questionnaire-templates",
    payload: { content: portalContent() },
  });
  if (res.statusCode !== 201) throw new Error(`buildPortalTemplate: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** An assessment of `partnerId` on the portal template, in `status` (default `sent`). */
export async function buildPortalAssessment(
  env: TestEnv,
  admin: Session,
  partnerId: string,
  opts: { status?: AssessmentStatus; dueDate?: string; answers?: Record<string, AnswerValue> } = {},
) {
  const templateId = await buildPortalTemplate(env, admin);
  return buildAssessment(env, admin, { partnerId, templateId, ...opts });
}

/** A multipart body with `questionKey` first, then one file. */
export function multipart(questionKey: string | null, fileName: string, data: Buffer | string) {
  const boundary = `----outsight${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  if (questionKey !== null)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="questionKey"\r\n\r\n${questionKey}\r\n`,
      ),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small valid PDF-looking file (the magic bytes are what the type check reads). */
export const PDF = Buffer.from("%PDF-1.4\n% test evidence\n%%EOF\n");
