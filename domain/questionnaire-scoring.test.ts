import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  progress,
  questionScore,
  round1,
  scoreAssessment,
  visibleQuestions,
} from "./questionnaire-scoring.js";
import { arbAnswered, opts, q, sec, tpl, validAnswer } from "./questionnaire-testkit.js";
import { CheckedTemplateContent } from "./questionnaires.js";

describe("questionScore", () => {
  it("scores yes/no by yesScore (default 100) for yes and its complement for no", () => {
    expect(questionScore(q("a", "yes_no"), true)).toBe(100);
    expect(questionScore(q("a", "yes_no"), false)).toBe(0);
    expect(questionScore(q("a", "yes_no", { yesScore: 30 }), true)).toBe(30);
    expect(questionScore(q("a", "yes_no", { yesScore: 30 }), false)).toBe(70);
  });

  it("scores a single choice by its option", () => {
    const one = q("a", "single_choice", { options: opts(0, 40, 100) });
    expect(["aa", "bb", "cc"].map((v) => questionScore(one, v))).toEqual([0, 40, 100]);
  });

  it("scores a multi choice as the sum of its chosen options, capped at 100", () => {
    const many = q("a", "multi_choice", { options: opts(0, 30, 50, 60) });
    expect(questionScore(many, ["bb"])).toBe(30);
    expect(questionScore(many, ["bb", "cc"])).toBe(80);
    expect(questionScore(many, ["aa", "bb", "cc", "dd"])).toBe(100);
  });

  it("does not score unanswered, invalid or unscored-type answers", () => {
    expect(questionScore(q("a", "yes_no"), null)).toBeNull();
    expect(questionScore(q("a", "yes_no"), "yes")).toBeNull();
    expect(questionScore(q("a", "multi_choice", { options: opts(10, 20) }), [])).toBeNull();
    expect(questionScore(q("a", "multi_choice", { options: opts(10, 20) }), ["aa", "zz"])).toBeNull();
    expect(questionScore(q("a", "single_choice", { options: opts(10, 20) }), "zz")).toBeNull();
    for (const [type, value] of [
      ["text", "x"],
      ["number", 3],
      ["date", "2025-01-01"],
      ["file", "f"],
    ] as const)
      expect(questionScore(q("a", type), value)).toBeNull();
  });
});

describe("scoreAssessment", () => {
  const content = tpl(
    sec(
      "sec1",
      [
        q("a", "yes_no", { weight: 2 }),
        q("b", "single_choice", { options: opts(0, 50, 100) }),
        q("note", "text", { weight: 5 }), // not scored whatever its weight
        q("zero", "yes_no", { weight: 0 }), // asked, not scored
      ],
      { weight: 1 },
    ),
    sec("sec2", [q("c", "multi_choice", { options: opts(10, 30), weight: 3 })], { weight: 2 }),
    sec("sec3", [q("d", "yes_no")], { weight: 4 }),
  );

  it("explains the weighted means of sections and overall", () => {
    const result = scoreAssessment(content, { a: true, b: "bb", note: "hi", zero: false, c: ["aa", "bb"] });
    expect(result.sections).toEqual([
      {
        key: "sec1",
        title: "Section sec1",
        weight: 1,
        score: 83.3,
        visible: 4,
        answered: 4,
        scored: 2,
        explanation: "(100 × 2 + 50 × 1) / 3 = 83.3",
      },
      {
        key: "sec2",
        title: "Section sec2",
        weight: 2,
        score: 40,
        visible: 1,
        answered: 1,
        scored: 1,
        explanation: "(40 × 3) / 3 = 40",
      },
      {
        key: "sec3",
        title: "Section sec3",
        weight: 4,
        score: null,
        visible: 1,
        answered: 0,
        scored: 0,
        explanation: "No scored answers yet",
      },
    ]);
    // Section 3 has no score, so its weight does not dilute the others.
    expect(result.score).toBe(54.4);
    expect(result.explanation).toBe("(83.3 × 1 + 40 × 2) / 3 = 54.4");
    expect(progress(result)).toEqual({ answered: 5, visible: 6 });
  });

  it("is null with an explanation when nothing is scored", () => {
    const result = scoreAssessment(content, { note: "only text" });
    expect(result.score).toBeNull();
    expect(result.explanation).toBe("No section has a scored answer yet");
  });

  it("leaves a weight-0 section out of the overall score but still scores it", () => {
    const c = tpl(sec("x", [q("a", "yes_no")], { weight: 0 }), sec("y", [q("b", "yes_no")]));
    const result = scoreAssessment(c, { a: false, b: true });
    expect(result.sections.map((s) => s.score)).toEqual([0, 100]);
    expect(result.score).toBe(100);
  });

  it("neither scores nor counts hidden questions, even answered ones", () => {
    const c = tpl(
      sec("s", [
        q("has_policy", "yes_no"),
        q("reviewed", "yes_no", { weight: 5, showIf: { question: "has_policy", equals: true } }),
        q("tested", "yes_no", { showIf: { question: "reviewed", equals: true } }),
      ]),
    );
    const hidden = scoreAssessment(c, { has_policy: false, reviewed: true, tested: true });
    expect(hidden.score).toBe(0);
    expect(hidden.sections[0]).toMatchObject({ visible: 1, answered: 1, scored: 1 });
    const shown = scoreAssessment(c, { has_policy: true, reviewed: true, tested: false });
    expect(shown.sections[0].explanation).toBe("(100 × 1 + 100 × 5 + 0 × 1) / 7 = 85.7");
  });

  it("rounds half up to one decimal", () => {
    expect([83.25, 83.35, 0.05, 99.95, 100].map(round1)).toEqual([83.3, 83.4, 0.1, 100, 100]);
    const c = tpl(sec("s", [q("a", "single_choice", { options: opts(66.65, 0) })]));
    expect(scoreAssessment(c, { a: "aa" }).score).toBe(66.7);
  });
});

describe("properties", () => {
  it("generated templates are valid (so the properties below test real templates)", () => {
    fc.assert(fc.property(arbAnswered, ({ content }) => CheckedTemplateContent.safeParse(content).success));
  });

  it("keeps every score within 0–100", () => {
    fc.assert(
      fc.property(arbAnswered, ({ content, answers }) => {
        const result = scoreAssessment(content, answers);
        const scores = [result.score, ...result.sections.map((s) => s.score)];
        return scores.every((s) => s === null || (s >= 0 && s <= 100));
      }),
    );
  });

  it("never changes the score when a hidden question gets an answer", () => {
    const withHiddenAnswer = arbAnswered.chain(({ content, answers }) => {
      const visible = visibleQuestions(content, answers);
      const hidden = content.sections.flatMap((s) => s.questions).filter((x) => !visible.has(x.key));
      if (hidden.length === 0) return fc.constant(null);
      return fc
        .constantFrom(...hidden)
        .chain((question) =>
          validAnswer(question).map((value) => ({ content, answers, extra: { [question.key]: value } })),
        );
    });
    fc.assert(
      fc.property(withHiddenAnswer, (c) => {
        if (c === null) return true;
        const before = scoreAssessment(c.content, c.answers);
        const after = scoreAssessment(c.content, { ...c.answers, ...c.extra });
        return JSON.stringify(after) === JSON.stringify(before);
      }),
      { numRuns: 300 },
    );
  });
});
