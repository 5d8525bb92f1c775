import { and, eq } from "drizzle-orm";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { AppError, notFound } from "../../platform/errors.js";
import { portalAssessment } from "../portal/portal.present.js";
import { type AssessmentRow, answersOf, assertEditable, assessmentContent, saveAnswers } from "./answers.js";
import { assessments } from "./assessments.tables.js";
import {
  buildQuestionnaireWorkbook,
  importRejected,
  parseQuestionnaireWorkbook,
} from "./assessments-xlsx.js";

/** Who is asking: staff (organization-wide) or a partner user (their partner's visible assessments). */
export type Scope = "staff" | "portal";

/** Staff see every assessment of their organization; another organization's id is a 404. */
async function staffAssessment(
  q: Queryable,
  actor: Actor,
  id: string,
  lock: boolean,
): Promise<AssessmentRow> {
  const where = and(eq(assessments.id, id), eq(assessments.orgId, actor.orgId));
  const [row] = lock
    ? await q.select().from(assessments).where(where).for("update")
    : await q.select().from(assessments).where(where);
  if (!row) throw notFound("Assessment");
  return row;
}

const find = (q: Queryable, actor: Actor, scope: Scope, id: string, lock = false) =>
  scope === "staff" ? staffAssessment(q, actor, id, lock) : portalAssessment(q, actor, id, lock);

const identityOf = (row: AssessmentRow) => ({
  assessmentId: row.id,
  templateId: row.templateId,
  version: row.templateVersion,
});

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "questionnaire";

/** XLSX export and import of an assessment's answers (the offline round trip). */
export function createXlsxService(ctx: AppContext) {
  const { db } = ctx.database;
  return {
    /** The questionnaire workbook, prefilled with the current answers. */
    async exportXlsx(actor: Actor, scope: Scope, id: string): Promise<{ name: string; data: Buffer }> {
      const row = await find(db, actor, scope, id);
      const content = await assessmentContent(db, row);
      const data = await buildQuestionnaireWorkbook(identityOf(row), content, await answersOf(db, row));
      return { name: `${slug(content.title)}-${row.id.slice(0, 8)}.xlsx`, data };
    },

    /**
     * Imports the answers of a workbook, all or nothing, through the same `saveAnswers` as the
     * portal's autosave (so the same checks, status move and audit event). Staff import on the
     * partner's behalf, in the statuses the partner could edit in. `dryRun` checks and counts only.
     */
    async importXlsx(actor: Actor, scope: Scope, id: string, data: Buffer, dryRun: boolean) {
      // Scope before parsing: a stranger's id is a 404 whatever the file holds.
      await find(db, actor, scope, id);
      return db.transaction(async (tx) => {
        const row = await find(tx, actor, scope, id, true);
        assertEditable(row);
        const content = await assessmentContent(tx, row);
        const { answers, rows } = await parseQuestionnaireWorkbook(data, identityOf(row), content);
        try {
          const outcome = await saveAnswers(tx, actor, row, content, answers, {
            source: "import",
            dryRun,
            pathPrefix: "answers.",
          });
          return {
            dryRun,
            updated: outcome.updated.length,
            unchanged: outcome.unchanged.length,
            cleared: outcome.cleared.length,
          };
        } catch (e) {
          // Same problems as the autosave, reported by row so the user can find them in the sheet.
          if (e instanceof AppError && e.code === "validation_failed" && e.errors?.length)
            throw importRejected(
              e.errors.map((err) => ({ ...err, row: rows.get(err.path.replace(/^answers\./, "")) ?? 0 })),
            );
          throw e;
        }
      });
    },
  };
}
