import { and, eq, inArray, or, sql } from "drizzle-orm";
import type {
  CompleteAssessment,
  RequestClarification,
  ReviewAnswer,
  RiskFromAnswer,
} from "../../../domain/assessments.js";
import { type Answers, allQuestions } from "../../../domain/questionnaire-answers.js";
import { scoreAssessment } from "../../../domain/questionnaire-scoring.js";
import type { AnswerValue, Question, TemplateContent } from "../../../domain/questionnaires.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { publishEvents } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import { questionnaireTemplateVersions as versions } from "../questionnaires/questionnaires.tables.js";
import { afterRiskChange, insertRisk } from "../risks/risks.service.js";
import { riskCategories } from "../risks/risks.tables.js";
import { users } from "../users/users.tables.js";
import { assertMove, lockAssessment } from "./assessments.checks.js";
import type { AssessmentRow } from "./assessments.present.js";
import type { AssessmentQueries } from "./assessments.query.js";
import { assessmentAnswers, assessmentRecipients, assessments } from "./assessments.tables.js";

/** Statuses in which staff review answers. */
const REVIEWABLE = ["submitted", "under_review"];

async function contentOf(q: Queryable, a: AssessmentRow): Promise<TemplateContent> {
  const [v] = await q
    .select({ content: versions.content })
    .from(versions)
    .where(and(eq(versions.templateId, a.templateId), eq(versions.version, a.templateVersion)));
  return v.content;
}

/** The question of the assessment's version with this key, or 404. */
function questionOf(content: TemplateContent, key: string): Question {
  const q = allQuestions(content).find((x) => x.key === key);
  if (!q) throw notFound("Question");
  return q;
}

/**
 * The active partner users answering an assessment: those linked to its recipients, and those who
 * have since accepted an invitation sent to a recipient's address (matched by email).
 */
async function partnerUsersOf(tx: Tx, a: AssessmentRow): Promise<string[]> {
  const recipients = await tx
    .select({ userId: assessmentRecipients.userId, email: assessmentRecipients.email })
    .from(assessmentRecipients)
    .where(eq(assessmentRecipients.assessmentId, a.id));
  if (!recipients.length) return [];
  const ids = recipients.flatMap((r) => (r.userId ? [r.userId] : []));
  const emails = recipients.map((r) => r.email.toLowerCase());
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, a.orgId),
        eq(users.partnerId, a.partnerId),
        eq(users.role, "partner"),
        eq(users.active, true),
        or(...(ids.length ? [inArray(users.id, ids)] : []), inArray(sql`lower(${users.email})`, emails)),
      ),
    );
  return rows.map((r) => r.id);
}

/** An answer in words for a risk description: labels for choices, Yes/No for yes/no. */
function answerText(q: Question, value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === "") return "(not answered)";
  const label = (v: unknown) => q.options?.find((o) => o.value === v)?.label ?? String(v);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length ? value.map(label).join(", ") : "(none)";
  return q.type === "single_choice" ? label(value) : String(value);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Review of assessments: clarification requests, per-answer decisions, the conclusion, risks from answers. */
