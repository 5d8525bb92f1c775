import { type Answers, isAnswered, visibleQuestions } from "./questionnaire-answers.js";
import type { AnswerValue, Question, TemplateContent } from "./questionnaires.js";

/**
 * The computed score of an assessment (issue 6): 0–100 per section and overall, each with the
 * arithmetic spelled out so a reviewer can check it by hand. Visibility and answer checks live in
 * `questionnaire-answers.ts` (re-exported here: scoring and visibility are one rule set).
 */

export {
  type AnswerProblem,
  type Answers,
  allQuestions,
  answerProblems,
  isAnswered,
  isIsoDate,
  visibleQuestions,
} from "./questionnaire-answers.js";
export { templateProblems } from "./questionnaires.js";

/** The score of one section. */
export interface SectionScore {
  key: string;
  title: string;
  weight: number;
  /** Weighted mean of the section's scored answers, 1 decimal; null when none is scored. */
  score: number | null;
  /** Visible questions of the section (the portal's progress denominator). */
  visible: number;
  /** Visible questions answered, scored or not. */
  answered: number;
  /** Answers that count in `score`. */
  scored: number;
  explanation: string;
}

/** The score of a whole assessment. */
export interface AssessmentScore {
  /** Weighted mean of the scored sections by section weight, 1 decimal; null when none counts. */
  score: number | null;
  sections: SectionScore[];
  explanation: string;
}

/** Rounds half away from zero to 1 decimal; EPSILON keeps 83.25 from becoming 83.2 by binary error. */
export function round1(x: number): number {
  return Math.round((x + Number.EPSILON) * 10) / 10;
}

/** A number as shown in explanations: at most 2 decimals, no trailing zeros. */
const fmt = (x: number) => String(Math.round(x * 100) / 100);

/**
 * The score (0–100) one answer earns, or null when the question is not scored or the value is
 * not a valid answer (invalid values are reported by `answerProblems`; scoring just skips them).
 * yes/no: `yesScore` (default 100) for yes, 100 − yesScore for no, so a question where "yes" is the
 * risky answer is written with yesScore 0. Single choice: the option's score. Multi choice: the
 * SUM of the chosen options' scores capped at 100, because multi-choice questions ask "which of
 * these controls do you have": each control adds assurance and enough of them reach full marks,
 * whereas a mean would punish ticking an extra, weaker control and a max would ignore all but one.
 * Text, number, date and file answers are facts for the reviewer, never scored.
 */
export function questionScore(question: Question, value: AnswerValue | undefined): number | null {
  if (!isAnswered(value)) return null;
  const optionScore = (v: unknown) => question.options?.find((o) => o.value === v)?.score;
  switch (question.type) {
    case "yes_no": {
      if (typeof value !== "boolean") return null;
      const yes = question.yesScore ?? 100;
      return value ? yes : 100 - yes;
    }
    case "single_choice":
      return optionScore(value) ?? null;
    case "multi_choice": {
      if (!Array.isArray(value)) return null;
      // Distinct values only: a duplicated option must not count twice.
      const scores = [...new Set(value)].map(optionScore);
      if (scores.some((s) => s === undefined)) return null;
      return Math.min(
        100,
        (scores as number[]).reduce((a, b) => a + b, 0),
      );
    }
    default:
      return null;
  }
}

/** Weighted mean with its arithmetic, e.g. "(100 × 2 + 50 × 1) / 3 = 83.3"; null when Σw = 0. */
function weightedMean(terms: { score: number; weight: number }[]): { value: number; text: string } | null {
  const total = terms.reduce((a, t) => a + t.weight, 0);
  if (total <= 0) return null;
  const value = round1(terms.reduce((a, t) => a + t.score * t.weight, 0) / total);
  const sum = terms.map((t) => `${fmt(t.score)} × ${fmt(t.weight)}`).join(" + ");
  return { value, text: `(${sum}) / ${fmt(total)} = ${fmt(value)}` };
}

function scoreSection(section: TemplateContent["sections"][number], visible: Set<string>, answers: Answers) {
  const shown = section.questions.filter((q) => visible.has(q.key));
  const terms: { score: number; weight: number }[] = [];
  for (const q of shown) {
    const s = questionScore(q, answers[q.key]);
    // Weight 0 means "asked but not scored" (see Question.weight).
    if (s !== null && q.weight > 0) terms.push({ score: s, weight: q.weight });
  }
  const mean = weightedMean(terms);
  return {
    key: section.key,
    title: section.title,
    weight: section.weight,
    score: mean?.value ?? null,
    visible: shown.length,
    answered: shown.filter((q) => isAnswered(answers[q.key])).length,
    scored: terms.length,
    explanation: mean ? mean.text : "No scored answers yet",
  } satisfies SectionScore;
}

/**
 * Scores an assessment's answers against its template version. Hidden and unanswered questions do
 * not count: hidden ones by definition (issue 6: "neither required nor scored"); unanswered ones
 * can only exist before submit, and counting them as 0 would make a draft's score meaningless.
 * A section's score is the weighted mean of its scored answers; the overall score is the weighted
 * mean, by section weight, of the sections that have a score. The overall mean is taken over the
 * ROUNDED section scores so the explanation's arithmetic checks out by hand (it differs from the
 * unrounded mean by at most 0.05).
 */
export function scoreAssessment(content: TemplateContent, answers: Answers): AssessmentScore {
  const visible = visibleQuestions(content, answers);
  const sections = content.sections.map((s) => scoreSection(s, visible, answers));
  const terms = sections.flatMap((s) =>
    s.score === null || s.weight <= 0 ? [] : [{ score: s.score, weight: s.weight }],
  );
  const mean = weightedMean(terms);
  return {
    score: mean?.value ?? null,
    sections,
    explanation: mean ? mean.text : "No section has a scored answer yet",
  };
}

/** How many visible questions are answered overall (portal progress), derived from the scores. */
export function progress(score: AssessmentScore): { answered: number; visible: number } {
  return score.sections.reduce(
    (a, s) => ({ answered: a.answered + s.answered, visible: a.visible + s.visible }),
    {
      answered: 0,
      visible: 0,
    },
  );
}
