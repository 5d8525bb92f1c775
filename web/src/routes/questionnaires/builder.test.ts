import { describe, expect, it } from "vitest";
import { BUNDLED_TEMPLATES } from "../../../../domain/questionnaires/templates/index";
import {
  blankContent,
  blankSection,
  changeType,
  conditionTargets,
  deleteQuestion,
  deleteSection,
  describePath,
  draftErrors,
  duplicateQuestion,
  errorsUnder,
  followKey,
  isDirty,
  move,
  renameOptionValue,
  renameQuestionKey,
  saveOutcome,
  serverContentErrors,
  suggestKey,
  updateQuestion,
} from "./builder";
import type { TemplateContent } from "./queries";

/** Two sections: a yes/no, a single choice conditional on it, and a multi choice. */
function sample(): TemplateContent {
  return {
    title: "Sample",
    sections: [
      {
        key: "sec_a",
        title: "A",
        weight: 1,
        questions: [
          {
            key: "has_iso",
            text: "ISO?",
            type: "yes_no",
            weight: 1,
            required: true,
            evidenceRequired: false,
            riskCategory: "quality",
          },
          {
            key: "level",
            text: "Level?",
            type: "single_choice",
            weight: 1,
            required: false,
            evidenceRequired: false,
            riskCategory: "quality",
            options: [
              { value: "low", label: "Low", score: 0 },
              { value: "high", label: "High", score: 100 },
            ],
            showIf: { question: "has_iso", equals: true },
          },
        ],
      },
      {
        key: "sec_b",
        title: "B",
        weight: 2,
        questions: [
          {
            key: "tools",
            text: "Tools?",
            type: "multi_choice",
            weight: 1,
            required: false,
            evidenceRequired: false,
            riskCategory: "data_security",
            options: [
              { value: "siem", label: "SIEM", score: 50 },
              { value: "edr", label: "EDR", score: 50 },
            ],
            showIf: { question: "level", equals: "high" },
          },
        ],
      },
    ],
  };
}

describe("suggestKey", () => {
  it("turns text into a valid, unique key", () => {
    expect(suggestKey("Do you hold ISO 27001?", [])).toBe("do_you_hold_iso_27001");
    expect(suggestKey("Données protégées", [])).toBe("donnees_protegees");
    expect(suggestKey("ISO", ["iso", "iso_2"])).toBe("iso_3");
    expect(suggestKey("2FA everywhere", [])).toBe("question_2fa_everywhere");
    expect(suggestKey("?", [])).toBe("question");
    const long = suggestKey("word ".repeat(40), []);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z][a-z0-9_]{1,62}$/);
  });
});

describe("followKey", () => {
  it("keeps suggesting from the text until the key was chosen by hand", () => {
    expect(followKey("question_2", "", "Do you encrypt?", [], "question")).toBe("do_you_encrypt");
    expect(followKey("do_you_encrypt", "Do you encrypt?", "Do you encrypt data?", [], "question")).toBe(
      "do_you_encrypt_data",
    );
    expect(followKey("encryption", "Do you encrypt?", "Do you encrypt data?", [], "question")).toBeNull();
    expect(followKey("option_1", "Option 1", "Weekly", ["weekly"], "option")).toBe("weekly_2");
  });
});

