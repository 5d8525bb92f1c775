import { and, eq, inArray } from "drizzle-orm";
import { PARTNER_EDITABLE_STATUSES } from "../../../domain/assessments.js";
import {
  type Answers,
  allQuestions,
  answerProblems,
  isAnswered,
  visibleQuestions,
} from "../../../domain/questionnaire-answers.js";
import { progress, scoreAssessment } from "../../../domain/questionnaire-scoring.js";
import type { AnswerValue, TemplateContent } from "../../../domain/questionnaires.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { questionnaireTemplateVersions } from "../questionnaires/questionnaires.tables.js";
import { assessmentAnswers, assessmentEvidence, assessments } from "./assessments.tables.js";

/**
 * Writing a partner's answers (issue 6), shared by the portal's autosave and the XLSX import so
 * both apply the same checks, the same `sent → in_progress` move and the same audit event.
 *
 * File questions: the evidence table is the answer. Uploading evidence to a `file` question sets
 * its answer to the id of the newest file of that question (a string, which is what
 * `answerProblems` expects of a file answer), and removing the last file clears it, in the same
 * transaction; so `isAnswered`, progress and "required" work for file questions with no special
 * case. Saving a file question's value directly is accepted only when it names one of its files.
 */

/** An assessment row as stored. */
export type AssessmentRow = typeof assessments.$inferSelect;

/** Statuses in which the partner (or staff importing for them) may change answers. */
export const isEditable = (row: Pick<AssessmentRow, "status">) =>
  (PARTNER_EDITABLE_STATUSES as readonly string[]).includes(row.status);

/** Refuses a change when the assessment is not open for answers (409 `not_editable`). */
export function assertEditable(row: AssessmentRow): void {
  if (!isEditable(row))
    throw conflict(
      `The assessment is ${row.status.replace(/_/g, " ")}; answers can no longer be changed`,
      "not_editable",
    );
}

/** The template version content an assessment answers (fixed at creation). */
export async function assessmentContent(q: Queryable, row: AssessmentRow): Promise<TemplateContent> {
  const [v] = await q
    .select({ content: questionnaireTemplateVersions.content })
    .from(questionnaireTemplateVersions)
    .where(
      and(
        eq(questionnaireTemplateVersions.templateId, row.templateId),
        eq(questionnaireTemplateVersions.version, row.templateVersion),
        eq(questionnaireTemplateVersions.orgId, row.orgId),
      ),
    );
  if (!v) throw notFound("Questionnaire version");
  return v.content;
}

/** The stored answers of an assessment as `{ key: value }` (rows with a null value are skipped). */
export async function answersOf(q: Queryable, row: AssessmentRow): Promise<Answers> {
  const rows = await q
    .select({ key: assessmentAnswers.questionKey, value: assessmentAnswers.value })
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.assessmentId, row.id), eq(assessmentAnswers.orgId, row.orgId)));
  return Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.key, r.value as AnswerValue]));
}

/** Question keys that have at least one evidence file. */
export async function evidenceKeys(q: Queryable, row: AssessmentRow): Promise<Set<string>> {
  const rows = await q
    .selectDistinct({ key: assessmentEvidence.questionKey })
    .from(assessmentEvidence)
    .where(and(eq(assessmentEvidence.assessmentId, row.id), eq(assessmentEvidence.orgId, row.orgId)));
  return new Set(rows.map((r) => r.key));
}

/** A problem in the portal's shape. */
export interface Missing {
  questionKey: string;
  message: string;
}

/**
 * What would stop a submission now: visible required questions unanswered, invalid answers, and
 * visible answered questions marked `evidenceRequired` without a file (the domain check leaves
 * evidence to the server, which knows the uploads). Document order.
 */
export function missingForSubmit(
  content: TemplateContent,
  answers: Answers,
  withEvidence: Set<string>,
): Missing[] {
  const problems = new Map<string, string>();
  for (const p of answerProblems(content, answers, { forSubmit: true }))
    if (!problems.has(p.key)) problems.set(p.key, p.message);
  const visible = visibleQuestions(content, answers);
  const out: Missing[] = [];
  for (const q of allQuestions(content)) {
    const problem = problems.get(q.key);
    if (problem) out.push({ questionKey: q.key, message: problem });
    else if (
      q.evidenceRequired &&
      visible.has(q.key) &&
      isAnswered(answers[q.key]) &&
      !withEvidence.has(q.key)
    )
      out.push({ questionKey: q.key, message: "Evidence is required: attach a file" });
  }
  return out;
}

/** Progress overall and by section (visible questions only). */
export function progressOf(content: TemplateContent, answers: Answers) {
  const score = scoreAssessment(content, answers);
  return {
    progress: progress(score),
    sections: score.sections.map((s) => ({
      key: s.key,
      title: s.title,
      answered: s.answered,
      visible: s.visible,
    })),
  };
}

/** How a save went: which keys changed and how. */
export interface SaveOutcome {
  updated: string[];
  cleared: string[];
  unchanged: string[];
  status: AssessmentRow["status"];
  updatedAt: Date;
}

