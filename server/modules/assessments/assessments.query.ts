import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  ASSESSMENT_STATUSES,
  type Assessment,
  type AssessmentStatus,
  type ListAssessmentsQuery,
} from "../../../domain/assessments.js";
import type { Answers } from "../../../domain/questionnaire-answers.js";
import type { TemplateContent } from "../../../domain/questionnaires.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { partners } from "../partners/partners.tables.js";
import {
  questionnaireTemplates as templates,
  questionnaireTemplateVersions as versions,
} from "../questionnaires/questionnaires.tables.js";
import { users } from "../users/users.tables.js";
import {
  type AssessmentSelectRow,
  PARTNER_SIDE_STATUSES,
  presentAssessment,
  presentAssessmentListItem,
} from "./assessments.present.js";
import {
  assessmentAnswers,
  assessmentEvidence,
  assessmentRecipients,
  assessments,
} from "./assessments.tables.js";
import { evidenceFile } from "./evidence.js";

const creator = alias(users, "assessment_creator");

/** Evidence columns without the bytes: the detail view lists files, downloads fetch one. */
const evidenceMeta = {
  id: assessmentEvidence.id,
  orgId: assessmentEvidence.orgId,
  assessmentId: assessmentEvidence.assessmentId,
  questionKey: assessmentEvidence.questionKey,
  fileName: assessmentEvidence.fileName,
  contentType: assessmentEvidence.contentType,
  size: assessmentEvidence.size,
  sha256: assessmentEvidence.sha256,
  uploadedBy: assessmentEvidence.uploadedBy,
  uploadedAt: assessmentEvidence.uploadedAt,
};

/** The columns of a presented assessment; select with the joins of `selectAssessments`. */
const columns = {
  assessment: assessments,
  partner: { id: partners.id, name: partners.name },
  template: { id: templates.id, name: templates.title },
  createdBy: { id: creator.id, name: creator.name },
};

/** The SELECT … FROM assessments with every join a presented assessment needs. */
function selectAssessments<E extends Record<string, SQL.Aliased>>(q: Queryable, extra: E = {} as E) {
  return q
    .select({ ...columns, ...extra })
    .from(assessments)
    .innerJoin(partners, eq(partners.id, assessments.partnerId))
    .innerJoin(templates, eq(templates.id, assessments.templateId))
    .leftJoin(creator, eq(creator.id, assessments.createdBy));
}

/** Sorts of the list; the due-date one matches the index `(org_id, status, due_date, id)` per status. */
const SORTS: Record<string, SortSpec> = {
  dueDate: { expr: sql`${assessments.dueDate}`, cast: "date" },
  updatedAt: { expr: sql`${assessments.updatedAt}`, cast: "timestamptz" },
  partner: { expr: sql`lower(${partners.name})`, cast: "text" },
};

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Open on the partner's side and past due (the same rule as `isOverdue`, in SQL). */
const overdueSql = (today: string) =>
  sql`(${assessments.status} IN (${inList(PARTNER_SIDE_STATUSES)}) AND ${assessments.dueDate} < ${today}::date)`;

/** The WHERE conditions of a list query. */
function assessmentFilters(orgId: string, q: ListAssessmentsQuery, today: string): SQL[] {
  const where: SQL[] = [eq(assessments.orgId, orgId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(partners.name, like), ilike(templates.title, like))!);
  }
  if (q.partnerId) where.push(eq(assessments.partnerId, q.partnerId));
  if (q.templateId) where.push(eq(assessments.templateId, q.templateId));
  if (q.status?.length) where.push(inArray(assessments.status, q.status));
  if (q.purpose) where.push(eq(assessments.purpose, q.purpose));
  if (q.overdue === "true") where.push(overdueSql(today));
  if (q.overdue === "false") where.push(sql`NOT ${overdueSql(today)}`);
  return where;
}

/** Each (template, version) content of the given assessments, in ONE query. */
async function contentsOf(q: Queryable, rows: { templateId: string; templateVersion: number }[]) {
  const pairs = [...new Map(rows.map((r) => [`${r.templateId}:${r.templateVersion}`, r])).values()];
  const out = new Map<string, TemplateContent>();
  if (!pairs.length) return out;
  const found = await q
    .select({ templateId: versions.templateId, version: versions.version, content: versions.content })
    .from(versions)
    .where(
      sql`(${versions.templateId}, ${versions.version}) IN (${sql.join(
        pairs.map((p) => sql`(${p.templateId}::uuid, ${p.templateVersion}::int)`),
        sql`, `,
      )})`,
    );
  for (const v of found) out.set(`${v.templateId}:${v.version}`, v.content);
  return out;
}

/** Each assessment's answers as `{ key: value }`, in ONE query. */
async function answersByAssessment(q: Queryable, ids: string[]) {
  const out = new Map<string, Answers>(ids.map((id) => [id, {}]));
  if (!ids.length) return out;
  const rows = await q
    .select({
      assessmentId: assessmentAnswers.assessmentId,
      key: assessmentAnswers.questionKey,
      value: assessmentAnswers.value,
    })
    .from(assessmentAnswers)
    .where(inArray(assessmentAnswers.assessmentId, ids));
  for (const r of rows) if (r.value !== null) out.get(r.assessmentId)![r.key] = r.value;
  return out;
}

