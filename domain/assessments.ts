import { z } from "zod";
import { Id, IsoDate, OptionalText, PageQuery, PlainString, Text } from "./common.js";
import { AnswerValue, QuestionKey, TemplateContent } from "./questionnaires.js";

/**
 * API schemas of assessments (issue 6): a questionnaire template version sent to a partner's
 * contacts, answered in the portal, reviewed and concluded by staff. The rules of the status flow
 * are here so the server, the web app and the tests share them.
 */

export const ASSESSMENT_STATUSES = [
  "draft",
  "sent",
  "in_progress",
  "submitted",
  "under_review",
  "clarification_requested",
  "completed",
  "cancelled",
] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: "Draft",
  sent: "Sent",
  in_progress: "In progress",
  submitted: "Submitted",
  under_review: "Under review",
  clarification_requested: "Clarification requested",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** Statuses in which the partner may change answers and evidence in the portal. */
export const PARTNER_EDITABLE_STATUSES: readonly AssessmentStatus[] = [
  "sent",
  "in_progress",
  "clarification_requested",
];
/** Statuses a partner user can see at all (a draft is internal until sent). */
export const PORTAL_VISIBLE_STATUSES: readonly AssessmentStatus[] = ASSESSMENT_STATUSES.filter(
  (s) => s !== "draft",
);
/** Statuses that are still open: not completed nor cancelled. Reminders and "overdue" apply to the partner-side ones. */
export const OPEN_STATUSES: readonly AssessmentStatus[] = ASSESSMENT_STATUSES.filter(
  (s) => s !== "completed" && s !== "cancelled",
);

/**
 * Allowed moves. `sent → in_progress` happens on the partner's first saved answer; `submitted →
 * under_review` on the reviewer's first decision (or explicitly); clarification goes back to the
 * partner, who submits again. A completed assessment is final; anything open may be cancelled.
 */
export const ASSESSMENT_TRANSITIONS: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  draft: ["sent", "cancelled"],
  sent: ["in_progress", "submitted", "cancelled"],
  in_progress: ["submitted", "cancelled"],
  submitted: ["under_review", "clarification_requested", "completed", "cancelled"],
  under_review: ["clarification_requested", "completed", "cancelled"],
  clarification_requested: ["submitted", "cancelled"],
  completed: [],
  cancelled: [],
};

/** True when an assessment in `from` may move to `to`. */
export function canMoveAssessment(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return ASSESSMENT_TRANSITIONS[from].includes(to);
}

/** Why an assessment is run: the first due diligence before contracting, or a periodic reassessment. */
export const ASSESSMENT_PURPOSES = ["due_diligence", "reassessment"] as const;
export const AssessmentPurpose = z.enum(ASSESSMENT_PURPOSES);
export type AssessmentPurpose = z.infer<typeof AssessmentPurpose>;

export const ASSESSMENT_CONCLUSIONS = ["pass", "pass_with_conditions", "fail"] as const;
export const AssessmentConclusion = z.enum(ASSESSMENT_CONCLUSIONS);
export type AssessmentConclusion = z.infer<typeof AssessmentConclusion>;
export const CONCLUSION_LABELS: Record<AssessmentConclusion, string> = {
  pass: "Pass",
  pass_with_conditions: "Pass with conditions",
  fail: "Fail",
};

/** A reviewer's decision on one answer. */
export const AnswerDecision = z.enum(["accepted", "flagged"]);
export type AnswerDecision = z.infer<typeof AnswerDecision>;

const Ref = z.object({ id: Id, name: z.string() });

/** Score of one section, as computed by `scoreAssessment`. */
export const SectionScoreView = z.object({
  key: z.string(),
  title: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  visible: z.number().int(),
  answered: z.number().int(),
  scored: z.number().int(),
  explanation: z.string(),
});
/** The computed score of an assessment with its arithmetic. */
export const ScoreView = z.object({
  score: z.number().nullable(),
  sections: z.array(SectionScoreView),
  explanation: z.string(),
});
export type ScoreView = z.infer<typeof ScoreView>;

