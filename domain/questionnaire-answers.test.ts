import { describe, expect, it } from "vitest";
import { answerProblems, isIsoDate, visibleQuestions } from "./questionnaire-answers.js";
import { opts, q, sec, tpl } from "./questionnaire-testkit.js";
import { CheckedTemplateContent, templateProblems } from "./questionnaires.js";

const paths = (content: Parameters<typeof templateProblems>[0]) =>
  templateProblems(content).map((p) => p.path);

describe("templateProblems", () => {
  it("accepts a valid template with every kind of condition", () => {
    const content = tpl(
      sec("a", [q("yn", "yes_no", { yesScore: 80 }), q("one", "single_choice", { options: opts(0, 100) })]),
      sec("b", [
        q("many", "multi_choice", { options: opts(10, 20, 30) }),
        q("c1", "text", { showIf: { question: "yn", equals: false } }),
        q("c2", "number", { showIf: { question: "one", equals: "bb" } }),
        q("c3", "file", { showIf: { question: "many", includes: "cc" } }),
      ]),
    );
    expect(templateProblems(content)).toEqual([]);
  });

  it("refuses duplicate section keys and question keys across sections", () => {
    const content = tpl(sec("a", [q("x", "text")]), sec("a", [q("y", "text"), q("x", "date")]));
    expect(templateProblems(content)).toEqual([
      { path: "sections.1.key", message: "Duplicate section key (also sections.0)" },
      { path: "sections.1.questions.1.key", message: "Duplicate question key (also sections.0.questions.0)" },
    ]);
  });

  it("needs at least 2 distinct options on choice questions and none elsewhere", () => {
    const content = tpl(
      sec("a", [
        q("one", "single_choice", { options: opts(5) }),
        q("many", "multi_choice"),
        q("dup", "single_choice", { options: [...opts(1, 2), { value: "aa", label: "Again", score: 3 }] }),
        q("yn", "yes_no", { options: opts(1, 2) }),
        q("txt", "text", { options: [] }),
      ]),
    );
    expect(paths(content)).toEqual([
      "sections.0.questions.0.options",
      "sections.0.questions.1.options",
      "sections.0.questions.2.options.2.value",
      "sections.0.questions.3.options",
    ]);
  });

  it("allows yesScore only on yes_no", () => {
    const content = tpl(sec("a", [q("yn", "yes_no", { yesScore: 0 }), q("n", "number", { yesScore: 50 })]));
    expect(templateProblems(content)).toEqual([
      { path: "sections.0.questions.1.yesScore", message: "Only a yes_no question has a yesScore" },
    ]);
  });

  it("requires showIf to refer to an earlier question, never itself, a later or an unknown one", () => {
    const content = tpl(
      sec("a", [
        q("self", "yes_no", { showIf: { question: "self", equals: true } }),
        q("fwd", "text", { showIf: { question: "later", equals: true } }),
        q("ghost", "text", { showIf: { question: "nobody", equals: true } }),
      ]),
      sec("b", [q("later", "yes_no")]),
    );
    expect(templateProblems(content).map((p) => [p.path, p.message])).toEqual([
      [
        "sections.0.questions.0.showIf",
        'Condition refers to "self", which does not come before this question',
      ],
      [
        "sections.0.questions.1.showIf",
        'Condition refers to "later", which does not come before this question',
      ],
      ["sections.0.questions.2.showIf", 'Condition refers to unknown question "nobody"'],
    ]);
  });

  it("requires the condition to fit the referenced question's type and options", () => {
    const content = tpl(
      sec("a", [
        q("yn", "yes_no"),
        q("one", "single_choice", { options: opts(0, 100) }),
        q("many", "multi_choice", { options: opts(0, 100) }),
        q("t", "text"),
      ]),
      sec("b", [
        q("b0", "text", { showIf: { question: "one", equals: true } }), // boolean needs yes_no
        q("b1", "text", { showIf: { question: "yn", equals: "aa" } }), // option needs single_choice
        q("b2", "text", { showIf: { question: "one", equals: "zz" } }), // unknown option
        q("b3", "text", { showIf: { question: "one", includes: "aa" } }), // includes needs multi
        q("b4", "text", { showIf: { question: "many", includes: "zz" } }), // unknown option
        q("b5", "text", { showIf: { question: "many", equals: "aa" } }), // equals on multi
        q("b6", "text", { showIf: { question: "t", equals: true } }), // text cannot be a condition
      ]),
    );
    expect(paths(content)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `sections.1.questions.${i}.showIf`));
  });

  it("CheckedTemplateContent reports each problem as a zod issue at its path", () => {
    // Keys of 2+ characters here: the per-field schema runs too and wants valid keys.
    const content = tpl(sec("ab", [q("xx", "text"), q("xx", "text")]));
    const result = CheckedTemplateContent.safeParse(content);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["sections", 0, "questions", 1, "key"]]);
    expect(CheckedTemplateContent.safeParse(tpl(sec("ab", [q("xx", "text")]))).success).toBe(true);
  });
});

