import { z } from "zod";
import { PlainString, Text } from "./common.js";
import { BUILTIN_CATEGORY_KEYS } from "./risk-categories.js";

/**
 * Due-diligence questionnaire templates (issue 6): sections of questions, each question typed,
 * weighted, optionally conditional on another answer, and mapped to a risk category so a flagged
 * answer can become a risk of the right kind. Scoring and visibility live in
 * `questionnaire-scoring.ts`; bundled templates in `questionnaires/templates/`.
 */

export const QUESTION_TYPES = [
  "yes_no",
  "single_choice",
  "multi_choice",
  "text",
  "number",
  "date",
  "file",
] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

/** Question and option keys: stable identifiers answers are stored under. */
export const QuestionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, "Lower-case letters, digits and underscores, starting with a letter");

/** One choice of a choice question, with the score (0–100) it earns. */
export const QuestionOption = z.object({
  value: QuestionKey,
  label: Text(300),
  score: z.number().min(0).max(100),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

/**
 * Shows a question only when another answer matches: `equals` (yes/no → boolean, single choice →
 * option value) or `includes` (multi choice → one of its values). The referenced question must come
 * earlier in the template.
 */
export const ShowIf = z.union([
  z.object({ question: QuestionKey, equals: z.union([z.boolean(), QuestionKey]) }),
  z.object({ question: QuestionKey, includes: QuestionKey }),
]);
export type ShowIf = z.infer<typeof ShowIf>;

export const Question = z.object({
  key: QuestionKey,
  text: Text(1000),
  help: Text(2000).optional(),
  type: QuestionType,
  /** Choice questions: the choices with their scores. yes_no scores 100 for yes unless `yesScore`. */
  options: z.array(QuestionOption).max(30).optional(),
  /** yes_no only: the score of "yes" (default 100); "no" scores 100 − this. */
  yesScore: z.number().min(0).max(100).optional(),
  /** Relative weight within its section (0 = asked but not scored). */
  weight: z.number().min(0).max(10).default(1),
  required: z.boolean().default(false),
  evidenceRequired: z.boolean().default(false),
  showIf: ShowIf.optional(),
  /** The risk category a flagged answer becomes a risk of (a built-in category key). */
  riskCategory: z.enum(BUILTIN_CATEGORY_KEYS),
});
export type Question = z.infer<typeof Question>;

export const Section = z.object({
  key: QuestionKey,
  title: Text(200),
  description: Text(2000).optional(),
  /** Relative weight of the section in the overall score. */
  weight: z.number().min(0).max(10).default(1),
  questions: z.array(Question).min(1).max(200),
});
export type Section = z.infer<typeof Section>;

/** The content of a template version (what is versioned and what assessments keep). */
export const TemplateContent = z.object({
  title: Text(200),
  description: Text(4000).optional(),
  sections: z.array(Section).min(1).max(50),
});
export type TemplateContent = z.infer<typeof TemplateContent>;

/** A bundled template: stable key plus content. */
export interface BundledTemplate {
  key: string;
  content: TemplateContent;
}

/** An answer value as stored: by question type. */
export const AnswerValue = z.union([
  z.boolean(),
  z.number(),
  PlainString().max(20_000),
  z.array(QuestionKey).max(30),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** One cross-field rule a template breaks: `path` like `sections.1.questions.3.showIf`. */
export interface TemplateProblem {
  path: string;
  message: string;
}

const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set(["single_choice", "multi_choice"]);

/**
 * The rules zod's per-field schema cannot express because they span fields: unique section keys,
 * question keys unique across the whole template (answers are stored flat by question key), choice
 * questions with at least two distinct options and other types with none, `yesScore` only on
 * yes/no, and `showIf` pointing at an EARLIER question of a fitting type and option. "Earlier" keeps
 * visibility computable in one pass in document order and makes dependency cycles impossible.
 * Returns [] for a valid template.
 */
export function templateProblems(content: TemplateContent): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const sectionAt = new Map<string, number>();
  // Questions seen so far, in document order: a condition may only refer to one of these.
  const earlier = new Map<string, { question: Question; path: string }>();
  const laterKeys = new Set(content.sections.flatMap((s) => s.questions.map((q) => q.key)));
  content.sections.forEach((section, si) => {
    const first = sectionAt.get(section.key);
    if (first === undefined) sectionAt.set(section.key, si);
    else
      problems.push({
        path: `sections.${si}.key`,
        message: `Duplicate section key (also sections.${first})`,
      });
    section.questions.forEach((question, qi) => {
      const path = `sections.${si}.questions.${qi}`;
      const clash = earlier.get(question.key);
      if (clash)
        problems.push({ path: `${path}.key`, message: `Duplicate question key (also ${clash.path})` });
      problems.push(...optionProblems(question, path));
      if (question.showIf) {
        const message = showIfProblem(question.showIf, earlier, laterKeys);
        if (message) problems.push({ path: `${path}.showIf`, message });
      }
      if (!clash) earlier.set(question.key, { question, path });
    });
  });
  return problems;
}

function optionProblems(question: Question, path: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const options = question.options ?? [];
  if (CHOICE_TYPES.has(question.type)) {
    // One option is no choice at all; the respondent must be able to pick something else.
    if (options.length < 2)
      problems.push({ path: `${path}.options`, message: "A choice question needs at least 2 options" });
    const seen = new Set<string>();
    options.forEach((o, oi) => {
      if (seen.has(o.value))
        problems.push({ path: `${path}.options.${oi}.value`, message: "Duplicate option value" });
      seen.add(o.value);
    });
  } else if (options.length > 0) {
    problems.push({ path: `${path}.options`, message: `A ${question.type} question has no options` });
  }
  if (question.yesScore !== undefined && question.type !== "yes_no")
    problems.push({ path: `${path}.yesScore`, message: "Only a yes_no question has a yesScore" });
  return problems;
}

function showIfProblem(
  showIf: ShowIf,
  earlier: Map<string, { question: Question }>,
  allKeys: Set<string>,
): string | null {
  const target = earlier.get(showIf.question)?.question;
  if (!target)
    return allKeys.has(showIf.question)
      ? `Condition refers to "${showIf.question}", which does not come before this question`
      : `Condition refers to unknown question "${showIf.question}"`;
  const hasOption = (v: string) => (target.options ?? []).some((o) => o.value === v);
  if ("includes" in showIf) {
    if (target.type !== "multi_choice") return `"includes" needs a multi_choice question, not ${target.type}`;
    return hasOption(showIf.includes) ? null : `"${showIf.question}" has no option "${showIf.includes}"`;
  }
  if (typeof showIf.equals === "boolean")
    return target.type === "yes_no" ? null : `equals true/false needs a yes_no question, not ${target.type}`;
  if (target.type !== "single_choice")
    return `equals an option needs a single_choice question, not ${target.type}`;
  return hasOption(showIf.equals) ? null : `"${showIf.question}" has no option "${showIf.equals}"`;
}

/**
 * TemplateContent plus the cross-field rules of `templateProblems`, for request bodies: a broken
 * template is refused with 400 and one field error per problem instead of failing at answer time.
 */
export const CheckedTemplateContent = TemplateContent.superRefine((content, ctx) => {
  for (const p of templateProblems(content))
    ctx.addIssue({
      code: "custom",
      message: p.message,
      path: p.path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    });
});
