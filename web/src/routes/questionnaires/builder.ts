import {
  type QuestionType,
  TemplateContent as TemplateContentSchema,
  templateProblems,
} from "../../../../domain/questionnaires";
import type { TemplateContent, TemplateQuestion, TemplateSection } from "./queries";

/**
 * Pure editing operations of the template builder. Every function returns new content and never
 * mutates its input, so React sees each edit as a new value, "dirty" is a plain comparison and the
 * operations are unit-testable without a browser.
 */

/** Field path (as the API names it, without `body.content.`) → message. */
export type BuilderErrors = Record<string, string>;

const CHOICE: ReadonlySet<QuestionType> = new Set(["single_choice", "multi_choice"]);

/** True for the types whose answers are picked from options. */
export const isChoice = (type: QuestionType): boolean => CHOICE.has(type);

/**
 * A key (`^[a-z][a-z0-9_]{1,62}$`) derived from free text, unique among `taken`: accents folded,
 * anything else turned into underscores, cut at a word boundary so keys stay readable.
 */
export function suggestKey(text: string, taken: Iterable<string>, fallback = "question"): string {
  let base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (base.length > 40) base = base.slice(0, 40).replace(/_[^_]*$/, "") || base.slice(0, 40);
  if (!/^[a-z]/.test(base)) base = base ? `${fallback}_${base}` : fallback;
  if (base.length < 2) base = fallback;
  base = base.slice(0, 56);
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * The key to use after a text edit when the key still "follows" the text: it is the suggestion
 * for the old text or a placeholder like `question_3`/`option_2`. A key someone typed by hand is
 * kept (null), so editing the wording never renames a key chosen on purpose.
 */
export function followKey(
  key: string,
  oldText: string,
  newText: string,
  others: string[],
  fallback: string,
): string | null {
  const placeholder = new RegExp(`^${fallback}(_\\d+)?$`).test(key);
  if (!placeholder && key !== suggestKey(oldText, others, fallback)) return null;
  if (!newText.trim()) return null;
  const next = suggestKey(newText, others, fallback);
  return next === key ? null : next;
}

/** Every question key of the template, in document order. */
export function questionKeys(content: TemplateContent): string[] {
  return content.sections.flatMap((s) => s.questions.map((q) => q.key));
}

/** `list` with the item at `from` moved to `to` (clamped); the same list when nothing moves. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** A new question: yes/no, weight 1, with a key unique in the template. */
export function blankQuestion(content: TemplateContent): TemplateQuestion {
  return {
    key: suggestKey("question", questionKeys(content)),
    text: "",
    type: "yes_no",
    weight: 1,
    required: false,
    evidenceRequired: false,
    riskCategory: "quality",
  };
}

/** A new section holding one blank question (a section needs at least one). */
export function blankSection(content: TemplateContent): TemplateSection {
  return {
    key: suggestKey(
      "section",
      content.sections.map((s) => s.key),
      "section",
    ),
    title: "New section",
    weight: 1,
    questions: [blankQuestion(content)],
  };
}

/** Minimal valid content for "New blank template". */
export function blankContent(title: string): TemplateContent {
  const empty: TemplateContent = { title, sections: [] };
  const section = blankSection(empty);
  section.title = "General";
  section.key = "general";
  section.questions[0].text = "First question";
  section.questions[0].key = "first_question";
  return { title, sections: [section] };
}

/** Replaces section `si` with `update(section)`. */
export function updateSection(
  content: TemplateContent,
  si: number,
  update: (s: TemplateSection) => TemplateSection,
): TemplateContent {
  return { ...content, sections: content.sections.map((s, i) => (i === si ? update(s) : s)) };
}

/** Replaces question `qi` of section `si` with `update(question)`. */
export function updateQuestion(
  content: TemplateContent,
  si: number,
  qi: number,
  update: (q: TemplateQuestion) => TemplateQuestion,
): TemplateContent {
  return updateSection(content, si, (s) => ({
    ...s,
    questions: s.questions.map((q, i) => (i === qi ? update(q) : q)),
  }));
}

/**
 * Renames a question key and every condition pointing at it, so renaming never silently breaks
 * a dependent question. With a duplicated key, conditions mean its FIRST question (the one
 * `templateProblems` resolves them to), so only renaming that one takes the conditions along.
 */
export function renameQuestionKey(
  content: TemplateContent,
  si: number,
  qi: number,
  to: string,
): TemplateContent {
  const question = content.sections[si].questions[qi];
  const from = question.key;
  const first = content.sections.flatMap((s) => s.questions).find((q) => q.key === from);
  const renamed = updateQuestion(content, si, qi, (q) => ({ ...q, key: to }));
  if (first !== question || from === to) return renamed;
  return mapQuestions(renamed, (q) =>
    q.showIf?.question === from ? { ...q, showIf: { ...q.showIf, question: to } } : q,
  );
}

/** Renames an option value and the conditions that compare against it. */
export function renameOptionValue(
  content: TemplateContent,
  si: number,
  qi: number,
  oi: number,
  to: string,
): TemplateContent {
  const question = content.sections[si].questions[qi];
  const from = question.options?.[oi]?.value;
  const renamed = updateQuestion(content, si, qi, (q) => ({
    ...q,
    options: (q.options ?? []).map((o, i) => (i === oi ? { ...o, value: to } : o)),
  }));
  if (from === undefined || from === to) return renamed;
  return mapQuestions(renamed, (q) => {
    const c = q.showIf;
    if (!c || c.question !== question.key) return q;
    if ("includes" in c && c.includes === from) return { ...q, showIf: { ...c, includes: to } };
    if ("equals" in c && c.equals === from) return { ...q, showIf: { ...c, equals: to } };
    return q;
  });
}

/**
 * Changes a question's type, keeping only what the new type allows: options for choices (two
 * starters when there were none), `yesScore` for yes/no. Conditions of other questions that no
 * longer fit show up as validation problems rather than being dropped behind the user's back.
 */
export function changeType(question: TemplateQuestion, type: QuestionType): TemplateQuestion {
  const { options, yesScore, ...rest } = question;
  const next: TemplateQuestion = { ...rest, type };
  if (isChoice(type))
    next.options = options?.length
      ? options
      : [
          { value: "option_1", label: "Option 1", score: 100 },
          { value: "option_2", label: "Option 2", score: 0 },
        ];
  if (type === "yes_no" && yesScore !== undefined) next.yesScore = yesScore;
  return next;
}

/** A copy of a question right after it, with a fresh key and no inbound conditions. */
export function duplicateQuestion(content: TemplateContent, si: number, qi: number): TemplateContent {
  const original = content.sections[si].questions[qi];
  const copy = { ...original, key: suggestKey(`${original.key}_copy`, questionKeys(content)) };
  return updateSection(content, si, (s) => ({
    ...s,
    questions: [...s.questions.slice(0, qi + 1), copy, ...s.questions.slice(qi + 1)],
  }));
}

/** The questions whose condition refers to `key`: deleting `key` would leave them dangling. */
export function dependentsOf(content: TemplateContent, key: string): TemplateQuestion[] {
  return content.sections.flatMap((s) => s.questions.filter((q) => q.showIf?.question === key));
}

/** Removes conditions referring to any of `keys` (their question is being deleted). */
function dropConditionsOn(content: TemplateContent, keys: Set<string>): TemplateContent {
  return mapQuestions(content, (q) => {
    if (!q.showIf || !keys.has(q.showIf.question)) return q;
    const { showIf: _dropped, ...rest } = q;
    return rest;
  });
}

/** Deletes a question and the conditions that pointed at it (those questions become unconditional). */
export function deleteQuestion(content: TemplateContent, si: number, qi: number): TemplateContent {
  const key = content.sections[si].questions[qi].key;
  const without = updateSection(content, si, (s) => ({
    ...s,
    questions: s.questions.filter((_, i) => i !== qi),
  }));
  return dropConditionsOn(without, new Set([key]));
}

/** Deletes a section, its questions and the conditions that pointed at them. */
export function deleteSection(content: TemplateContent, si: number): TemplateContent {
  const keys = new Set(content.sections[si].questions.map((q) => q.key));
  return dropConditionsOn({ ...content, sections: content.sections.filter((_, i) => i !== si) }, keys);
}

function mapQuestions(
  content: TemplateContent,
  f: (q: TemplateQuestion) => TemplateQuestion,
): TemplateContent {
  return { ...content, sections: content.sections.map((s) => ({ ...s, questions: s.questions.map(f) })) };
}

/**
 * The questions a condition of question (si, qi) may refer to: earlier ones whose answer can be
 * compared (yes/no, single or multiple choice), the same rule `templateProblems` enforces.
 */
export function conditionTargets(content: TemplateContent, si: number, qi: number): TemplateQuestion[] {
  const earlier = content.sections.flatMap((s, i) =>
    i < si ? s.questions : i === si ? s.questions.slice(0, qi) : [],
  );
  return earlier.filter((q) => q.type === "yes_no" || isChoice(q.type));
}

/**
 * Every problem of the draft, keyed by path: zod's per-field rules first (required text, key
 * format, ranges), then the cross-field rules of `templateProblems`. The same checks the server
 * runs, so Save is only offered for content it will accept.
 */
export function draftErrors(content: TemplateContent): BuilderErrors {
  const errors: BuilderErrors = {};
  const parsed = TemplateContentSchema.safeParse(content);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "content";
      errors[path] ??= fieldMessage(issue.message);
    }
  for (const p of templateProblems(content)) errors[p.path] ??= p.message;
  return errors;
}

