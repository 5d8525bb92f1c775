import { and, eq, inArray, type SQL } from "drizzle-orm";
import { PORTAL_VISIBLE_STATUSES } from "../../../domain/assessments.js";
import type { PortalAssessment, PortalAssessmentItem } from "../../../domain/portal.js";
import type { Answers } from "../../../domain/questionnaire-answers.js";
import type { AnswerValue, TemplateContent } from "../../../domain/questionnaires.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { Queryable } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import {
  type AssessmentRow,
  answersOf,
  assessmentContent,
  evidenceKeys,
  isEditable,
  missingForSubmit,
  progressOf,
} from "../assessments/answers.js";
import { assessmentAnswers, assessments } from "../assessments/assessments.tables.js";
import { evidenceOf } from "../assessments/evidence.js";
import { questionnaireTemplateVersions } from "../questionnaires/questionnaires.tables.js";

/**
 * Scoping and presenting for the partner portal. The scope is one WHERE clause used by every
 * portal query: the actor's organization AND partner AND a status partners may see. Anything
 * outside it, whatever the reason, is the same 404 as a missing id.
 */

/** The portal's WHERE clause for `actor` (a partner user without a partner sees nothing). */
export function portalScope(actor: Actor): SQL {
  return and(
    eq(assessments.orgId, actor.orgId),
    eq(assessments.partnerId, actor.partnerId ?? "00000000-0000-0000-0000-000000000000"),
    inArray(assessments.status, [...PORTAL_VISIBLE_STATUSES]),
  ) as SQL;
}

/** One assessment in the portal's scope, optionally locked for update; 404 otherwise. */
export async function portalAssessment(
  q: Queryable,
  actor: Actor,
  id: string,
  lock = false,
): Promise<AssessmentRow> {
  const where = and(eq(assessments.id, id), portalScope(actor));
  const [row] = lock
    ? await q.select().from(assessments).where(where).for("update")
    : await q.select().from(assessments).where(where);
  if (!row) throw notFound("Assessment");
  return row;
}

const overdue = (row: AssessmentRow) => isEditable(row) && row.dueDate < todayUtc();

/** An assessment as a portal list item, given its content and answers. */
export function presentItem(
  row: AssessmentRow,
  content: TemplateContent,
  answers: Answers,
): PortalAssessmentItem {
  return {
    id: row.id,
    title: content.title,
    status: row.status as PortalAssessmentItem["status"],
    dueDate: row.dueDate,
    overdue: overdue(row),
    editable: isEditable(row),
    progress: progressOf(content, answers).progress,
    sentAt: row.sentAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/** Contents and answers of several assessments in two queries (the portal list). */
export async function contentsAndAnswers(q: Queryable, rows: AssessmentRow[]) {
  if (!rows.length)
    return { contents: new Map<string, TemplateContent>(), answers: new Map<string, Answers>() };
  const versions = await q
    .select({
      templateId: questionnaireTemplateVersions.templateId,
      version: questionnaireTemplateVersions.version,
      content: questionnaireTemplateVersions.content,
    })
    .from(questionnaireTemplateVersions)
    .where(
      and(
        eq(questionnaireTemplateVersions.orgId, rows[0].orgId),
        inArray(questionnaireTemplateVersions.templateId, [...new Set(rows.map((r) => r.templateId))]),
      ),
    );
  const byVersion = new Map(versions.map((v) => [`${v.templateId}:${v.version}`, v.content]));
  const contents = new Map(
    rows.map((r) => [r.id, byVersion.get(`${r.templateId}:${r.templateVersion}`) as TemplateContent]),
  );
  const answerRows = await q
    .select({
      id: assessmentAnswers.assessmentId,
      key: assessmentAnswers.questionKey,
      value: assessmentAnswers.value,
    })
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.orgId, rows[0].orgId),
        inArray(
          assessmentAnswers.assessmentId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const answers = new Map<string, Answers>(rows.map((r) => [r.id, {}]));
  for (const a of answerRows)
    if (a.value !== null) (answers.get(a.id) as Answers)[a.key] = a.value as AnswerValue;
  return { contents, answers };
}

/**
 * The full portal view: questions, answers with their evidence, progress by section, the
 * clarification (without who asked) and what is missing for a submission. Reviewer decisions,
 * comments and scores are never read here, so they cannot leak.
 */
export async function presentPortalAssessment(q: Queryable, row: AssessmentRow): Promise<PortalAssessment> {
  const content = await assessmentContent(q, row);
  const answers = await answersOf(q, row);
  const updated = await q
    .select({ key: assessmentAnswers.questionKey, updatedAt: assessmentAnswers.updatedAt })
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.assessmentId, row.id), eq(assessmentAnswers.orgId, row.orgId)));
  const updatedAt = new Map(updated.map((u) => [u.key, u.updatedAt?.toISOString() ?? null]));
  const evidence = await evidenceOf(q, row);
  const keys = new Set([...Object.keys(answers), ...evidence.map((e) => e.questionKey)]);
  const { sections } = progressOf(content, answers);
  return {
    ...presentItem(row, content, answers),
    content,
    answers: [...keys].sort().map((k) => ({
      questionKey: k,
      value: answers[k] ?? null,
      updatedAt: updatedAt.get(k) ?? null,
      evidence: evidence.filter((e) => e.questionKey === k),
    })),
    sections,
    clarification: row.clarification
      ? {
          message: row.clarification.message,
          questionKeys: row.clarification.questionKeys,
          requestedAt: row.clarification.requestedAt,
        }
      : null,
    missing: missingForSubmit(content, answers, await evidenceKeys(q, row)),
  };
}