/** Answered / visible questions (hidden conditional questions do not count). */
export const Progress = z.object({ answered: z.number().int(), visible: z.number().int() });

// ── Staff API ────────────────────────────────────────────────────────────────

/** `POST /api/v1/assessments`: a draft; `send` invites the recipients. */
export const CreateAssessment = z
  .object({
    partnerId: Id,
    templateId: Id,
    dueDate: IsoDate,
    recipientContactIds: z.array(Id).min(1).max(20),
    purpose: AssessmentPurpose.default("due_diligence"),
    note: OptionalText(2000),
  })
  .strict();
export type CreateAssessment = z.infer<typeof CreateAssessment>;

/** `PATCH /api/v1/assessments/:id`: due date any time it is open; recipients and note while a draft. */
export const UpdateAssessment = z
  .object({
    dueDate: IsoDate,
    recipientContactIds: z.array(Id).min(1).max(20),
    note: OptionalText(2000),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateAssessment = z.infer<typeof UpdateAssessment>;

export const ASSESSMENT_SORTS = [
  "dueDate",
  "-dueDate",
  "updatedAt",
  "-updatedAt",
  "partner",
  "-partner",
] as const;

/** `GET /api/v1/assessments`. `status` may list several, comma-separated. */
export const ListAssessmentsQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  partnerId: Id.optional(),
  templateId: Id.optional(),
  status: z
    .string()
    .max(200)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(AssessmentStatus).max(ASSESSMENT_STATUSES.length))
    .optional(),
  purpose: AssessmentPurpose.optional(),
  overdue: z.enum(["true", "false"]).optional(),
  sort: z.enum(ASSESSMENT_SORTS).default("dueDate"),
});
export type ListAssessmentsQuery = z.infer<typeof ListAssessmentsQuery>;

