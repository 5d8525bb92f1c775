import dayjs from "dayjs";
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from "../../../../domain/assessments";
import { formatDate } from "../../lib/format";

/**
 * How a status reads to the partner. "Submitted" and "Under review" are the same thing to them
 * (waiting for the reviewer), and "Sent" is simply "Not started".
 */
export const PORTAL_STATUS_LABELS: Record<AssessmentStatus, string> = {
  ...ASSESSMENT_STATUS_LABELS,
  sent: "Not started",
  under_review: "In review",
  clarification_requested: "Needs your input",
};

/** Badge colour per status: warm colours where the partner has something to do. */
export const PORTAL_STATUS_COLORS: Record<AssessmentStatus, string> = {
  draft: "gray",
  sent: "blue",
  in_progress: "blue",
  submitted: "teal",
  under_review: "teal",
  clarification_requested: "orange",
  completed: "green",
  cancelled: "gray",
};

/** "Due 12 Mar 2026 · in 5 days" / "Overdue since 1 Mar 2026" for a due date. */
export function dueText(dueDate: string, overdue: boolean): string {
  if (overdue) return `Overdue since ${formatDate(dueDate)}`;
  // Calendar days in the viewer's time zone: "due today" must not read "in 1 day" at 9 a.m.
  const days = dayjs(dueDate.slice(0, 10)).diff(dayjs().startOf("day"), "day");
  const when = days <= 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
  return `Due ${formatDate(dueDate)} · ${when}`;
}

/** Whole-number percentage of `answered` out of `visible` (0 when nothing is asked). */
export function percent(answered: number, visible: number): number {
  return visible > 0 ? Math.round((answered / visible) * 100) : 0;
}

/** "2.4 MB" / "830 KB" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The minimal shape of a question that `formatAnswer` reads. */
interface AnswerableQuestion {
  type: string;
  options?: { value: string; label: string }[];
}

/**
 * An answer as a person reads it, for the read-only view after submission: Yes/No, option labels
 * instead of keys, a date as "12 Mar 2026". Null when unanswered.
 */
export function formatAnswer(question: AnswerableQuestion, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label ?? v;
  switch (question.type) {
    case "yes_no":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "single_choice":
      return typeof value === "string" ? label(value) : String(value);
    case "multi_choice":
      return Array.isArray(value) && value.length > 0 ? value.map((v) => label(String(v))).join(", ") : null;
    case "date":
      return typeof value === "string" ? formatDate(value) : String(value);
    default:
      return String(value);
  }
}
