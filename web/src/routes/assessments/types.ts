import type { z } from "zod";
import type {
  ClarificationView as ClarificationSchema,
  Recipient as RecipientSchema,
  SectionScoreView as SectionScoreSchema,
  AssessmentSummary as SummarySchema,
} from "../../../../domain/assessments";
import type { TemplateContent } from "../../../../domain/questionnaires";

/**
 * Convenient names for the assessment API's shapes. They come from the shared zod contract
 * (`domain/assessments.ts`), the same schemas the server validates its responses with and the
 * OpenAPI document is generated from, so they match the generated client's types.
 */
export type {
  AnswerView,
  Assessment,
  AssessmentConclusion,
  AssessmentListItem,
  AssessmentPurpose,
  AssessmentStatus,
  EvidenceFile,
  ScoreView,
} from "../../../../domain/assessments";
export type AssessmentSummary = z.infer<typeof SummarySchema>;
export type Recipient = z.infer<typeof RecipientSchema>;
export type Clarification = z.infer<typeof ClarificationSchema>;
export type SectionScore = z.infer<typeof SectionScoreSchema>;
export type Content = z.infer<typeof TemplateContent>;
export type ContentQuestion = Content["sections"][number]["questions"][number];
