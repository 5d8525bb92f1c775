import { BUILTIN_RISK_CATEGORIES } from "../../../../domain/risk-categories";
import type { TemplateContent, TemplateQuestion } from "./queries";

/** How each question type reads in the UI. */
export const QUESTION_TYPE_LABELS: Record<TemplateQuestion["type"], string> = {
  yes_no: "Yes / no",
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  text: "Text",
  number: "Number",
  date: "Date",
  file: "File upload",
};

const CATEGORY_NAMES = new Map<string, string>(BUILTIN_RISK_CATEGORIES.map((c) => [c.key, c.name]));

/** The display name of a built-in risk category key (the key itself if unknown). */
export function categoryName(key: string): string {
  return CATEGORY_NAMES.get(key) ?? key;
}

/**
 * A question's condition in words, e.g. "Shown when “Do you hold ISO 27001?” is Yes", so a
 * reviewer reads the rule without decoding keys. Null for an unconditional question.
 */
export function conditionText(content: TemplateContent, question: TemplateQuestion): string | null {
  const showIf = question.showIf;
  if (!showIf) return null;
  const target = content.sections.flatMap((s) => s.questions).find((q) => q.key === showIf.question);
  const name = target ? `“${target.text}”` : `question ${showIf.question}`;
  const label = (value: string) => target?.options?.find((o) => o.value === value)?.label ?? value;
  if ("includes" in showIf) return `Shown when ${name} includes “${label(showIf.includes)}”`;
  if (typeof showIf.equals === "boolean") return `Shown when ${name} is ${showIf.equals ? "Yes" : "No"}`;
  return `Shown when ${name} is “${label(showIf.equals)}”`;
}

/** The scores of "yes" and "no" for a yes/no question ("no" scores 100 − yes). */
export function yesNoScores(question: TemplateQuestion): { yes: number; no: number } {
  const yes = question.yesScore ?? 100;
  return { yes, no: 100 - yes };
}
