import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { TemplateContent } from "../../../domain/questionnaires.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { userRef } from "../users/users.tables.js";

/**
 * An organization's questionnaire templates (issue 6). The content lives in versions so running
 * assessments keep the questions they were sent; `libraryKey` remembers the bundled template a copy
 * started from.
 */
export const questionnaireTemplates = pgTable(
  "questionnaire_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    libraryKey: text("library_key"),
    title: text("title").notNull(),
    description: text("description"),
    currentVersion: integer("current_version").notNull().default(1),
    archived: boolean("archived").notNull().default(false),
    createdBy: userRef("created_by"),
    ...timestamps,
  },
  (t) => [
    index("questionnaire_templates_org_title_idx").on(t.orgId, sql`lower(${t.title})`, t.id),
    index("questionnaire_templates_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
  ],
);

/**
 * The versions of a template. A version is edited in place until `inUseAt` is set (an assessment
 * started from it); after that an edit creates the next version.
 */
export const questionnaireTemplateVersions = pgTable(
  "questionnaire_template_versions",
  {
    templateId: uuid("template_id")
      .notNull()
      .references(() => questionnaireTemplates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    orgId: orgId(),
    content: jsonb("content").$type<TemplateContent>().notNull(),
    inUseAt: timestamp("in_use_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: userRef("created_by"),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);