// A hides B hides C: C depends on B, which depends on A.
const chain = tpl(
  sec("s", [
    q("a", "yes_no", { required: true }),
    q("b", "single_choice", {
      options: opts(0, 100),
      required: true,
      showIf: { question: "a", equals: true },
    }),
    q("c", "multi_choice", {
      options: opts(10, 20),
      required: true,
      showIf: { question: "b", equals: "bb" },
    }),
    q("d", "text", { required: true, showIf: { question: "c", includes: "aa" } }),
  ]),
);
const visible = (answers: Record<string, unknown>) =>
  [...visibleQuestions(chain, answers as never)].sort().join("");

describe("visibleQuestions", () => {
  it("shows unconditional questions and hides conditional ones until their condition holds", () => {
    expect(visible({})).toBe("a");
    expect(visible({ a: false })).toBe("a");
    expect(visible({ a: true })).toBe("ab");
    expect(visible({ a: true, b: "aa" })).toBe("ab");
    expect(visible({ a: true, b: "bb" })).toBe("abc");
    expect(visible({ a: true, b: "bb", c: ["bb"] })).toBe("abc");
    expect(visible({ a: true, b: "bb", c: ["bb", "aa"] })).toBe("abcd");
  });

  it("hides the whole chain when an early answer hides its head, whatever is answered below", () => {
    expect(visible({ a: false, b: "bb", c: ["aa"], d: "left behind" })).toBe("a");
    expect(visible({ a: true, b: "aa", c: ["aa"], d: "left behind" })).toBe("ab");
  });

  it("does not take a wrongly typed answer as meeting a condition", () => {
    expect(visible({ a: "true" })).toBe("a");
    expect(visible({ a: true, b: ["bb"] })).toBe("ab");
  });
});

describe("answerProblems", () => {
  const all = tpl(
    sec("s", [
      q("yn", "yes_no"),
      q("one", "single_choice", { options: opts(0, 100) }),
      q("many", "multi_choice", { options: opts(0, 50, 100) }),
      q("txt", "text"),
      q("num", "number"),
      q("day", "date"),
      q("doc", "file"),
    ]),
  );
  const check = (answers: Record<string, unknown>, forSubmit = false) =>
    answerProblems(all, answers as never, { forSubmit });

  it("accepts a valid answer of each type", () => {
    const answers = {
      yn: true,
      one: "bb",
      many: ["aa", "cc"],
      txt: "Yes",
      num: -3.5,
      day: "2024-02-29",
      doc: "f1",
    };
    expect(check(answers, true)).toEqual([]);
  });

  it.each([
    ["yn", "yes", "Expected yes (true) or no (false)"],
    ["one", "zz", "Expected one of the options"],
    ["one", ["aa"], "Expected one of the options"],
    ["many", "aa", "Expected a list of options"],
    ["many", ["aa", "zz"], "Unknown option in the list"],
    ["many", ["aa", "aa"], "An option is chosen twice"],
    ["txt", 12, "Expected text"],
    ["txt", "x".repeat(20_001), "At most 20000 characters"],
    ["num", "12", "Expected a number"],
    ["num", Number.POSITIVE_INFINITY, "Expected a number"],
    ["num", Number.NaN, "Expected a number"],
    ["day", "2025-02-29", "Expected a date (YYYY-MM-DD)"],
    ["day", "2025-2-1", "Expected a date (YYYY-MM-DD)"],
    ["day", "2025-02-01T00:00:00Z", "Expected a date (YYYY-MM-DD)"],
    ["doc", 42, "Expected an uploaded file id"],
  ])("refuses %s = %j", (key, value, message) => {
    expect(check({ [key]: value })).toEqual([{ key, message }]);
  });

  it("refuses unknown keys", () => {
    expect(check({ yn: true, nope: 1 })).toEqual([{ key: "nope", message: "Unknown question" }]);
  });

  it("treats null, blank text and an empty selection as not answered: fine when saving", () => {
    expect(check({ yn: null, txt: "  ", many: [], one: "" })).toEqual([]);
  });

  it("on submit requires every visible required question, ignoring hidden ones", () => {
    const submit = (answers: Record<string, unknown>) =>
      answerProblems(chain, answers as never, { forSubmit: true }).map((p) => p.key);
    expect(submit({})).toEqual(["a"]);
    expect(submit({ a: false })).toEqual([]);
    expect(submit({ a: true })).toEqual(["b"]);
    expect(submit({ a: true, b: "bb", c: [] })).toEqual(["c"]);
    expect(submit({ a: true, b: "bb", c: ["aa"], d: " " })).toEqual(["d"]);
    expect(submit({ a: true, b: "bb", c: ["aa"], d: "done" })).toEqual([]);
    expect(answerProblems(chain, {}, { forSubmit: false })).toEqual([]);
  });

  it("ignores (does not type-check) answers to hidden questions", () => {
    expect(answerProblems(chain, { a: false, b: 42, d: ["x"] } as never, { forSubmit: true })).toEqual([]);
  });
});

describe("isIsoDate", () => {
  it("knows leap years and month lengths", () => {
    expect(["2024-02-29", "2000-02-29", "2025-12-31"].every(isIsoDate)).toBe(true);
    expect(["1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "20250101"].some(isIsoDate)).toBe(false);
  });
});
