import { describe, expect, it } from "vitest";
import { type Answers, scoreAssessment, templateProblems } from "../../questionnaire-scoring.js";
import { type AnswerValue, QUESTION_TYPES, type Question, TemplateContent } from "../../questionnaires.js";
import { BUILTIN_CATEGORY_KEYS } from "../../risk-categories.js";
import { BUNDLED_TEMPLATES } from "./index.js";

/**
 * The bundled templates are data, so these tests check them as a template author would be checked:
 * schema, unique keys, sound conditions (re-derived here rather than trusting `templateProblems`
 * alone, which is asserted as well), the shape the product asks for, and that the scores actually
 * span the scale: best answers earn 100, worst answers earn little.
 */

const EXPECTED_KEYS = [
  "information_security",
  "privacy_data_protection",
  "business_continuity",
  "financial_health",
  "scalability_capacity",
  "ip_protection",
  "labour_regulatory",
  "references_track_record",
];

const questionsOf = (content: TemplateContent) => content.sections.flatMap((s) => s.questions);
const isChoice = (q: Question) => q.type === "single_choice" || q.type === "multi_choice";

/** The best (or worst) answer to every question; unscored types get a plausible value. */
function extremeAnswers(content: TemplateContent, best: boolean): Answers {
  const pick = (scores: number[]) => (best ? Math.max(...scores) : Math.min(...scores));
  const answers: Answers = {};
  for (const q of questionsOf(content)) {
    const options = q.options ?? [];
    let value: AnswerValue;
    if (q.type === "yes_no") {
      const yes = q.yesScore ?? 100;
      value = best ? yes >= 50 : yes < 50;
    } else if (q.type === "single_choice") {
      const target = pick(options.map((o) => o.score));
      value = options.find((o) => o.score === target)!.value;
    } else if (q.type === "multi_choice") {
      // Best: every option that adds something (scores are summed and capped); worst: the weakest one.
      value = best
        ? options.filter((o) => o.score > 0).map((o) => o.value)
        : [options.find((o) => o.score === pick(options.map((x) => x.score)))!.value];
    } else if (q.type === "number") value = 10;
    else if (q.type === "date") value = "2026-01-31";
    else value = "Answer";
    answers[q.key] = value;
  }
  return answers;
}

describe("bundled templates", () => {
  it("are the eight templates the product promises, each once", () => {
    expect(BUNDLED_TEMPLATES.map((t) => t.key).sort()).toEqual([...EXPECTED_KEYS].sort());
  });

  it("use every question type somewhere", () => {
    const types = new Set(BUNDLED_TEMPLATES.flatMap((t) => questionsOf(t.content).map((q) => q.type)));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it("include at least one file question that requires evidence", () => {
    const files = BUNDLED_TEMPLATES.flatMap((t) => questionsOf(t.content)).filter(
      (q) => q.type === "file" && q.evidenceRequired,
    );
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(BUNDLED_TEMPLATES.map((t) => [t.key, t] as const))("%s", (key, template) => {
    const { content } = template;
    const questions = questionsOf(content);

    it("has a lower_snake key and parses unchanged (defaults already spelled out)", () => {
      expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(TemplateContent.parse(content)).toEqual(content);
    });

    it("has no problems by the shared template validator", () => {
      expect(templateProblems(content)).toEqual([]);
    });

    it("has a title, a description, 2–5 sections and 10–25 questions", () => {
      expect(content.title.length).toBeGreaterThan(0);
      expect(content.description?.length ?? 0).toBeGreaterThan(0);
      expect(content.sections.length).toBeGreaterThanOrEqual(2);
      expect(content.sections.length).toBeLessThanOrEqual(5);
      expect(questions.length).toBeGreaterThanOrEqual(10);
      expect(questions.length).toBeLessThanOrEqual(25);
    });

    it("uses unique section keys, question keys and option values", () => {
      const sectionKeys = content.sections.map((s) => s.key);
      expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
      const questionKeys = questions.map((q) => q.key);
      expect(new Set(questionKeys).size).toBe(questionKeys.length);
      for (const q of questions) {
        const values = (q.options ?? []).map((o) => o.value);
        expect(new Set(values).size, q.key).toBe(values.length);
      }
    });

    it("gives choice questions at least two options and other questions none", () => {
      for (const q of questions) {
        if (isChoice(q)) expect(q.options?.length ?? 0, q.key).toBeGreaterThanOrEqual(2);
        else expect(q.options, q.key).toBeUndefined();
      }
    });

    it("points every condition at an earlier question of a fitting type and an existing option", () => {
      const seen = new Map<string, Question>();
      for (const q of questions) {
        if (q.showIf) {
          const target = seen.get(q.showIf.question);
          expect(target, `${q.key} → ${q.showIf.question}`).toBeDefined();
          const values = (target!.options ?? []).map((o) => o.value);
          if ("includes" in q.showIf) {
            expect(target!.type, q.key).toBe("multi_choice");
            expect(values, q.key).toContain(q.showIf.includes);
          } else if (typeof q.showIf.equals === "boolean") {
            expect(target!.type, q.key).toBe("yes_no");
          } else {
            expect(target!.type, q.key).toBe("single_choice");
            expect(values, q.key).toContain(q.showIf.equals);
          }
        }
        seen.set(q.key, q);
      }
    });

    it("mixes question types, with at least two conditional questions and an evidence file", () => {
      const types = new Set(questions.map((q) => q.type));
      expect(types).toContain("yes_no");
      expect(types).toContain("single_choice");
      expect(types.size).toBeGreaterThanOrEqual(4);
      // Mostly scored yes/no and single-choice questions, as the product asks.
      const core = questions.filter((q) => q.type === "yes_no" || q.type === "single_choice");
      expect(core.length * 2).toBeGreaterThan(questions.length);
      expect(questions.filter((q) => q.showIf).length).toBeGreaterThanOrEqual(2);
      expect(questions.some((q) => q.type === "file" && q.evidenceRequired)).toBe(true);
    });

    it("maps every question to a built-in risk category and says what a good scored answer is", () => {
      for (const q of questions) expect(BUILTIN_CATEGORY_KEYS, q.key).toContain(q.riskCategory);
      for (const q of questions) if (q.weight > 0) expect(q.help, q.key).toBeTruthy();
    });

    it("scores only choice and yes/no questions, and every section has something to score", () => {
      for (const q of questions) if (!isChoice(q) && q.type !== "yes_no") expect(q.weight, q.key).toBe(0);
      for (const s of content.sections)
        expect(
          s.questions.some((q) => q.weight > 0),
          s.key,
        ).toBe(true);
    });

    it("earns 100 in every section for the best answers and little for the worst", () => {
      const best = scoreAssessment(content, extremeAnswers(content, true));
      expect(best.score).toBe(100);
      for (const s of best.sections) expect(s.score, s.key).toBe(100);
      const worst = scoreAssessment(content, extremeAnswers(content, false));
      expect(worst.score).not.toBeNull();
      expect(worst.score!).toBeLessThan(30);
    });
  });
});