/** zod's developer wording → what an editor reads. */
function fieldMessage(message: string): string {
  if (/>=1 characters?/.test(message)) return "Required";
  const tooLong = /expected string to have <=(\d+) characters?/.exec(message);
  if (tooLong) return `At most ${tooLong[1]} characters`;
  if (/expected array to have >=1 items?/.test(message)) return "Add at least one";
  return message;
}

/** Server field errors (`body.content.sections.0.title`) re-keyed like `draftErrors`. */
export function serverContentErrors(errors: readonly { path: string; message: string }[]): BuilderErrors {
  const out: BuilderErrors = {};
  for (const e of errors) {
    const path = e.path.replace(/^body(\.content)?\.?/, "");
    out[path || "content"] ??= e.message;
  }
  return out;
}

/** The errors at `prefix` or below it (e.g. one question's), for counts and badges. */
export function errorsUnder(errors: BuilderErrors, prefix: string): string[] {
  return Object.keys(errors).filter((p) => p === prefix || p.startsWith(`${prefix}.`));
}

/**
 * A problem's path in words for the problem list: `sections.0.questions.2.options.1.label` →
 * "Question 1.3, option 2: label".
 */
export function describePath(path: string): string {
  const m = /^sections\.(\d+)(?:\.questions\.(\d+))?(?:\.options\.(\d+))?(?:\.(\w+))?/.exec(path);
  if (!m) return path === "content" ? "Template" : `Template: ${path}`;
  const [, si, qi, oi, field] = m;
  const where =
    qi === undefined ? `Section ${Number(si) + 1}` : `Question ${Number(si) + 1}.${Number(qi) + 1}`;
  const option = oi === undefined ? "" : `, option ${Number(oi) + 1}`;
  return `${where}${option}${field ? `: ${FIELD_NAMES[field] ?? field}` : ""}`;
}

const FIELD_NAMES: Record<string, string> = {
  text: "wording",
  showIf: "condition",
  yesScore: "score of Yes",
  value: "key",
  riskCategory: "risk category",
  evidenceRequired: "evidence required",
};

/** True when the draft differs from what was loaded. */
export function isDirty(draft: TemplateContent, saved: TemplateContent): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}

/**
 * The message after a save: the server replaced the current version (no assessment used it) or
 * added a new one (assessments in progress keep the previous version), told by the version number.
 */
export function saveOutcome(previousVersion: number, savedVersion: number): string {
  return savedVersion > previousVersion
    ? `Saved as version ${savedVersion}; assessments in progress keep version ${previousVersion}`
    : `Saved as version ${savedVersion}`;
}

/** Applies one change to the draft (a functional update, so quick successive edits compose). */
export type Edit = (change: (content: TemplateContent) => TemplateContent) => void;
