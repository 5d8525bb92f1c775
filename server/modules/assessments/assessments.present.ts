import type {
  AnswerView,
  Assessment,
  AssessmentConclusion,
  AssessmentListItem,
  AssessmentPurpose,
  AssessmentStatus,
  EvidenceFile,
} from "../../../domain/assessments.js";
import { type Answers, allQuestions, visibleQuestions } from "../../../domain/questionnaire-answers.js";
import { progress, questionScore, scoreAssessment } from "../../../domain/questionnaire-scoring.js";
import type { TemplateContent } from "../../../domain/questionnaires.js";
import type {
  assessmentAnswers,
  assessmentEvidence,
  assessmentRecipients,
  assessments,
} from "./assessments.tables.js";

/** An assessment row as stored. */
export type AssessmentRow = typeof assessments.$inferSelect;
type AnswerRow = typeof assessmentAnswers.$inferSelect;
type RecipientRow = typeof assessmentRecipients.$inferSelect;
/** Evidence metadata: every column but the content and where its ciphertext is. */
export type EvidenceMeta = Omit<
  typeof assessmentEvidence.$inferSelect,
  "content" | "storageKey" | "wrappedDataKey" | "orgKeyVersion"
>;

/** A reference to a user or partner as joined (every field null when the join found nothing). */
export type Ref = { id: string | null; name: string | null } | null;
/** Names of users by id, for the references the detail view resolves after its queries. */
export type Names = Map<string, string>;

/** A joined reference, or null when the row it names is gone. */
export const ref = (r: Ref) => (r?.id ? { id: r.id, name: r.name ?? "" } : null);
const named = (names: Names, id: string | null) => (id ? { id, name: names.get(id) ?? "" } : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Statuses in which the partner is expected to act: past the due date there, the assessment is overdue. */
export const PARTNER_SIDE_STATUSES = ["sent", "in_progress", "clarification_requested"] as const;

/** True when the partner still has to answer and the due date has passed (dates compared in UTC). */
export const isOverdue = (a: Pick<AssessmentRow, "status" | "dueDate">, today: string) =>
  (PARTNER_SIDE_STATUSES as readonly string[]).includes(a.status) && a.dueDate < today;

/** What a list row joins to an assessment. */
export interface AssessmentSelectRow {
  assessment: AssessmentRow;
  partner: Ref;
  template: Ref;
  createdBy: Ref;
}

/**
 * Whitelists an assessment for the list. The score is the stored one once completed (the figure the
 * conclusion was based on), otherwise computed from the version's content and the answers so far.
 */
export function presentAssessmentListItem(
  r: AssessmentSelectRow,
  content: TemplateContent,
  answers: Answers,
  today: string,
): AssessmentListItem {
  const a = r.assessment;
  const computed = scoreAssessment(content, answers);
  return {
    id: a.id,
    // NOT NULL foreign keys of the same organization: the joins always match.
    partner: ref(r.partner)!,
    template: { id: a.templateId, title: content.title, version: a.templateVersion },
    purpose: a.purpose as AssessmentPurpose,
    status: a.status as AssessmentStatus,
    dueDate: a.dueDate,
    overdue: isOverdue(a, today),
    progress: progress(computed),
    score: a.status === "completed" && a.score !== null ? a.score : computed.score,
    conclusion: a.conclusion as AssessmentConclusion | null,
    sentAt: iso(a.sentAt),
    submittedAt: iso(a.submittedAt),
    completedAt: iso(a.completedAt),
    createdBy: ref(r.createdBy),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Whitelists evidence metadata (never the bytes). */
export function presentEvidence(e: EvidenceMeta, names: Names): EvidenceFile {
  return {
    id: e.id,
    questionKey: e.questionKey,
    fileName: e.fileName,
    contentType: e.contentType,
    size: e.size,
    uploadedAt: e.uploadedAt.toISOString(),
    uploadedBy: named(names, e.uploadedBy),
  };
}

/**
 * The answers of the detail view: every question that is visible or has a stored row (an answer
 * left on a question hidden since, or a review), in document order, with its points and evidence.
 */
export function presentAnswers(
  content: TemplateContent,
  rows: AnswerRow[],
  evidence: EvidenceMeta[],
  names: Names,
): AnswerView[] {
  const byKey = new Map(rows.map((r) => [r.questionKey, r]));
  const answers: Answers = Object.fromEntries(rows.map((r) => [r.questionKey, r.value ?? undefined]));
  const visible = visibleQuestions(content, answers);
  return allQuestions(content)
    .filter((q) => visible.has(q.key) || byKey.has(q.key))
    .map((q) => {
      const row = byKey.get(q.key);
      return {
        questionKey: q.key,
        value: row?.value ?? null,
        points: questionScore(q, row?.value ?? undefined),
        visible: visible.has(q.key),
        updatedAt: iso(row?.updatedAt ?? null),
        updatedBy: named(names, row?.updatedBy ?? null),
        decision: (row?.decision ?? null) as AnswerView["decision"],
        comment: row?.comment ?? null,
        reviewedBy: named(names, row?.reviewedBy ?? null),
        reviewedAt: iso(row?.reviewedAt ?? null),
        riskId: row?.riskId ?? null,
        evidence: evidence.filter((e) => e.questionKey === q.key).map((e) => presentEvidence(e, names)),
      };
    });
}

/** Everything the detail view is made of, loaded by `assessments.query.ts`. */
export interface AssessmentParts {
  row: AssessmentSelectRow;
  content: TemplateContent;
  answers: AnswerRow[];
  evidence: EvidenceMeta[];
  recipients: RecipientRow[];
  names: Names;
}

/** Whitelists an assessment with its questions, answers, review, recipients and computed score. */
export function presentAssessment(p: AssessmentParts, today: string): Assessment {
  const a = p.row.assessment;
  const answers: Answers = Object.fromEntries(p.answers.map((r) => [r.questionKey, r.value ?? undefined]));
  const c = a.clarification;
  return {
    ...presentAssessmentListItem(p.row, p.content, answers, today),
    note: a.note,
    recipients: p.recipients.map((r) => ({
      contactId: r.contactId,
      name: r.name,
      email: r.email,
      userId: r.userId,
      invitedAt: iso(r.invitedAt),
    })),
    content: p.content,
    answers: presentAnswers(p.content, p.answers, p.evidence, p.names),
    computed: scoreAssessment(p.content, answers),
    clarification: c
      ? {
          message: c.message,
          questionKeys: c.questionKeys,
          requestedAt: c.requestedAt,
          requestedBy: named(p.names, c.requestedBy),
        }
      : null,
    conclusionNote: a.conclusionNote,
    concludedBy: named(p.names, a.concludedBy),
    cancelReason: a.cancelReason,
  };
}

/** The audit snapshot of an assessment: its own fields, without timestamps kept elsewhere. */
export function assessmentSnapshot(
  a: AssessmentRow,
  recipients?: { email: string; contactId: string | null }[],
) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...fields } = a;
  return recipients ? { ...fields, recipients } : fields;
}
