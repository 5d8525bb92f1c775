import { describe, expect, it } from "vitest";
import type { Question } from "../../../domain/questionnaires.js";
import { parseAnswer } from "./assessments-xlsx.js";

const q = (type: Question["type"], extra: Partial<Question> = {}): Question => ({
  key: "k_one",
  text: "Q",
  type,
  weight: 1,
  required: false,
  evidenceRequired: false,
  riskCategory: "data_security",
  ...extra,
});
const choice = (type: "single_choice" | "multi_choice") =>
  q(type, {
    options: [
      { value: "low", label: "Low risk", score: 100 },
      { value: "high", label: "High, really", score: 0 },
    ],
  });

describe("parseAnswer (XLSX cells → answers)", () => {
  it("reads yes/no in the usual spellings", () => {
    for (const v of ["Yes", "yes", "TRUE", true])
      expect(parseAnswer(q("yes_no"), v)).toEqual({ value: true });
    for (const v of ["No", "false", false]) expect(parseAnswer(q("yes_no"), v)).toEqual({ value: false });
    expect(parseAnswer(q("yes_no"), "maybe")).toHaveProperty("error");
  });
  it("reads choices by key or label, several separated by commas or semicolons", () => {
    expect(parseAnswer(choice("single_choice"), "Low risk")).toEqual({ value: "low" });
    expect(parseAnswer(choice("single_choice"), " high ")).toEqual({ value: "high" });
    expect(parseAnswer(choice("single_choice"), "medium")).toHaveProperty("error");
    expect(parseAnswer(choice("multi_choice"), "low; high")).toEqual({ value: ["low", "high"] });
    expect(parseAnswer(choice("multi_choice"), "low,low")).toEqual({ value: ["low"] });
    expect(parseAnswer(choice("multi_choice"), "low, nope")).toHaveProperty("error");
  });
  it("reads numbers and dates (ISO text, Excel serials and date cells)", () => {
    expect(parseAnswer(q("number"), 12.5)).toEqual({ value: 12.5 });
    expect(parseAnswer(q("number"), "1 200")).toEqual({ value: 1200 });
    expect(parseAnswer(q("number"), "twelve")).toHaveProperty("error");
    expect(parseAnswer(q("date"), "2024-02-29")).toEqual({ value: "2024-02-29" });
    expect(parseAnswer(q("date"), 45_658)).toEqual({ value: "2025-01-01" });
    expect(parseAnswer(q("date"), new Date(Date.UTC(2025, 5, 30)))).toEqual({ value: "2025-06-30" });
    expect(parseAnswer(q("date"), "2025-02-30")).toHaveProperty("error");
  });
  it("treats an empty cell as clearing the answer", () => {
    expect(parseAnswer(q("text"), null)).toEqual({ value: null });
    expect(parseAnswer(q("text"), "  ")).toEqual({ value: null });
  });
});
