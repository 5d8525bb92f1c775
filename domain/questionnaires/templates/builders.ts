import type { Question, QuestionOption, Section, ShowIf } from "../../questionnaires.js";
import type { BuiltinCategoryKey } from "../../risk-categories.js";

/**
 * Small builders for the bundled templates. They exist so each template reads like the
 * questionnaire itself (text, help, choices) rather than like a wall of object literals, and so the
 * defaults every bundled question shares (required, weight 1, scored only when it has something to
 * score) are decided in one place instead of eight.
 */

/** Per-question settings a template may override. */
export interface QuestionExtras {
  help?: string;
  /** Relative weight in its section; choice and yes/no questions default to 1, others to 0. */
  weight?: number;
  /** Defaults to true: a bundled question is asked because the answer matters. */
  required?: boolean;
  evidenceRequired?: boolean;
  showIf?: ShowIf;
}

/** `[value, label, score]`: an option written as one short line. */
export type OptionTuple = readonly [value: string, label: string, score: number];

/** Expands option tuples into `QuestionOption`s. */
export function options(tuples: readonly OptionTuple[]): QuestionOption[] {
  return tuples.map(([value, label, score]) => ({ value, label, score }));
}

function base(
  key: string,
  text: string,
  riskCategory: BuiltinCategoryKey,
  type: Question["type"],
  scoredByDefault: boolean,
  extras: QuestionExtras,
): Question {
  const question: Question = {
    key,
    text,
    type,
    weight: extras.weight ?? (scoredByDefault ? 1 : 0),
    required: extras.required ?? true,
    evidenceRequired: extras.evidenceRequired ?? false,
    riskCategory,
  };
  if (extras.help !== undefined) question.help = extras.help;
  if (extras.showIf !== undefined) question.showIf = extras.showIf;
  return question;
}

/** A yes/no question; "yes" scores `yesScore` (default 100, use 0 when "yes" is the bad answer). */
export function yesNo(
  key: string,
  text: string,
  riskCategory: BuiltinCategoryKey,
  extras: QuestionExtras & { yesScore?: number } = {},
): Question {
  const question = base(key, text, riskCategory, "yes_no", true, extras);
  if (extras.yesScore !== undefined) question.yesScore = extras.yesScore;
  return question;
}

/** A single-choice question whose options carry the scores. */
export function singleChoice(
  key: string,
  text: string,
  riskCategory: BuiltinCategoryKey,
  choices: readonly OptionTuple[],
  extras: QuestionExtras = {},
): Question {
  return { ...base(key, text, riskCategory, "single_choice", true, extras), options: options(choices) };
}

/** A multi-choice question; each chosen option contributes its score. */
export function multiChoice(
  key: string,
  text: string,
  riskCategory: BuiltinCategoryKey,
  choices: readonly OptionTuple[],
  extras: QuestionExtras = {},
): Question {
  return { ...base(key, text, riskCategory, "multi_choice", true, extras), options: options(choices) };
}

/**
 * A free-form question (text, number, date, file). Unscored by default: there is no option to
 * score it against, so the reviewer judges it and may flag it instead.
 */
export function open(
  type: "text" | "number" | "date" | "file",
  key: string,
  text: string,
  riskCategory: BuiltinCategoryKey,
  extras: QuestionExtras = {},
): Question {
  return base(key, text, riskCategory, type, false, extras);
}

/** A section; weight 1 unless the template says otherwise. */
export function section(
  key: string,
  title: string,
  description: string,
  questions: Question[],
  weight = 1,
): Section {
  return { key, title, description, weight, questions };
}