/** An assessment in lists and on the board. */
export const AssessmentListItem = z.object({
  id: Id,
  partner: Ref,
  template: z.object({ id: Id, title: z.string(), version: z.number().int() }),
  purpose: AssessmentPurpose,
  status: AssessmentStatus,
  dueDate: z.string(),
  /** Open on the partner's side (sent, in progress, clarification) and past its due date. */
  overdue: z.boolean(),
  progress: Progress,
  score: z.number().nullable(),
  conclusion: AssessmentConclusion.nullable(),
  sentAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdBy: Ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssessmentListItem = z.infer<typeof AssessmentListItem>;

/** `GET /api/v1/assessments/summary`: counts per status for the board header. */
export const AssessmentSummary = z.object({
  byStatus: z.record(AssessmentStatus, z.number().int()),
  overdue: z.number().int(),
});

/** A file attached to an answer as evidence. */
export const EvidenceFile = z.object({
  id: Id,
  questionKey: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: Ref.nullable(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** One answer with the reviewer's decision and comment. */
export const AnswerView = z.object({
  questionKey: z.string(),
  value: AnswerValue,
  /** Points 0–100 this answer scores; null when the question is unscored or unanswered. */
  points: z.number().nullable(),
  visible: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: Ref.nullable(),
  decision: AnswerDecision.nullable(),
  comment: z.string().nullable(),
  reviewedBy: Ref.nullable(),
  reviewedAt: z.string().nullable(),
  /** The risk raised from this flagged answer, if any. */
  riskId: Id.nullable(),
  evidence: z.array(EvidenceFile),
});
export type AnswerView = z.infer<typeof AnswerView>;

export const Recipient = z.object({
  contactId: Id.nullable(),
  name: z.string(),
  email: z.string(),
  /** The partner user who answers for this contact, once invited or created. */
  userId: Id.nullable(),
  invitedAt: z.string().nullable(),
});

/** What the reviewer asked the partner to clarify. */
export const ClarificationView = z.object({
  message: z.string(),
  questionKeys: z.array(z.string()),
  requestedAt: z.string(),
  requestedBy: Ref.nullable(),
});

/** `GET /api/v1/assessments/:id`: the assessment with its questions, answers, review and score. */
export const Assessment = AssessmentListItem.extend({
  note: z.string().nullable(),
  recipients: z.array(Recipient),
  content: TemplateContent,
  answers: z.array(AnswerView),
  computed: ScoreView,
  clarification: ClarificationView.nullable(),
  conclusionNote: z.string().nullable(),
  concludedBy: Ref.nullable(),
  cancelReason: z.string().nullable(),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentAnswerParams = z.object({ id: Id, questionKey: QuestionKey });
export const EvidenceParams = z.object({ id: Id, evidenceId: Id });

/** `PUT /api/v1/assessments/:id/answers/:questionKey/review`: decision null clears it. */
export const ReviewAnswer = z
  .object({ decision: AnswerDecision.nullable(), comment: OptionalText(4000) })
  .strict();
export type ReviewAnswer = z.infer<typeof ReviewAnswer>;

/** `POST /api/v1/assessments/:id/clarification`: back to the partner with what to look at again. */
export const RequestClarification = z
  .object({ message: Text(4000), questionKeys: z.array(QuestionKey).max(200).default([]) })
  .strict();
export type RequestClarification = z.infer<typeof RequestClarification>;

/** `POST /api/v1/assessments/:id/complete` (risk managers and admins). Conditions and fails need a note. */
export const CompleteAssessment = z
  .object({ conclusion: AssessmentConclusion, note: OptionalText(4000) })
  .strict()
  .refine((b) => b.conclusion === "pass" || (b.note ?? "").length >= 10, {
    message: "Say what the conditions or the reasons are (at least 10 characters)",
    path: ["note"],
  });
export type CompleteAssessment = z.infer<typeof CompleteAssessment>;

/** `POST /api/v1/assessments/:id/cancel`. */
export const CancelAssessment = z.object({ reason: Text(2000) }).strict();

/** `POST /api/v1/assessments/:id/answers/:questionKey/risk`: a risk from a flagged answer. */
export const RiskFromAnswer = z
  .object({
    title: Text(200).optional(),
    likelihood: z.number().int().min(1).max(5).default(3),
    impact: z.number().int().min(1).max(5).default(3),
  })
  .strict();
export type RiskFromAnswer = z.infer<typeof RiskFromAnswer>;
export const RiskFromAnswerResult = z.object({ riskId: Id, created: z.boolean() });

/** Result of importing answers from an XLSX file (staff or portal). */
export const ImportAnswersResult = z.object({
  dryRun: z.boolean(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  cleared: z.number().int(),
});
export const ImportAnswersQuery = z.object({ dryRun: z.enum(["true", "false"]).default("false") });

// ── Reassessment cadence ─────────────────────────────────────────────────────

/** Months between assessments per partner risk tier (1 = most critical); null = no reassessment. */
export const CadenceMonths = z.number().int().min(1).max(120).nullable();

/** `GET/PUT /api/v1/assessment-settings`. */
export const AssessmentSettings = z
  .object({
    cadenceMonths: z.object({
      "1": CadenceMonths,
      "2": CadenceMonths,
      "3": CadenceMonths,
      "4": CadenceMonths,
    }),
    /** Template the scheduler drafts reassessments from; null = the partner's last assessment's template. */
    reassessmentTemplateId: Id.nullable(),
    /** Days ahead of the due reassessment the draft is made, and days the partner is given to answer. */
    leadDays: z.number().int().min(0).max(180),
    answerDays: z.number().int().min(1).max(180),
  })
  .strict();
export type AssessmentSettings = z.infer<typeof AssessmentSettings>;

export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = {
  cadenceMonths: { "1": 12, "2": 24, "3": 36, "4": null },
  reassessmentTemplateId: null,
  leadDays: 30,
  answerDays: 30,
};
