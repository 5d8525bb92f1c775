import type { AnswerValue, Question, ShowIf, TemplateContent } from "./questionnaires.js";

/**
 * Answers to a questionnaire (issue 6): which questions are visible given the answers so far, and
 * which answers are wrong or missing. Pure: the portal's autosave, submit and XLSX import, and the
 * web client's live form all apply the same rules.
 */

/** Answers as stored: question key → value. */
export type Answers = Record<string, AnswerValue | undefined>;

/** One problem with one answer (or with a missing one, on submit). */
export interface AnswerProblem {
  key: string;
  message: string;
}

/** The longest free-text answer, as `AnswerValue` allows. */
export const MAX_TEXT_ANSWER = 20_000;

/** Every question of a template in document order, the order conditions are resolved in. */
export function allQuestions(content: TemplateContent): Question[] {
  return content.sections.flatMap((s) => s.questions);
}

/**
 * Whether a value counts as an answer: null, a blank string and an empty selection do not. A
 * whitespace-only text is blank too, so a required text question cannot be "answered" with spaces.
 */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function conditionHolds(showIf: ShowIf, value: AnswerValue | undefined): boolean {
  if ("includes" in showIf) return Array.isArray(value) && value.includes(showIf.includes);
  return value === showIf.equals;
}

/**
 * The keys of the questions shown for these answers. A question without `showIf` is visible; one
 * with a condition is visible when the condition holds AND the question it refers to is itself
 * visible, so hiding A also hides whatever depends on A, however long the chain (an answer left
 * behind on a hidden question must not keep its dependants open). One pass in document order
 * suffices because a valid template only refers to earlier questions; a reference to a later or
 * unknown question (an invalid template) hides the question rather than guessing.
 */
export function visibleQuestions(content: TemplateContent, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of allQuestions(content)) {
    const c = q.showIf;
    if (!c || (visible.has(c.question) && conditionHolds(c, answers[c.question]))) visible.add(q.key);
  }
  return visible;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD date that exists (2025-02-30 does not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 02-30 over to 03-02; an existing date survives the round trip unchanged.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why `value` is not a valid answer to `question`, or null when it is. `value` is answered. */
function typeProblem(question: Question, value: AnswerValue): string | null {
  const options = new Set((question.options ?? []).map((o) => o.value));
  switch (question.type) {
    case "yes_no":
      return typeof value === "boolean" ? null : "Expected yes (true) or no (false)";
    case "single_choice":
      return typeof value === "string" && options.has(value) ? null : "Expected one of the options";
    case "multi_choice": {
      if (!Array.isArray(value)) return "Expected a list of options";
      if (value.some((v) => typeof v !== "string" || !options.has(v))) return "Unknown option in the list";
      return new Set(value).size === value.length ? null : "An option is chosen twice";
    }
    case "text":
      if (typeof value !== "string") return "Expected text";
      return value.length <= MAX_TEXT_ANSWER ? null : `At most ${MAX_TEXT_ANSWER} characters`;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "Expected a number";
    case "date":
      return typeof value === "string" && isIsoDate(value) ? null : "Expected a date (YYYY-MM-DD)";
    case "file":
      // Only the shape here: the server checks that the file exists and belongs to the assessment.
      return typeof value === "string" ? null : "Expected an uploaded file id";
  }
}

/** Options of `answerProblems`. */
export interface AnswerCheckOptions {
  /** Also require every visible required question to be answered (submit, not autosave). */
  forSubmit: boolean;
}

/**
 * What is wrong with these answers, in document order, then unknown keys. Types are checked per
 * question; a key the template does not have is refused (a typo would otherwise be saved and lost).
 * Answers to hidden questions are ignored, not refused: the respondent may have answered before
 * changing the answer that hides them, and autosave must not fail for it. Not answering (null, '',
 * []) is always allowed while saving; on submit every visible required question must be answered.
 * Evidence is checked by the server, which knows the uploads.
 */
export function answerProblems(
  content: TemplateContent,
  answers: Answers,
  { forSubmit }: AnswerCheckOptions,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const visible = visibleQuestions(content, answers);
  const questions = allQuestions(content);
  for (const q of questions) {
    if (!visible.has(q.key)) continue;
    const value = answers[q.key];
    if (!isAnswered(value)) {
      if (forSubmit && q.required) problems.push({ key: q.key, message: "An answer is required" });
      continue;
    }
    const message = typeProblem(q, value as AnswerValue);
    if (message) problems.push({ key: q.key, message });
  }
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) problems.push({ key, message: "Unknown question" });
  return problems;
}
