import type {
  LibraryTemplate,
  TemplateListItem,
  TemplateVersionSummary,
} from "../../../domain/questionnaire-templates.js";
import type { BundledTemplate, TemplateContent } from "../../../domain/questionnaires.js";
import type { questionnaireTemplates, questionnaireTemplateVersions } from "./questionnaires.tables.js";

type TemplateRow = typeof questionnaireTemplates.$inferSelect;
type VersionRow = typeof questionnaireTemplateVersions.$inferSelect;

/** Section and question counts of a template's content. */
export const contentCounts = (content: TemplateContent) => ({
  sections: content.sections.length,
  questions: content.sections.reduce((n, s) => n + s.questions.length, 0),
});

/** A bundled template as the library lists it (no questions: they come with the copy). */
export const presentLibraryTemplate = (t: BundledTemplate): LibraryTemplate => ({
  key: t.key,
  title: t.content.title,
  description: t.content.description ?? null,
  ...contentCounts(t.content),
});

/** Whitelists a template row with its current version's counts. */
export function presentTemplateListItem(
  t: TemplateRow,
  counts: { sections: number; questions: number },
): TemplateListItem {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    libraryKey: t.libraryKey,
    currentVersion: t.currentVersion,
    ...counts,
    archived: t.archived,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** A version in the version list. */
export const presentVersionSummary = (v: Pick<VersionRow, "version" | "createdAt" | "inUseAt">) =>
  ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    inUse: v.inUseAt !== null,
  }) satisfies TemplateVersionSummary;

/** What the audit trail keeps of a template: the row's fields, not the (large) content. */
export const templateSnapshot = (t: TemplateRow) => ({
  title: t.title,
  description: t.description,
  libraryKey: t.libraryKey,
  currentVersion: t.currentVersion,
  archived: t.archived,
});