export function createAssessmentReview(ctx: AppContext, queries: AssessmentQueries) {
  const { db } = ctx.database;

  return {
    /** Sends a submitted assessment back to the partner with a message (and the questions concerned). */
    async clarify(actor: Actor, id: string, input: RequestClarification) {
      return db.transaction(async (tx) => {
        const before = await lockAssessment(tx, actor.orgId, id);
        assertMove(before.status, "clarification_requested");
        const content = await contentOf(tx, before);
        const keys = new Set(allQuestions(content).map((q) => q.key));
        const unknown = input.questionKeys.flatMap((k, i) =>
          keys.has(k)
            ? []
            : [{ path: `body.questionKeys.${i}`, message: "No such question in this assessment" }],
        );
        if (unknown.length) throw invalid("Some questions are not part of this assessment", unknown);
        const now = new Date();
        const clarification = {
          message: input.message,
          questionKeys: [...new Set(input.questionKeys)],
          requestedAt: now.toISOString(),
          requestedBy: actor.userId,
        };
        await tx
          .update(assessments)
          .set({ status: "clarification_requested", clarification, updatedAt: now })
          .where(eq(assessments.id, id));
        const who = auditActorOf(actor);
        await recordAudit(tx, actor.orgId, who, {
          action: "assessment.clarification_request",
          entityType: "assessment",
          entityId: id,
          relatedIds: [before.partnerId],
          before: { status: before.status },
          after: { status: "clarification_requested", clarification },
        });
        const title = content.title;
        await publishEvents(tx, actor.orgId, who, [
          {
            type: "assessment_clarification",
            // Each request is its own occurrence: the timestamp keeps a second request from being a no-op.
            key: `assessment_clarification:${id}:${clarification.requestedAt}`,
            title: `Clarification requested: ${title}`,
            body: input.message,
            link: `/portal/assessments/${id}`,
            subject: { type: "assessment", id },
            data: { assessmentId: id, questionKeys: clarification.questionKeys },
            recipients: await partnerUsersOf(tx, before),
          },
        ]);
        return queries.get(actor, id, tx);
      });
    },

    /**
     * Records a decision (accepted / flagged, or null to clear it) and a comment on one answer. The
     * first decision on a submitted assessment moves it to under review.
     */
    async review(actor: Actor, id: string, questionKey: string, input: ReviewAnswer) {
      return db.transaction(async (tx) => {
        const before = await lockAssessment(tx, actor.orgId, id);
        if (!REVIEWABLE.includes(before.status))
          throw conflict(
            `Answers are reviewed once submitted; this assessment is ${before.status.replace(/_/g, " ")}`,
            "invalid_transition",
          );
        questionOf(await contentOf(tx, before), questionKey);
        const [old] = await tx
          .select()
          .from(assessmentAnswers)
          .where(and(eq(assessmentAnswers.assessmentId, id), eq(assessmentAnswers.questionKey, questionKey)));
        const now = new Date();
        const comment = input.comment === undefined ? (old?.comment ?? null) : input.comment;
        const reviewed = input.decision !== null || comment !== null;
        const fields = {
          decision: input.decision,
          comment,
          reviewedBy: reviewed ? actor.userId : null,
          reviewedAt: reviewed ? now : null,
        };
        await tx
          .insert(assessmentAnswers)
          .values({ assessmentId: id, questionKey, orgId: actor.orgId, value: null, ...fields })
          .onConflictDoUpdate({
            target: [assessmentAnswers.assessmentId, assessmentAnswers.questionKey],
            set: fields,
          });
        const moves = before.status === "submitted" && input.decision !== null;
        if (moves) assertMove(before.status, "under_review");
        await tx
          .update(assessments)
          .set({ ...(moves ? { status: "under_review" } : {}), updatedAt: now })
          .where(eq(assessments.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "assessment.answer_review",
          entityType: "assessment",
          entityId: id,
          relatedIds: [before.partnerId],
          before: {
            questionKey,
            decision: old?.decision ?? null,
            comment: old?.comment ?? null,
            status: before.status,
          },
          after: {
            questionKey,
            decision: input.decision,
            comment,
            status: moves ? "under_review" : before.status,
          },
        });
        return queries.get(actor, id, tx);
      });
    },

    /** Concludes the assessment, storing the computed score the conclusion was based on. */
    async complete(actor: Actor, id: string, input: CompleteAssessment) {
      return db.transaction(async (tx) => {
        const before = await lockAssessment(tx, actor.orgId, id);
        assertMove(before.status, "completed");
        const content = await contentOf(tx, before);
        const rows = await tx
          .select({ key: assessmentAnswers.questionKey, value: assessmentAnswers.value })
          .from(assessmentAnswers)
          .where(eq(assessmentAnswers.assessmentId, id));
        const answers: Answers = Object.fromEntries(rows.map((r) => [r.key, r.value ?? undefined]));
        const score = scoreAssessment(content, answers).score;
        const now = new Date();
        const fields = {
          status: "completed",
          conclusion: input.conclusion,
          conclusionNote: input.note ?? null,
          score,
          concludedBy: actor.userId,
          completedAt: now,
        };
        await tx
          .update(assessments)
          .set({ ...fields, updatedAt: now })
          .where(eq(assessments.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "assessment.complete",
          entityType: "assessment",
          entityId: id,
          relatedIds: [before.partnerId],
          before: { status: before.status },
          after: { ...fields, completedAt: now.toISOString() },
        });
        return queries.get(actor, id, tx);
      });
    },

    /**
     * Raises a risk from a flagged answer: the question's risk category, the partner, the answer and
     * the reviewer's comment in the description. Idempotent: an answer that already has its risk
     * returns it (`created: false`); the assessment row lock serialises concurrent attempts.
     */
    async riskFromAnswer(actor: Actor, id: string, questionKey: string, input: RiskFromAnswer) {
      return db.transaction(async (tx) => {
        const a = await lockAssessment(tx, actor.orgId, id);
        const content = await contentOf(tx, a);
        const question = questionOf(content, questionKey);
        const [answer] = await tx
          .select()
          .from(assessmentAnswers)
          .where(and(eq(assessmentAnswers.assessmentId, id), eq(assessmentAnswers.questionKey, questionKey)));
        if (answer?.riskId) return { riskId: answer.riskId, created: false };
        if (answer?.decision !== "flagged")
          throw conflict("Only a flagged answer can become a risk; flag it first", "not_flagged");
        const [category] = await tx
          .select({ id: riskCategories.id })
          .from(riskCategories)
          .where(and(eq(riskCategories.orgId, actor.orgId), eq(riskCategories.key, question.riskCategory)));
        if (!category) throw conflict(`The organization has no risk category '${question.riskCategory}'`);
        const [partner] = await tx
          .select({ name: partners.name })
          .from(partners)
          .where(eq(partners.id, a.partnerId));
        const description = [
          `Question: ${question.text}`,
          `Answer: ${answerText(question, answer.value ?? undefined)}`,
          `Reviewer's comment: ${answer.comment ?? "(none)"}`,
          `From the assessment "${content.title}" (version ${a.templateVersion}) of ${partner.name}: /assessments/${id}`,
        ].join("\n");
        const risk = await insertRisk(tx, actor, {
          title: input.title ?? clip(`${clip(question.text.trim(), 150)} (${content.title})`, 200),
          description,
          categoryId: category.id,
          partnerId: a.partnerId,
          inherentLikelihood: input.likelihood,
          inherentImpact: input.impact,
          residualLikelihood: input.likelihood,
          residualImpact: input.impact,
          treatment: "mitigate",
          status: "open",
        });
        await tx
          .update(assessmentAnswers)
          .set({ riskId: risk.id })
          .where(and(eq(assessmentAnswers.assessmentId, id), eq(assessmentAnswers.questionKey, questionKey)));
        const who = auditActorOf(actor);
        await recordAudit(tx, actor.orgId, who, {
          action: "assessment.risk_from_answer",
          entityType: "assessment",
          entityId: id,
          relatedIds: [a.partnerId, risk.id],
          after: { questionKey, riskId: risk.id },
        });
        await afterRiskChange(tx, actor.orgId, who, [a.partnerId]);
        return { riskId: risk.id, created: true };
      });
    },
  };
}
