import { and, eq } from "drizzle-orm";
import { type AssessmentSettings, DEFAULT_ASSESSMENT_SETTINGS } from "../../../domain/assessments.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { invalid } from "../../platform/errors.js";
import { questionnaireTemplates } from "../questionnaires/questionnaires.tables.js";
import { assessmentSettings } from "./assessments.tables.js";

/**
 * The organization's assessment settings, or the defaults when it never saved any. Merged over the
 * defaults so a field added later has a value for organizations that saved before it existed.
 */
export async function loadAssessmentSettings(q: Queryable, orgId: string): Promise<AssessmentSettings> {
  const [row] = await q
    .select({ settings: assessmentSettings.settings })
    .from(assessmentSettings)
    .where(eq(assessmentSettings.orgId, orgId));
  if (!row) return DEFAULT_ASSESSMENT_SETTINGS;
  return {
    ...DEFAULT_ASSESSMENT_SETTINGS,
    ...row.settings,
    cadenceMonths: { ...DEFAULT_ASSESSMENT_SETTINGS.cadenceMonths, ...row.settings.cadenceMonths },
  };
}

/**
 * Replaces the settings, audited with before and after. The reassessment template must be an
 * active (not archived) template of the organization: the scheduler would otherwise draft from a
 * template nobody can see, or fail every night on another organization's id.
 */
export async function saveAssessmentSettings(tx: Tx, actor: Actor, settings: AssessmentSettings) {
  if (settings.reassessmentTemplateId) {
    const [t] = await tx
      .select({ archived: questionnaireTemplates.archived })
      .from(questionnaireTemplates)
      .where(
        and(
          eq(questionnaireTemplates.orgId, actor.orgId),
          eq(questionnaireTemplates.id, settings.reassessmentTemplateId),
        ),
      );
    if (!t || t.archived)
      throw invalid("The reassessment template must be one of your active templates", [
        {
          path: "body.reassessmentTemplateId",
          message: t ? "This template is archived" : "No such template",
        },
      ]);
  }
  const before = await loadAssessmentSettings(tx, actor.orgId);
  await tx
    .insert(assessmentSettings)
    .values({ orgId: actor.orgId, settings })
    .onConflictDoUpdate({ target: assessmentSettings.orgId, set: { settings, updatedAt: new Date() } });
  await recordAudit(tx, actor.orgId, auditActorOf(actor), {
    action: "assessment_settings.update",
    entityType: "assessment_settings",
    entityId: actor.orgId,
    before,
    after: settings,
  });
  return settings;
}
