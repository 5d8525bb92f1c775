import type { TemplateContent } from "../../../domain/questionnaires.js";
import { buildOrg, buildPartner, buildUser, call, type Session, type TestEnv } from "../../test/harness.js";

/** Helpers shared by the questionnaire templates' integration tests (not loaded by the app). */

export { auditActions, expectField, MISSING } from "../risks/risks.testkit.js";

export const BASE = "/api/v1/questionnaire-templates";

/** The cast of the template tests: one organization's roles, and another organization. */
export interface TemplateSessions {
  admin: Session;
  /** The admin of another organization, whose ids must answer 404. */
  other: Session;
  riskManager: Session;
  compliance: Session;
  vendorManager: Session;
  viewer: Session;
  partnerUser: Session;
}

/** Creates the organizations and signed-in users every template test file starts from. */
export async function buildTemplateSessions(env: TestEnv): Promise<TemplateSessions> {
  const admin = await buildOrg(env);
  const other = await buildOrg(env);
  const riskManager = await buildUser(env, admin.orgId, "risk_manager");
  const compliance = await buildUser(env, admin.orgId, "compliance_officer");
  const vendorManager = await buildUser(env, admin.orgId, "vendor_manager");
  const viewer = await buildUser(env, admin.orgId, "viewer");
  const partnerId = (await buildPartner(env, admin)).id;
  const partnerUser = await buildUser(env, admin.orgId, "partner", partnerId);
  return { admin, other, riskManager, compliance, vendorManager, viewer, partnerUser };
}

/** A small valid template: a yes/no question and a follow-up shown only on "no". */
export function sampleContent(title = `Template ${Math.random().toString(36).slice(2, 8)}`): TemplateContent {
  return {
    title,
    description: "A short check",
    sections: [
      {
        key: "basics",
        title: "Basics",
        weight: 1,
        questions: [
          {
            key: "has_policy",
            text: "Do you have a security policy?",
            type: "yes_no",
            weight: 2,
            required: true,
            evidenceRequired: false,
            riskCategory: "data_security",
          },
          {
            key: "why_not",
            text: "Why not?",
            type: "text",
            weight: 0,
            required: false,
            evidenceRequired: false,
            showIf: { question: "has_policy", equals: false },
            riskCategory: "data_security",
          },
        ],
      },
    ],
  };
}

/** Creates a template through the API from `content` (a sample unless given). */
export async function buildTemplate(env: TestEnv, s: Session, content: TemplateContent = sampleContent()) {
  const res = await call(env, s, { method: "POST", url: BASE, payload: { content } });
  if (res.statusCode !== 201) throw new Error(`buildTemplate: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; title: string; currentVersion: number };
}

/** Marks a version as used by an assessment, as the assessments slice will when one starts. */
export async function markInUse(env: TestEnv, templateId: string, version: number) {
  await env.ctx.database.pool.query(
    "UPDATE questionnaire_template_versions SET in_use_at = now() WHERE template_id = $1 AND version = $2",
    [templateId, version],
  );
}