const same = (a: AnswerValue | undefined, b: AnswerValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The audit form of a value: long texts are cut, so the trail does not hold whole essays. */
const auditValue = (v: AnswerValue | undefined) =>
  typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…` : (v ?? null);

/**
 * Writes a partial set of answers in the caller's transaction: null clears an answer (the row is
 * deleted), other values are upserted, unchanged values write nothing. Unknown keys and invalid
 * values are refused together (422, `errors[].path` = `body.answers.<key>`, or `pathPrefix`),
 * before anything is written. The first real change moves a `sent` assessment to `in_progress`.
 * One audit event `assessment.answers_saved` lists the changed keys. The caller has locked `row`
 * and checked it is editable.
 */
export async function saveAnswers(
  tx: Tx,
  actor: Actor,
  row: AssessmentRow,
  content: TemplateContent,
  answers: Record<string, AnswerValue | null>,
  opts: { source: "portal" | "import"; dryRun?: boolean; pathPrefix?: string },
): Promise<SaveOutcome> {
  const prefix = opts.pathPrefix ?? "body.answers.";
  const before = await answersOf(tx, row);
  const after: Answers = { ...before };
  for (const [k, v] of Object.entries(answers)) after[k] = v === null ? undefined : v;
  const questions = new Map(allQuestions(content).map((q) => [q.key, q]));
  const errors: { path: string; message: string }[] = [];
  for (const key of Object.keys(answers))
    if (!questions.has(key)) errors.push({ path: prefix + key, message: "Unknown question" });
  // Only the submitted keys are judged: an old invalid answer elsewhere must not block this save.
  const submitted = Object.fromEntries(Object.entries(answers).filter(([k]) => questions.has(k)));
  for (const p of answerProblems(content, { ...after, ...submitted }, { forSubmit: false }))
    if (p.key in submitted && submitted[p.key] !== null)
      errors.push({ path: prefix + p.key, message: p.message });
  // A file question's answer follows its uploads (see above): it may only name one of its files,
  // and cannot be cleared while files remain (remove the files instead).
  const fileKeys = Object.keys(submitted).filter((k) => questions.get(k)?.type === "file");
  if (fileKeys.length) {
    const files = await tx
      .select({ id: assessmentEvidence.id, key: assessmentEvidence.questionKey })
      .from(assessmentEvidence)
      .where(
        and(eq(assessmentEvidence.assessmentId, row.id), inArray(assessmentEvidence.questionKey, fileKeys)),
      );
    for (const k of fileKeys) {
      const own = files.filter((f) => f.key === k);
      if (isAnswered(submitted[k]) && !own.some((f) => f.id === submitted[k]))
        errors.push({ path: prefix + k, message: "Upload a file to this question instead" });
      else if (!isAnswered(submitted[k]) && own.length)
        errors.push({ path: prefix + k, message: "Remove the uploaded files to clear this answer" });
    }
  }
  if (errors.length) throw invalid("Some answers are not valid", errors);

  const updated: string[] = [];
  const cleared: string[] = [];
  const unchanged: string[] = [];
  for (const [k, v] of Object.entries(submitted)) {
    if (same(before[k], v ?? undefined)) unchanged.push(k);
    else if (v === null || !isAnswered(v)) (before[k] === undefined ? unchanged : cleared).push(k);
    else updated.push(k);
  }
  const now = new Date();
  if (opts.dryRun || (!updated.length && !cleared.length))
    return { updated, cleared, unchanged, status: row.status, updatedAt: row.updatedAt ?? now };

  if (cleared.length)
    await tx
      .delete(assessmentAnswers)
      .where(
        and(eq(assessmentAnswers.assessmentId, row.id), inArray(assessmentAnswers.questionKey, cleared)),
      );
  for (const k of updated)
    await tx
      .insert(assessmentAnswers)
      .values({
        assessmentId: row.id,
        orgId: row.orgId,
        questionKey: k,
        value: submitted[k],
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: [assessmentAnswers.assessmentId, assessmentAnswers.questionKey],
        set: { value: submitted[k], updatedAt: now, updatedBy: actor.userId },
      });
  const status = row.status === "sent" ? "in_progress" : row.status;
  await tx.update(assessments).set({ status, updatedAt: now }).where(eq(assessments.id, row.id));
  await recordAudit(tx, row.orgId, auditActorOf(actor), {
    action: "assessment.answers_saved",
    entityType: "assessment",
    entityId: row.id,
    relatedIds: [row.partnerId],
    before: {
      status: row.status,
      answers: Object.fromEntries([...updated, ...cleared].map((k) => [k, auditValue(before[k])])),
    },
    after: {
      status,
      source: opts.source,
      changed: [...updated, ...cleared],
      answers: Object.fromEntries([...updated, ...cleared].map((k) => [k, auditValue(after[k])])),
    },
  });
  return { updated, cleared, unchanged, status, updatedAt: now };
}
