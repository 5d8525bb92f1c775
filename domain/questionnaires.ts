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
