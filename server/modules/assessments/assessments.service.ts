import { and, eq, sql } from "drizzle-orm";
import type { CreateAssessment, UpdateAssessment } from "../../../domain/assessments.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { publishEvents } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import {
  questionnaireTemplates as templates,
  questionnaireTemplateVersions as versions,
} from "../questionnaires/questionnaires.tables.js";
import type { MailLog } from "../users/invitations.mail.js";
import { createInvitationInTx, sendInvitationEmails } from "../users/invitations.service.js";
import {
  assertDueDate,
  assertMove,
  existingPartnerUser,
  lockAssessment,
  resolveRecipients,
} from "./assessments.checks.js";
import { assessmentSnapshot } from "./assessments.present.js";
import type { AssessmentQueries } from "./assessments.query.js";
import { assessmentRecipients, assessments } from "./assessments.tables.js";

// Other modules (the demo, the portal) import these from here; they live in the checks file.
export { assertMove, lockAssessment } from "./assessments.checks.js";

/** The recipients of an assessment as stored. */
async function recipientsOf(q: Queryable, id: string) {
  return q.select().from(assessmentRecipients).where(eq(assessmentRecipients.assessmentId, id));
}
const recipientSnapshot = (rows: { email: string; contactId: string | null }[]) =>
  rows.map((r) => ({ email: r.email, contactId: r.contactId }));

async function replaceRecipients(
  tx: Tx,
  orgId: string,
  assessmentId: string,
  rows: { contactId: string; name: string; email: string }[],
) {
  await tx.delete(assessmentRecipients).where(eq(assessmentRecipients.assessmentId, assessmentId));
  await tx.insert(assessmentRecipients).values(rows.map((r) => ({ ...r, assessmentId, orgId })));
}

