import { z } from "zod";
import { AnswerView, AssessmentStatus, ClarificationView, EvidenceFile, Progress } from "./assessments.js";
import { Id } from "./common.js";
import { AnswerValue, QuestionKey, TemplateContent } from "./questionnaires.js";

/**
 * API schemas of the partner portal (issue 6): what a `partner` user sees of their own partner's
 * assessments. Reviewer decisions and internal notes are never part of these shapes.
 */

/** `GET /api/v1/portal/overview`: who the portal user answers for. */
export const PortalOverview = z.object({
  organization: z.object({ name: z.string() }),
  partner: z.object({ id: Id, name: z.string() }),
  open: z.number().int(),
  overdue: z.number().int(),
});

/** An assessment in the portal list. */
export const PortalAssessmentItem = z.object({
  id: Id,
  title: z.string(),
  status: AssessmentStatus,
  dueDate: z.string(),
  overdue: z.boolean(),
  /** True while the partner may still change answers. */
  editable: z.boolean(),
  progress: Progress,
  sentAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type PortalAssessmentItem = z.infer<typeof PortalAssessmentItem>;
export const PortalAssessmentList = z.object({ items: z.array(PortalAssessmentItem) });

/** Progress of one section (visible questions only). */
export const SectionProgress = z.object({
  key: z.string(),
  title: z.string(),
  answered: z.number().int(),
  visible: z.number().int(),
});

/** A partner's answer: the value and its evidence, without the reviewer's view. */
export const PortalAnswer = AnswerView.pick({
  questionKey: true,
  value: true,
  updatedAt: true,
  evidence: true,
});

/** `GET /api/v1/portal/assessments/:id`. */
export const PortalAssessment = PortalAssessmentItem.extend({
  content: TemplateContent,
  answers: z.array(PortalAnswer),
  sections: z.array(SectionProgress),
  /** What the reviewer asked to clarify (message and question keys), when sent back. */
  clarification: ClarificationView.omit({ requestedBy: true }).nullable(),
  /** Problems that would stop a submission now (required answers, evidence), by question key. */
  missing: z.array(z.object({ questionKey: z.string(), message: z.string() })),
});
export type PortalAssessment = z.infer<typeof PortalAssessment>;

/** `PUT /api/v1/portal/assessments/:id/answers`: partial autosave; null clears an answer. */
export const SaveAnswers = z
  .object({ answers: z.record(QuestionKey, AnswerValue).refine((a) => Object.keys(a).length <= 500) })
  .strict();
export type SaveAnswers = z.infer<typeof SaveAnswers>;

/** Answer of the autosave: what is saved and how far along the partner is. */
export const SavedAnswers = z.object({
  saved: z.number().int(),
  status: AssessmentStatus,
  progress: Progress,
  sections: z.array(SectionProgress),
  missing: z.array(z.object({ questionKey: z.string(), message: z.string() })),
  updatedAt: z.string(),
});

/** Maximum size of one evidence file (bytes). Evidence moves to the encrypted document store in issue 7. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Evidence files per question. */
export const MAX_EVIDENCE_PER_QUESTION = 10;

export { EvidenceFile };