describe("editing operations", () => {
  it("moves items and clamps the target", () => {
    expect(move([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(move([1, 2, 3], 2, -5)).toEqual([3, 1, 2]);
    expect(move([1, 2, 3], 1, 1)).toEqual([1, 2, 3]);
  });

  it("renames a question key together with the conditions pointing at it", () => {
    const c = renameQuestionKey(sample(), 0, 0, "iso_certified");
    expect(c.sections[0].questions[0].key).toBe("iso_certified");
    expect(c.sections[0].questions[1].showIf).toEqual({ question: "iso_certified", equals: true });
    expect(draftErrors(c)).toEqual({});
  });

  it("with a duplicated key, conditions follow only the first question of that key", () => {
    // 1.2 takes the key of 1.1: conditions still mean 1.1 (the first), so renaming 1.2 leaves them…
    const dup = renameQuestionKey(sample(), 0, 1, "has_iso");
    expect(renameQuestionKey(dup, 0, 1, "level").sections[0].questions[1].showIf?.question).toBe("has_iso");
    // …while renaming 1.1 takes them along.
    const moved = renameQuestionKey(dup, 0, 0, "iso_held");
    expect(moved.sections[0].questions[1].showIf).toEqual({ question: "iso_held", equals: true });
  });

  it("renames an option value together with the conditions comparing against it", () => {
    const c = renameOptionValue(sample(), 0, 1, 1, "very_high");
    expect(c.sections[1].questions[0].showIf).toEqual({ question: "level", equals: "very_high" });
    expect(draftErrors(c)).toEqual({});
  });

  it("deleting a question or section drops the conditions that referred to it", () => {
    const c = deleteQuestion(sample(), 0, 1);
    expect(c.sections[0].questions.map((q) => q.key)).toEqual(["has_iso"]);
    expect(c.sections[1].questions[0].showIf).toBeUndefined();
    const d = deleteSection(sample(), 0);
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0].questions[0].showIf).toBeUndefined();
  });

  it("duplicates a question after itself with a fresh key", () => {
    const c = duplicateQuestion(sample(), 0, 0);
    expect(c.sections[0].questions.map((q) => q.key)).toEqual(["has_iso", "has_iso_copy", "level"]);
    expect(draftErrors(c)).toEqual({});
  });

  it("changing the type keeps only what the new type allows", () => {
    const q = sample().sections[0].questions[0];
    const choice = changeType({ ...q, yesScore: 80 }, "single_choice");
    expect(choice.options).toHaveLength(2);
    expect(choice.yesScore).toBeUndefined();
    expect(changeType(choice, "text").options).toBeUndefined();
  });

  it("offers only earlier questions of a comparable type as condition targets", () => {
    const c = updateQuestion(sample(), 0, 0, (q) => changeType(q, "text"));
    expect(conditionTargets(c, 1, 0).map((q) => q.key)).toEqual(["level"]);
    expect(conditionTargets(sample(), 0, 0)).toEqual([]);
  });

  it("new sections and blank templates are valid content", () => {
    const blank = blankContent("New questionnaire");
    expect(draftErrors(blank)).toEqual({});
    const withSection = { ...blank, sections: [...blank.sections, blankSection(blank)] };
    // The blank question's text is empty on purpose: the editor shows "Required" where to type.
    expect(Object.keys(draftErrors(withSection))).toEqual(["sections.1.questions.0.text"]);
  });
});

describe("validation", () => {
  it("accepts every bundled template", () => {
    for (const t of BUNDLED_TEMPLATES) expect(draftErrors(t.content)).toEqual({});
  });

  it("reports field and cross-field problems by path", () => {
    const c = updateQuestion(sample(), 1, 0, (q) => ({
      ...q,
      key: "has_iso",
      options: q.options?.slice(0, 1),
    }));
    const bad = updateQuestion(c, 0, 0, (q) => ({ ...q, text: "  " }));
    const errors = draftErrors(bad);
    expect(errors["sections.0.questions.0.text"]).toBe("Required");
    expect(errors["sections.1.questions.0.key"]).toMatch(/Duplicate question key/);
    expect(errors["sections.1.questions.0.options"]).toMatch(/at least 2 options/);
    expect(errorsUnder(errors, "sections.1")).toHaveLength(2);
    expect(errorsUnder(errors, "sections.1.questions.0.key")).toHaveLength(1);
  });

  it("describes problem paths in words", () => {
    expect(describePath("sections.0.questions.2.options.1.label")).toBe("Question 1.3, option 2: label");
    expect(describePath("sections.1.key")).toBe("Section 2: key");
    expect(describePath("sections.0.questions.0.showIf")).toBe("Question 1.1: condition");
    expect(describePath("title")).toBe("Template: title");
  });

  it("maps the server's 422 paths onto the same keys", () => {
    expect(
      serverContentErrors([
        { path: "body.content.sections.0.questions.2.options", message: "x" },
        { path: "body", message: "y" },
      ]),
    ).toEqual({ "sections.0.questions.2.options": "x", content: "y" });
  });

  it("tells dirty drafts and save outcomes", () => {
    expect(isDirty(sample(), sample())).toBe(false);
    expect(isDirty(renameQuestionKey(sample(), 0, 0, "x_y"), sample())).toBe(true);
    expect(saveOutcome(3, 3)).toBe("Saved as version 3");
    expect(saveOutcome(3, 4)).toBe("Saved as version 4; assessments in progress keep version 3");
  });
});