/** Presents selected rows: one query for their versions' content, one for their answers. */
async function presentRows(q: Queryable, rows: AssessmentSelectRow[], today: string) {
  const contents = await contentsOf(
    q,
    rows.map((r) => r.assessment),
  );
  const answers = await answersByAssessment(
    q,
    rows.map((r) => r.assessment.id),
  );
  return rows.map((r) =>
    presentAssessmentListItem(
      r,
      // The version row is written with the assessment and never deleted while it is referenced.
      contents.get(`${r.assessment.templateId}:${r.assessment.templateVersion}`)!,
      answers.get(r.assessment.id)!,
      today,
    ),
  );
}

/** Reads of assessments: the list, the board's summary, one assessment and its evidence files. */
export function createAssessmentQueries(ctx: AppContext) {
  const { db } = ctx.database;

  /** The assessment with everything the detail view shows; 404 for a missing or another org's id. */
  async function get(actor: Actor, id: string, q: Queryable = db): Promise<Assessment> {
    const [row] = await selectAssessments(q).where(
      and(eq(assessments.id, id), eq(assessments.orgId, actor.orgId)),
    );
    if (!row) throw notFound("Assessment");
    const a = row.assessment;
    // Sequential: inside a transaction `q` is one connection.
    const [version] = await q
      .select({ content: versions.content })
      .from(versions)
      .where(and(eq(versions.templateId, a.templateId), eq(versions.version, a.templateVersion)));
    const answers = await q.select().from(assessmentAnswers).where(eq(assessmentAnswers.assessmentId, id));
    const evidence = await q
      .select(evidenceMeta)
      .from(assessmentEvidence)
      .where(eq(assessmentEvidence.assessmentId, id))
      .orderBy(asc(assessmentEvidence.uploadedAt), asc(assessmentEvidence.id));
    const recipients = await q
      .select()
      .from(assessmentRecipients)
      .where(eq(assessmentRecipients.assessmentId, id))
      .orderBy(asc(assessmentRecipients.name), asc(assessmentRecipients.email));
    // Every user referenced (answerers, reviewers, uploaders, the concluder and the clarifier) in one query.
    const userIds = new Set<string>();
    for (const x of answers) for (const u of [x.updatedBy, x.reviewedBy]) if (u) userIds.add(u);
    for (const e of evidence) if (e.uploadedBy) userIds.add(e.uploadedBy);
    for (const u of [a.concludedBy, a.clarification?.requestedBy]) if (u) userIds.add(u);
    const names = new Map(
      userIds.size
        ? (
            await q
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(and(eq(users.orgId, actor.orgId), inArray(users.id, [...userIds])))
          ).map((u) => [u.id, u.name])
        : [],
    );
    return presentAssessment(
      { row: row as AssessmentSelectRow, content: version.content, answers, evidence, recipients, names },
      todayUtc(),
    );
  }

  return {
    get,

    /** 404 unless the assessment exists in the actor's organization (the history route's check). */
    async assertExists(actor: Actor, id: string) {
      const [a] = await db
        .select({ id: assessments.id })
        .from(assessments)
        .where(and(eq(assessments.id, id), eq(assessments.orgId, actor.orgId)));
      if (!a) throw notFound("Assessment");
    },

    /** One page: the rows, then their versions and answers in two more queries (not one per row). */
    async list(actor: Actor, q: ListAssessmentsQuery) {
      const today = todayUtc();
      const order = keysetOrdering(SORTS, assessments.id, q.sort, q.cursor);
      const where = assessmentFilters(actor.orgId, q, today);
      if (order.after) where.push(order.after);
      const rows = await selectAssessments(db, { sortValue: order.sortValue })
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      const pageRows = rows.slice(0, q.limit);
      const items = await presentRows(db, pageRows as AssessmentSelectRow[], today);
      const byId = new Map(items.map((i) => [i.id, i]));
      return order.page(
        rows,
        q.limit,
        (r) => r.assessment.id,
        (r) => byId.get(r.assessment.id)!,
      );
    },

    /** Counts per status (every status present, zeros included) and how many are overdue. */
    async summary(actor: Actor, partnerId?: string) {
      const today = todayUtc();
      const where = [eq(assessments.orgId, actor.orgId)];
      if (partnerId) where.push(eq(assessments.partnerId, partnerId));
      const rows = await db
        .select({
          status: assessments.status,
          count: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) FILTER (WHERE ${overdueSql(today)})::int`,
        })
        .from(assessments)
        .where(and(...where))
        .groupBy(assessments.status);
      const byStatus = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])) as Record<
        AssessmentStatus,
        number
      >;
      let overdue = 0;
      for (const r of rows) {
        byStatus[r.status as AssessmentStatus] = r.count;
        overdue += r.overdue;
      }
      return { byStatus, overdue };
    },

    /** One evidence file with its content; 404 unless it belongs to this assessment of the organization. */
    async evidenceFile(actor: Actor, id: string, evidenceId: string) {
      return evidenceFile(ctx, db, { id, orgId: actor.orgId }, evidenceId);
    },
  };
}

/** The read side, handed to the services so every change answers with the fresh assessment. */
export type AssessmentQueries = ReturnType<typeof createAssessmentQueries>;
