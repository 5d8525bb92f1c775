import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { dueText, formatAnswer, formatBytes, percent } from "./labels";
import { answerKeyOf } from "./useAutosave";

describe("answerKeyOf", () => {
  it("finds the question key in save and submit error paths", () => {
    expect(answerKeyOf("body.answers.mfa_enforced")).toBe("mfa_enforced");
    expect(answerKeyOf("answers.past_incident_details")).toBe("past_incident_details");
  });
  it("ignores paths that are not about one answer", () => {
    expect(answerKeyOf("body.answers")).toBeNull();
    expect(answerKeyOf("body")).toBeNull();
    expect(answerKeyOf("dueDate")).toBeNull();
  });
});

describe("formatAnswer", () => {
  const choice = {
    type: "multi_choice",
    options: [
      { value: "a", label: "Alpha" },
      { value: "b", label: "Beta" },
    ],
  };
  it("reads answers as people do", () => {
    expect(formatAnswer({ type: "yes_no" }, true)).toBe("Yes");
    expect(formatAnswer({ type: "yes_no" }, false)).toBe("No");
    expect(formatAnswer({ ...choice, type: "single_choice" }, "b")).toBe("Beta");
    expect(formatAnswer(choice, ["a", "b"])).toBe("Alpha, Beta");
    expect(formatAnswer({ type: "number" }, 24)).toBe("24");
    expect(formatAnswer({ type: "date" }, "2027-03-31")).toBe("31 Mar 2027");
  });
  it("says nothing for an unanswered question", () => {
    expect(formatAnswer({ type: "text" }, null)).toBeNull();
    expect(formatAnswer({ type: "text" }, "")).toBeNull();
    expect(formatAnswer(choice, [])).toBeNull();
  });
});

describe("dueText", () => {
  const day = (offset: number) => dayjs().add(offset, "day").format("YYYY-MM-DD");
  it("counts calendar days, so today is today", () => {
    expect(dueText(day(0), false)).toMatch(/· today$/);
    expect(dueText(day(1), false)).toMatch(/· tomorrow$/);
    expect(dueText(day(5), false)).toMatch(/· in 5 days$/);
  });
  it("says since when an overdue questionnaire is late", () => {
    expect(dueText("2026-03-01", true)).toBe("Overdue since 1 Mar 2026");
  });
});

describe("percent and formatBytes", () => {
  it("rounds and never divides by zero", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
  it("formats sizes", () => {
    expect(formatBytes(45)).toBe("45 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatBytes(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });
});
