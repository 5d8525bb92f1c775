import { and, asc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type {
  CreateTemplate,
  ListTemplatesQuery,
  QuestionnaireTemplate,
  TemplateVersion,
  UpdateTemplate,
} from "../../../domain/questionnaire-templates.js";
import { BUNDLED_TEMPLATES } from "../../../domain/questionnaires/templates/index.js";
import { type TemplateContent, templateProblems } from "../../../domain/questionnaires.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { invalid, notFound } from "../../platform/errors.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import {
  contentCounts,
  presentTemplateListItem,
  presentVersionSummary,
  templateSnapshot,
} from "./questionnaires.present.js";
import {
  questionnaireTemplates as templates,
  questionnaireTemplateVersions as versions,
} from "./questionnaires.tables.js";

type TemplateRow = typeof templates.$inferSelect;

const SORTS: Record<string, SortSpec> = {
  title: { expr: sql`lower(${templates.title})`, cast: "text" },
  updatedAt: { expr: sql`${templates.updatedAt}`, cast: "timestamptz" },
};

/** Counts of the current version computed in SQL, so the list does not load every template's content. */
const countColumns = {
  sections: sql<number>`jsonb_array_length(${versions.content}->'sections')`,
  questions: sql<number>`(SELECT count(*)::int FROM jsonb_array_elements(${versions.content}->'sections') s,
    jsonb_array_elements(s->'questions') q)`,
};

/** Refuses content breaking the cross-field rules with 422, one field error per problem. */
function assertContent(content: TemplateContent) {
  const problems = templateProblems(content);
  if (problems.length)
    throw invalid(
      "The template is not consistent",
      problems.map((p) => ({ path: `body.content.${p.path}`, message: p.message })),
    );
}

/** Loads a template of the organization for update, or 404 (also for other organizations' ids). */
async function lockTemplate(tx: Tx, orgId: string, id: string): Promise<TemplateRow> {
  const [t] = await tx
    .select()
    .from(templates)
    .where(and(eq(templates.id, id), eq(templates.orgId, orgId)))
    .for("update");
  if (!t) throw notFound("Questionnaire template");
  return t;
}

/** Questionnaire templates: the bundled library, an organization's copies and their versions. */
export function createQuestionnaireTemplateService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db): Promise<QuestionnaireTemplate> {
    const [t] = await q
      .select()
      .from(templates)
      .where(and(eq(templates.id, id), eq(templates.orgId, actor.orgId)));
    if (!t) throw notFound("Questionnaire template");
    const all = await q
      .select()
      .from(versions)
      .where(eq(versions.templateId, id))
      .orderBy(asc(versions.version));
    // current_version always names an existing row: both are written in the same transaction.
    const current = all.find((v) => v.version === t.currentVersion)!;
    return {
      ...presentTemplateListItem(t, contentCounts(current.content)),
      content: current.content,
      versions: all.map(presentVersionSummary),
    };
  }

  return {
    get,

    /** The bundled templates, in the order a due diligence typically runs. */
    library: () => BUNDLED_TEMPLATES,

    async list(actor: Actor, q: ListTemplatesQuery) {
      const order = keysetOrdering(SORTS, templates.id, q.sort, q.cursor);
      const where: SQL[] = [eq(templates.orgId, actor.orgId), eq(templates.archived, q.archived === "true")];
      if (q.q) where.push(ilike(templates.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      if (order.after) where.push(order.after);
      const rows = await db
        .select({ template: templates, ...countColumns, sortValue: order.sortValue })
        .from(templates)
        .innerJoin(
          versions,
          and(eq(versions.templateId, templates.id), eq(versions.version, templates.currentVersion)),
        )
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.template.id,
        (r) => presentTemplateListItem(r.template, { sections: r.sections, questions: r.questions }),
      );
    },

    async version(actor: Actor, id: string, version: number): Promise<TemplateVersion> {
      const [v] = await db
        .select()
        .from(versions)
        .where(
          and(eq(versions.templateId, id), eq(versions.version, version), eq(versions.orgId, actor.orgId)),
        );
      if (!v) throw notFound("Template version");
      return { templateId: id, ...presentVersionSummary(v), content: v.content };
    },

    /** Copies a bundled template or stores new content as version 1. */
    async create(actor: Actor, input: CreateTemplate) {
      const bundled = input.libraryKey
        ? BUNDLED_TEMPLATES.find((b) => b.key === input.libraryKey)
        : undefined;
      // The schema guarantees exactly one of libraryKey (a known key) and content.
      const content = bundled?.content ?? input.content!;
      assertContent(content);
      return db.transaction(async (tx) => {
        const [t] = await tx
          .insert(templates)
          .values({
            orgId: actor.orgId,
            libraryKey: bundled?.key ?? null,
            title: content.title,
            description: content.description ?? null,
            createdBy: actor.userId,
          })
          .returning();
        await tx
          .insert(versions)
          .values({ templateId: t.id, version: 1, orgId: actor.orgId, content, createdBy: actor.userId });
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "questionnaire_template.create",
          entityType: "questionnaire_template",
          entityId: t.id,
          after: { ...templateSnapshot(t), ...contentCounts(content) },
        });
        return get(actor, t.id, tx);
      });
    },

    /**
     * Updates the template. New content replaces the current version while no assessment uses
     * it; once one does, it becomes version n+1 so running assessments keep the questions they got.
     */
    async update(actor: Actor, id: string, patch: UpdateTemplate) {
      if (patch.content) assertContent(patch.content);
      return db.transaction(async (tx) => {
        const before = await lockTemplate(tx, actor.orgId, id);
        const { content } = patch;
        let version = before.currentVersion;
        let newVersion = false;
        if (content) {
          const [current] = await tx
            .select({ inUseAt: versions.inUseAt })
            .from(versions)
            .where(and(eq(versions.templateId, id), eq(versions.version, version)))
            .for("update");
          if (current.inUseAt === null) {
            await tx
              .update(versions)
              .set({ content })
              .where(and(eq(versions.templateId, id), eq(versions.version, version)));
          } else {
            version += 1;
            newVersion = true;
            await tx
              .insert(versions)
              .values({ templateId: id, version, orgId: actor.orgId, content, createdBy: actor.userId });
          }
        }
        const [after] = await tx
          .update(templates)
          .set({
            title: patch.title ?? content?.title ?? before.title,
            description:
              patch.description !== undefined
                ? patch.description
                : content
                  ? (content.description ?? null)
                  : before.description,
            archived: patch.archived ?? before.archived,
            currentVersion: version,
            updatedAt: new Date(),
          })
          .where(eq(templates.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: newVersion
            ? "questionnaire_template.new_version"
            : after.archived && !before.archived
              ? "questionnaire_template.archive"
              : "questionnaire_template.update",
          entityType: "questionnaire_template",
          entityId: id,
          before: templateSnapshot(before),
          after: { ...templateSnapshot(after), ...(content ? contentCounts(content) : {}) },
        });
        return get(actor, id, tx);
      });
    },
  };
}
