import ExcelJS from "exceljs";
import { type Answers, allQuestions, isIsoDate } from "../../../domain/questionnaire-answers.js";
import type { AnswerValue, Question, TemplateContent } from "../../../domain/questionnaires.js";
import { AppError, invalid } from "../../platform/errors.js";

/**
 * The offline questionnaire workbook (issue 6): one "Questionnaire" sheet, a row per question with
 * its answer, and an "Instructions" sheet. A hidden cell (J1) names the assessment and template
 * version, so a file filled in for another assessment, or for an older version, is refused rather
 * than matched by question key by luck. Pure apart from exceljs: no database here.
 */

/** The XLSX content type. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const SHEET = "Questionnaire";
const HEADERS = ["Section", "Key", "Question", "Type", "Options", "Required", "Help", "Answer"] as const;
const KEY_COL = 2;
const ANSWER_COL = 8;
const META_COL = 10;
const META_PREFIX = "outsight-assessment";

const TYPE_LABELS: Record<Question["type"], string> = {
  yes_no: "Yes / No",
  single_choice: "One option",
  multi_choice: "Several options",
  text: "Text",
  number: "Number",
  date: "Date (YYYY-MM-DD)",
  file: "File",
};

/** Which assessment and template version a workbook belongs to. */
export interface WorkbookIdentity {
  assessmentId: string;
  templateId: string;
  version: number;
}

const metaOf = (id: WorkbookIdentity) => `${META_PREFIX}:${id.assessmentId}:${id.templateId}:${id.version}`;

/** How an answer is written in the Answer column: the form the import reads back. */
function answerCell(q: Question, value: AnswerValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null || q.type === "file") return null;
  if (q.type === "yes_no") return value === true ? "Yes" : value === false ? "No" : null;
  if (Array.isArray(value)) return value.join(", ");
  return value as string | number;
}

const INSTRUCTIONS = [
  "How to answer this questionnaire offline",
  "",
  "1. Fill in the Answer column of the Questionnaire sheet. Leave the other columns as they are.",
  "2. Yes / No questions: Yes or No. One option: an option key or its label, as listed in Options.",
  "3. Several options: option keys (or labels) separated by commas or semicolons.",
  "4. Numbers as numbers; dates as YYYY-MM-DD or as Excel dates.",
  "5. An empty Answer clears the answer. Rows you delete are left unchanged.",
  "6. Files cannot be attached here: upload evidence in the portal.",
  "7. Some questions apply only after certain answers (see Help); answers to questions that do not apply are kept but not counted.",
  "8. Import the file back on the assessment's page. Nothing is saved unless every row is valid.",
];

/**
 * Builds the workbook for one assessment, prefilled with its current answers. Choice answers are
 * written as option keys (labels may contain commas; keys never do).
 */
export async function buildQuestionnaireWorkbook(
  identity: WorkbookIdentity,
  content: TemplateContent,
  answers: Answers,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Outsight";
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { width: 24 },
    { width: 22 },
    { width: 60 },
    { width: 16 },
    { width: 40 },
    { width: 10 },
    { width: 40 },
    { width: 40 },
    { width: 2 },
    { width: 10, hidden: true },
  ];
  ws.addRow([...HEADERS]).font = { bold: true };
  ws.getCell(1, META_COL).value = metaOf(identity);
  for (const section of content.sections)
    for (const q of section.questions) {
      const options =
        q.type === "file"
          ? "Upload files in the portal"
          : (q.options ?? []).map((o) => `${o.value} = ${o.label}`).join("\n");
      const help = [
        q.help,
        q.showIf
          ? `Only if ${q.showIf.question} ${"includes" in q.showIf ? `includes ${q.showIf.includes}` : `is ${q.showIf.equals === true ? "Yes" : q.showIf.equals === false ? "No" : q.showIf.equals}`}`
          : "",
      ]
        .filter(Boolean)
        .join("\n");
      const row = ws.addRow([
        section.title,
        q.key,
        q.text,
        TYPE_LABELS[q.type],
        options,
        q.required ? "Yes" : "No",
        help,
        answerCell(q, answers[q.key]),
      ]);
      row.alignment = { wrapText: true, vertical: "top" };
      const cell = row.getCell(ANSWER_COL);
      const list =
        q.type === "yes_no"
          ? "Yes,No"
          : q.type === "single_choice"
            ? (q.options ?? []).map((o) => o.value).join(",")
            : "";
      // Excel limits an inline list to 255 characters; longer lists are typed by hand.
      if (list && list.length <= 250)
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${list}"`],
          showErrorMessage: false,
        };
      if (q.type === "date") cell.numFmt = "yyyy-mm-dd";
    }
  const help = wb.addWorksheet("Instructions");
  help.getColumn(1).width = 120;
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The plain value of a cell: formulas give their result, rich text its text, hyperlinks their text. */
function plain(v: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== "object") return v as string | number | boolean | Date;
  if ("result" in v) return plain(v.result as ExcelJS.CellValue);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return plain(v.text as ExcelJS.CellValue);
  return null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Converts one Answer cell to a value for `q`, or a message saying what was expected. */
