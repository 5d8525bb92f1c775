import fc from "fast-check";
import type { AnswerValue, Question, QuestionType, Section, TemplateContent } from "./questionnaires.js";

/**
 * Builders and fast-check arbitraries for questionnaire tests (unit tests only; no I/O). Builders
 * fill the fields a test does not care about so each test states only what it checks.
 */

/** A question with defaults (weight 1, optional, data-security category). */
export function q(key: string, type: QuestionType, extra: Partial<Question> = {}): Question {
  return {
    key,
    text: `Question ${key}?`,
    type,
    weight: 1,
    required: false,
    evidenceRequired: false,
    riskCategory: "data_security",
    ...extra,
  };
}

/** Options `a`, `b`, `c`… with the given scores. */
export function opts(...scores: number[]): NonNullable<Question["options"]> {
  return scores.map((score, i) => ({
    value: String.fromCharCode(97 + i).repeat(2),
    label: `Option ${i}`,
    score,
  }));
}

/** A section of weight 1 (unless overridden). */
export function sec(key: string, questions: Question[], extra: Partial<Section> = {}): Section {
  return { key, title: `Section ${key}`, weight: 1, questions, ...extra };
}

/** A template from sections. */
export function tpl(...sections: Section[]): TemplateContent {
  return { title: "Test template", sections };
}

/** A valid answer to `question`, any of them. */
export function validAnswer(question: Question): fc.Arbitrary<AnswerValue> {
  const values = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case "yes_no":
      return fc.boolean();
    case "single_choice":
      return fc.constantFrom(...values);
    case "multi_choice":
      return fc.subarray(values);
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "date":
      return fc
        .date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    default:
      return fc.string({ maxLength: 20 });
  }
}

const TYPES: QuestionType[] = ["yes_no", "single_choice", "multi_choice", "text", "number", "date", "file"];

/**
 * Valid templates of 1–3 sections with random types, weights (including 0), option scores and
 * conditions on earlier questions, so visibility chains of any length arise.
 */
export const arbTemplate: fc.Arbitrary<TemplateContent> = fc
  .array(
    fc.record({
      weight: fc.constantFrom(0, 0.5, 1, 2, 3),
      questions: fc.array(
        fc.record({
          type: fc.constantFrom(...TYPES),
          weight: fc.constantFrom(0, 1, 2, 5),
          scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 4 }),
          yesScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          dependsOn: fc.option(fc.nat(), { nil: undefined }),
          pick: fc.nat(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((sections) => {
    const earlier: Question[] = [];
    return tpl(
      ...sections.map((s, si) =>
        sec(
          `s${si}`,
          s.questions.map((r, qi) => {
            const choice = r.type === "single_choice" || r.type === "multi_choice";
            const question = q(`q${si}_${qi}`, r.type, {
              weight: r.weight,
              options: choice ? opts(...r.scores) : undefined,
              yesScore: r.type === "yes_no" ? r.yesScore : undefined,
            });
            const conditional = earlier.filter((e) => e.type === "yes_no" || e.options !== undefined);
            const target =
              r.dependsOn === undefined ? undefined : conditional[r.dependsOn % conditional.length];
            if (target && target.type === "yes_no")
              question.showIf = { question: target.key, equals: r.pick % 2 === 0 };
            else if (target?.options) {
              const value = target.options[r.pick % target.options.length].value;
              question.showIf =
                target.type === "multi_choice"
                  ? { question: target.key, includes: value }
                  : { question: target.key, equals: value };
            }
            earlier.push(question);
            return question;
          }),
          { weight: s.weight },
        ),
      ),
    );
  });

/** A template with answers: each question answered validly or left out. */
export const arbAnswered = arbTemplate.chain((content) => {
  const questions = content.sections.flatMap((s) => s.questions);
  return fc
    .tuple(...questions.map((question) => fc.option(validAnswer(question), { nil: undefined })))
    .map((values) => {
      const answers: Record<string, AnswerValue> = {};
      questions.forEach((question, i) => {
        if (values[i] !== undefined) answers[question.key] = values[i];
      });
      return { content, answers };
    });
});
