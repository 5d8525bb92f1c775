import { describe, expect, it } from "vitest";
import { formatAnswer, formatBytes, progressPercent } from "./answers";
import { formatScore, scoreColor } from "./labels";
import { hasFilters, parseAssessmentsSearch, toListQuery } from "./search";
import type { ContentQuestion } from "./types";

const question = (over: Partial<ContentQuestion>): ContentQuestion => ({
  key: "q",
  text: "Question",
  type: "text",
  weight: 1,
  required: false,
  evidenceRequired: false,
  riskCategory: "data_security",
  ...over,
});

describe("assessments search params", () => {
  it("keeps known values and drops the rest", () => {
    const s = parseAssessmentsSearch({
      view: "table",
      status: ["sent", "bogus", "completed"],
      partnerId: "not-a-uuid",
      purpose: "reassessment",
      overdue: "true",
      sort: "-dueDate",
      q: "  ",
    });
    expect(s).toEqual({
      view: "table",
      q: undefined,
      status: ["sent", "completed"],
      partnerId: undefined,
      purpose: "reassessment",
      overdue: true,
      sort: "-dueDate",
    });
    expect(parseAssessmentsSearch({ view: "grid", overdue: "false" })).toMatchObject({
      view: undefined,
      overdue: undefined,
    });
  });

  it("sends statuses comma-separated and leaves cancelled off the board unless asked", () => {
    expect(toListQuery({ status: ["sent", "submitted"] }).status).toBe("sent,submitted");
    expect(toListQuery({}).status).toBeUndefined();
    const board = toListQuery({}, true).status?.split(",");
    expect(board).not.toContain("cancelled");
    expect(board).toHaveLength(7);
    expect(toListQuery({ status: ["cancelled"] }, true).status).toBe("cancelled");
    expect(toListQuery({ overdue: true }).overdue).toBe("true");
    expect(toListQuery({}).sort).toBe("dueDate");
  });

  it("counts filters but not the view or sort", () => {
    expect(hasFilters({ view: "table", sort: "partner" })).toBe(false);
    expect(hasFilters({ overdue: true })).toBe(true);
    expect(hasFilters({ status: [] })).toBe(false);
  });
});

describe("answers as a reviewer reads them", () => {
  const options = [
    { value: "iso", label: "ISO 27001", score: 100 },
    { value: "none", label: "None", score: 0 },
  ];
  it("writes yes/no, option labels, lists and dates out", () => {
    expect(formatAnswer(question({ type: "yes_no" }), true)).toBe("Yes");
    expect(formatAnswer(question({ type: "yes_no" }), false)).toBe("No");
    expect(formatAnswer(question({ type: "single_choice", options }), "iso")).toBe("ISO 27001");
    expect(formatAnswer(question({ type: "multi_choice", options }), ["iso", "none"])).toBe(
      "ISO 27001 · None",
    );
    expect(formatAnswer(question({ type: "multi_choice", options }), [])).toBeNull();
    expect(formatAnswer(question({ type: "date" }), "2026-03-15")).toBe("15 Mar 2026");
    expect(formatAnswer(question({ type: "text" }), "Hello")).toBe("Hello");
  });

  it("treats unanswered and file answers as having no text", () => {
    expect(formatAnswer(question({}), null)).toBeNull();
    expect(formatAnswer(question({}), undefined)).toBeNull();
    expect(formatAnswer(question({}), "")).toBeNull();
    expect(formatAnswer(question({ type: "file" }), "0b9e…")).toBeNull();
  });

  it("keeps an unknown option key visible rather than hiding it", () => {
    expect(formatAnswer(question({ type: "single_choice", options }), "gone")).toBe("gone");
  });
});

describe("small formatters", () => {
  it("rounds scores like the domain does and colours them by band", () => {
    expect(formatScore(64.6)).toBe("64.6");
    expect(formatScore(53.333)).toBe("53.3");
    expect(formatScore(null)).toBe("–");
    expect(scoreColor(80)).toBe("teal");
    expect(scoreColor(60)).toBe("yellow");
    expect(scoreColor(10)).toBe("red");
    expect(scoreColor(null)).toBe("gray");
  });

  it("formats sizes and progress", () => {
    expect(formatBytes(69)).toBe("69 B");
    expect(formatBytes(2048)).toBe("2 kB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
    expect(progressPercent({ answered: 3, visible: 4 })).toBe(75);
    expect(progressPercent({ answered: 0, visible: 0 })).toBe(0);
  });
});
