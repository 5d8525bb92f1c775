import { z } from "zod";
import { Id, OptionalText, PageQuery, PlainString, Text } from "./common.js";
import { BUNDLED_TEMPLATES } from "./questionnaires/templates/index.js";
import { TemplateContent } from "./questionnaires.js";

/**
 * API schemas of the questionnaire templates (issue 6): the bundled library, an organization's own
 * templates and their versions. The content rules themselves live in `questionnaires.ts`.
 */

const BUNDLED_KEYS = BUNDLED_TEMPLATES.map((t) => t.key) as [string, ...string[]];

/** The key of a bundled template (the library an organization copies from). */
export const LibraryKey = z.enum(BUNDLED_KEYS);

/** How big a template is: shown in lists so nobody opens one to see its size. */
const Counts = { sections: z.number().int(), questions: z.number().int() };

/** One bundled template of `GET /api/v1/questionnaire-templates/library`. */
export const LibraryTemplate = z.object({
  key: LibraryKey,
  title: z.string(),
  description: z.string().nullable(),
  ...Counts,
});
export type LibraryTemplate = z.infer<typeof LibraryTemplate>;
export const LibraryTemplates = z.object({ items: z.array(LibraryTemplate) });

export const TEMPLATE_SORTS = ["title", "-title", "updatedAt", "-updatedAt"] as const;

/** Query of `GET /api/v1/questionnaire-templates`: active templates unless `archived=true`. */
export const ListTemplatesQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  archived: z.enum(["true", "false"]).default("false"),
  sort: z.enum(TEMPLATE_SORTS).default("title"),
});
export type ListTemplatesQuery = z.infer<typeof ListTemplatesQuery>;

/** A template in the list: its current version's size, not its content. */
export const TemplateListItem = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  libraryKey: z.string().nullable(),
  currentVersion: z.number().int(),
  ...Counts,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateListItem = z.infer<typeof TemplateListItem>;

/** One version in a template's version list; `inUse` versions are frozen (assessments keep them). */
export const TemplateVersionSummary = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  inUse: z.boolean(),
});
export type TemplateVersionSummary = z.infer<typeof TemplateVersionSummary>;

/** A template with its current content and every version. */
export const QuestionnaireTemplate = TemplateListItem.extend({
  content: TemplateContent,
  versions: z.array(TemplateVersionSummary),
});
export type QuestionnaireTemplate = z.infer<typeof QuestionnaireTemplate>;

/** `GET /api/v1/questionnaire-templates/:id/versions/:version`. */
export const TemplateVersion = TemplateVersionSummary.extend({ templateId: Id, content: TemplateContent });
export type TemplateVersion = z.infer<typeof TemplateVersion>;
export const TemplateVersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1).max(1e6) });

/**
 * `POST /api/v1/questionnaire-templates`: copy a bundled template (`libraryKey`) or create one
 * from `content`. Exactly one of the two; cross-field content rules answer 422 from the service.
 */
export const CreateTemplate = z
  .object({ libraryKey: LibraryKey.optional(), content: TemplateContent.optional() })
  .strict()
  .refine((b) => (b.libraryKey === undefined) !== (b.content === undefined), {
    message: "Send either libraryKey or content",
  });
export type CreateTemplate = z.infer<typeof CreateTemplate>;

/**
 * `PATCH /api/v1/questionnaire-templates/:id`. New `content` replaces the current version while
 * no assessment uses it, else becomes the next version. Without an explicit title/description the
 * template's follow the new content's, so the list shows what respondents will see.
 */
export const UpdateTemplate = z
  .object({
    title: Text(200).optional(),
    description: OptionalText(4000),
    content: TemplateContent.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to update" });
export type UpdateTemplate = z.infer<typeof UpdateTemplate>;