/** Assessments: create, change, send and cancel (the review side is in `assessments.review.ts`). */
export function createAssessmentService(ctx: AppContext, queries: AssessmentQueries) {
  const { db } = ctx.database;

  return {
    /**
     * Drafts an assessment from the template's CURRENT version and marks that version in use, so a
     * later edit of the template makes a new version and this assessment keeps its questions.
     */
    async create(actor: Actor, input: CreateAssessment) {
      assertDueDate(input.dueDate);
      return db.transaction(async (tx) => {
        const [partner] = await tx
          .select({ id: partners.id })
          .from(partners)
          .where(and(eq(partners.id, input.partnerId), eq(partners.orgId, actor.orgId)));
        if (!partner) throw notFound("Partner");
        // Locked in the order the template service locks (template, then version): an edit running
        // now either finishes first (we take its result) or sees the version in use.
        const [template] = await tx
          .select()
          .from(templates)
          .where(and(eq(templates.id, input.templateId), eq(templates.orgId, actor.orgId)))
          .for("update");
        if (!template) throw notFound("Questionnaire template");
        if (template.archived)
          throw invalid("The template is archived", [
            { path: "body.templateId", message: "Archived template" },
          ]);
        const recipients = await resolveRecipients(tx, actor.orgId, partner.id, input.recipientContactIds);
        await tx
          .update(versions)
          .set({ inUseAt: sql`coalesce(${versions.inUseAt}, now())` })
          .where(and(eq(versions.templateId, template.id), eq(versions.version, template.currentVersion)));
        const [a] = await tx
          .insert(assessments)
          .values({
            orgId: actor.orgId,
            partnerId: partner.id,
            templateId: template.id,
            templateVersion: template.currentVersion,
            purpose: input.purpose,
            status: "draft",
            dueDate: input.dueDate,
            note: input.note ?? null,
            createdBy: actor.userId,
          })
          .returning();
        await replaceRecipients(tx, actor.orgId, a.id, recipients);
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "assessment.create",
          entityType: "assessment",
          entityId: a.id,
          relatedIds: [a.partnerId, a.templateId],
          after: assessmentSnapshot(a, recipientSnapshot(recipients)),
        });
        return queries.get(actor, a.id, tx);
      });
    },

    /** The due date while open; recipients and the note only while a draft (409 `not_draft`). */
    async update(actor: Actor, id: string, patch: UpdateAssessment) {
      assertDueDate(patch.dueDate);
      return db.transaction(async (tx) => {
        const before = await lockAssessment(tx, actor.orgId, id);
        if (before.status === "completed" || before.status === "cancelled")
          throw conflict(
            `The assessment is ${before.status}; it can no longer be changed`,
            "invalid_transition",
          );
        if ((patch.recipientContactIds || patch.note !== undefined) && before.status !== "draft")
          throw conflict(
            "Recipients and the note can be changed only while the assessment is a draft",
            "not_draft",
          );
        const beforeRecipients = await recipientsOf(tx, id);
        const recipients = patch.recipientContactIds
          ? await resolveRecipients(tx, actor.orgId, before.partnerId, patch.recipientContactIds)
          : null;
        const [after] = await tx
          .update(assessments)
          .set({
            ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
            ...(patch.note !== undefined ? { note: patch.note } : {}),
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, id))
          .returning();
        if (recipients) await replaceRecipients(tx, actor.orgId, id, recipients);
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "assessment.update",
          entityType: "assessment",
          entityId: id,
          relatedIds: [before.partnerId],
          before: assessmentSnapshot(before, recipientSnapshot(beforeRecipients)),
          after: assessmentSnapshot(after, recipientSnapshot(recipients ?? beforeRecipients)),
        });
        return queries.get(actor, id, tx);
      });
    },

    /**
     * Sends a draft: each recipient is linked to their active partner user of this partner, or
     * invited (the invitation emails leave after the commit, so a rolled-back send mails nobody).
     * Linked users are told in the portal and by email (`assessment_sent`); invited people learn
     * of it from the invitation and find the assessment once they have set their password.
     */
    async send(actor: Actor, id: string, log?: MailLog) {
      const { result, mail } = await db.transaction(async (tx) => {
        const before = await lockAssessment(tx, actor.orgId, id);
        assertMove(before.status, "sent");
        const now = new Date();
        const recipients = await recipientsOf(tx, id);
        const linked: string[] = [];
        const mail: { invitationId: string; token: string }[] = [];
        const invited: { email: string; userId: string | null; invitationId: string | null }[] = [];
        for (const r of recipients) {
          const userId = await existingPartnerUser(tx, before, r.email);
          let invitationId: string | null = null;
          if (userId) linked.push(userId);
          else {
            const issued = await createInvitationInTx(tx, ctx, actor, {
              email: r.email,
              name: r.name,
              partnerId: before.partnerId,
              contactId: r.contactId,
            });
            invitationId = issued.invitation.id;
            mail.push({ invitationId, token: issued.token });
          }
          await tx
            .update(assessmentRecipients)
            .set({ userId, invitedAt: now })
            .where(and(eq(assessmentRecipients.assessmentId, id), eq(assessmentRecipients.email, r.email)));
          invited.push({ email: r.email, userId, invitationId });
        }
        const [after] = await tx
          .update(assessments)
          .set({ status: "sent", sentAt: now, updatedAt: now })
          .where(eq(assessments.id, id))
          .returning();
        const who = auditActorOf(actor);
        await recordAudit(tx, actor.orgId, who, {
          action: "assessment.send",
          entityType: "assessment",
          entityId: id,
          relatedIds: [before.partnerId],
          before: { status: before.status },
          after: { status: after.status, sentAt: now.toISOString(), recipients: invited },
        });
        const full = await queries.get(actor, id, tx);
        await publishEvents(tx, actor.orgId, who, [
          {
            type: "assessment_sent",
            key: `assessment_sent:${id}`,
            title: `New questionnaire: ${full.template.title}`,
            body: `Please answer "${full.template.title}" by ${after.dueDate}.`,
            link: `/portal/assessments/${id}`,
            subject: { type: "assessment", id },
            data: { assessmentId: id, partnerId: before.partnerId, dueDate: after.dueDate },
            recipients: linked,
          },
        ]);
        return { result: full, mail };
      });
      await sendInvitationEmails(ctx, mail, log);
      return result;
    },

    /** Cancels an open assessment with a reason. */
    async cancel(actor: Actor, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const before = await lockAssessment(tx, actor.orgId, id);
        assertMove(before.status, "cancelled");
        const now = new Date();
        const [after] = await tx
          .update(assessments)
          .set({ status: "cancelled", cancelledAt: now, cancelReason: reason, updatedAt: now })
          .where(eq(assessments.id, id))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "assessment.cancel",
          entityType: "assessment",
          entityId: id,
          relatedIds: [before.partnerId],
          before: { status: before.status },
          after: { status: after.status, cancelReason: reason },
        });
        return queries.get(actor, id, tx);
      });
    },
  };
}
