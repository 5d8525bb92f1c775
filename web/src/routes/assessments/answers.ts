import type { AnswerValue } from "../../../../domain/questionnaires";
import { formatDate } from "../../lib/format";
import type { ContentQuestion } from "./types";

/**
 * An answer as a reviewer reads it: Yes/No, option labels rather than keys, dates written out,
 * numbers in the viewer's locale. Null when unanswered; file answers are shown as their evidence.
 */
export function formatAnswer(question: ContentQuestion, value: AnswerValue | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label ?? v;
  switch (question.type) {
    case "yes_no":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "single_choice":
      return typeof value === "string" ? label(value) : String(value);
    case "multi_choice":
      return Array.isArray(value) ? (value.length ? value.map(label).join(" · ") : null) : String(value);
    case "number":
      return typeof value === "number" ? value.toLocaleString() : String(value);
    case "date":
      return typeof value === "string" ? formatDate(value) : String(value);
    case "file":
      return null;
    default:
      return Array.isArray(value) ? value.join(", ") : String(value);
  }
}

/** "1.2 MB" for a byte count. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} kB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Percentage of visible questions answered (0 when nothing is visible yet). */
export const progressPercent = (p: { answered: number; visible: number }) =>
  p.visible ? Math.round((p.answered / p.visible) * 100) : 0;