export function parseAnswer(
  q: Question,
  raw: ReturnType<typeof plain>,
): { value: AnswerValue | null } | { error: string } {
  if (raw === null || (typeof raw === "string" && raw.trim() === "")) return { value: null };
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
  const option = (s: string) => {
    const t = s.trim().toLowerCase();
    const opts = q.options ?? [];
    const byKey = opts.find((o) => o.value === t);
    if (byKey) return byKey.value;
    const byLabel = opts.filter((o) => o.label.trim().toLowerCase() === t);
    return byLabel.length === 1 ? byLabel[0].value : null;
  };
  switch (q.type) {
    case "yes_no": {
      if (typeof raw === "boolean") return { value: raw };
      const t = text.toLowerCase();
      if (["yes", "true", "y", "1"].includes(t)) return { value: true };
      if (["no", "false", "n", "0"].includes(t)) return { value: false };
      return { error: "Expected Yes or No" };
    }
    case "single_choice": {
      const v = option(text);
      return v
        ? { value: v }
        : { error: `Expected one of: ${(q.options ?? []).map((o) => o.value).join(", ")}` };
    }
    case "multi_choice": {
      const parts = text
        .split(/[;,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const values = parts.map(option);
      const bad = parts.filter((_, i) => !values[i]);
      if (bad.length) return { error: `Unknown option(s): ${bad.join(", ")}` };
      return { value: [...new Set(values as string[])] };
    }
    case "number": {
      const n = typeof raw === "number" ? raw : Number(text.replace(/[\s\u00a0]/g, ""));
      return Number.isFinite(n) && text !== "" ? { value: n } : { error: "Expected a number" };
    }
    case "date": {
      if (typeof raw === "number") {
        // An Excel serial date: days since 1899-12-30 (the 1900 leap-year bug is in the epoch).
        const d = new Date(EXCEL_EPOCH + Math.round(raw) * 86_400_000);
        return { value: d.toISOString().slice(0, 10) };
      }
      return isIsoDate(text) ? { value: text } : { error: "Expected a date (YYYY-MM-DD)" };
    }
    case "text":
      return { value: typeof raw === "string" ? raw : text };
    case "file":
      return { error: "Files cannot be imported" };
  }
}

/** A row-level import error. */
export interface ImportError {
  row: number;
  path: string;
  message: string;
}

/** 422 `import_rejected`: nothing was written. */
export const importRejected = (errors: ImportError[]) =>
  new AppError(
    422,
    "import_rejected",
    "Import rejected",
    `${errors.length} row(s) have problems; nothing was saved`,
    errors,
  );

/**
 * Reads the answers of a workbook made by `buildQuestionnaireWorkbook` for `identity`. File
 * questions are skipped (evidence is uploaded, not typed). Every bad row is reported (422
 * `import_rejected`); a workbook of another assessment or version is 422 `wrong_questionnaire`.
 * Returns the answers by key (null = clear) and the row each came from.
 */
export async function parseQuestionnaireWorkbook(
  data: Buffer,
  identity: WorkbookIdentity,
  content: TemplateContent,
): Promise<{ answers: Record<string, AnswerValue | null>; rows: Map<string, number> }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid("The file is not a readable XLSX workbook", [
      { path: "body", message: "Not an XLSX file" },
    ]);
  }
  const ws = wb.getWorksheet(SHEET);
  const meta = ws ? plain(ws.getCell(1, META_COL).value) : null;
  if (!ws || typeof meta !== "string" || !meta.startsWith(`${META_PREFIX}:`) || meta !== metaOf(identity))
    throw new AppError(
      422,
      "wrong_questionnaire",
      "Wrong questionnaire",
      "This file was not exported from this assessment (or from an older version of its questionnaire); export it again",
    );
  const questions = new Map(allQuestions(content).map((q) => [q.key, q]));
  const answers: Record<string, AnswerValue | null> = {};
  const rows = new Map<string, number>();
  const errors: ImportError[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const rawKey = plain(ws.getCell(r, KEY_COL).value);
    const key = rawKey === null ? "" : String(rawKey).trim();
    if (!key) continue;
    const q = questions.get(key);
    if (!q) {
      errors.push({ row: r, path: `answers.${key}`, message: "Unknown question key" });
      continue;
    }
    if (rows.has(key)) {
      errors.push({
        row: r,
        path: `answers.${key}`,
        message: `Question repeated (also row ${rows.get(key)})`,
      });
      continue;
    }
    rows.set(key, r);
    if (q.type === "file") continue;
    const parsed = parseAnswer(q, plain(ws.getCell(r, ANSWER_COL).value));
    if ("error" in parsed) errors.push({ row: r, path: `answers.${key}`, message: parsed.error });
    else answers[key] = parsed.value;
  }
  if (errors.length) throw importRejected(errors);
  return { answers, rows };
}
