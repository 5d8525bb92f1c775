import {
  ASSESSMENT_STATUS_LABELS,
  type AssessmentConclusion,
  type AssessmentPurpose,
  type AssessmentStatus,
  CONCLUSION_LABELS,
} from "../../../../domain/assessments";

/** Labels and colours of the assessment area, keyed by the shared domain enums. */

export { ASSESSMENT_STATUS_LABELS as STATUS_LABELS, CONCLUSION_LABELS };

/** The board's columns, in the order an assessment moves through them (cancelled is off the board). */
export const BOARD_STATUSES: readonly AssessmentStatus[] = [
  "draft",
  "sent",
  "in_progress",
  "submitted",
  "under_review",
  "clarification_requested",
  "completed",
];

/** Grey before it leaves, blue while the partner works, violet on our side, teal when done. */
export const STATUS_COLORS: Record<AssessmentStatus, string> = {
  draft: "gray",
  sent: "blue",
  in_progress: "cyan",
  submitted: "violet",
  under_review: "grape",
  clarification_requested: "orange",
  completed: "teal",
  cancelled: "dark",
};

export const PURPOSE_LABELS: Record<AssessmentPurpose, string> = {
  due_diligence: "Due diligence",
  reassessment: "Reassessment",
};

export const CONCLUSION_COLORS: Record<AssessmentConclusion, string> = {
  pass: "teal",
  pass_with_conditions: "yellow",
  fail: "red",
};

/** A 0–100 score's colour: the same three bands everywhere a score is drawn. */
export function scoreColor(score: number | null | undefined): string {
  if (score === null || score === undefined) return "gray";
  if (score >= 75) return "teal";
  if (score >= 50) return "yellow";
  return "red";
}

/** A score as the domain rounds it (one decimal, "64.6"), or an en dash before any scored answer. */
export const formatScore = (score: number | null | undefined): string =>
  score === null || score === undefined ? "–" : String(Math.round(score * 10) / 10);
