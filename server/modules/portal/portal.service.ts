import { and, desc, eq } from "drizzle-orm";
import type { AssessmentStatus } from "../../../domain/assessments.js";
import type { EvidenceFile, PortalAssessment } from "../../../domain/portal.js";
import type { AnswerValue } from "../../../domain/questionnaires.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import {
  answersOf,
  assertEditable,
  assessmentContent,
  evidenceKeys,
  missingForSubmit,
  progressOf,
  saveAnswers,
} from "../assessments/answers.js";
import { assessments } from "../assessments/assessments.tables.js";
import {
  evidenceFile,
  evidenceType,
  readUpload,
  removeEvidence,
  storeEvidence,
} from "../assessments/evidence.js";
import { deleteEvidenceObject, storeEvidenceThenCommit } from "../assessments/evidence.store.js";
import { publishEvents, staffRecipients } from "../notifications/publish.js";
import { organizations } from "../organizations/organizations.tables.js";
import { partners } from "../partners/partners.tables.js";
import {
  contentsAndAnswers,
  portalAssessment,
  portalScope,
  presentItem,
  presentPortalAssessment,
} from "./portal.present.js";

type Request = Parameters<typeof readUpload>[0];

/** The partner portal's use cases; every method takes a partner actor (see `portalPolicy`). */
export function createPortalService(ctx: AppContext) {
  const { db } = ctx.database;

  async function list(actor: Actor) {
    const rows = await db
      .select()
      .from(assessments)
      .where(portalScope(actor))
      .orderBy(desc(assessments.dueDate), desc(assessments.createdAt));
    const { contents, answers } = await contentsAndAnswers(db, rows);
    return {
      items: rows.map((r) =>
        presentItem(r, contents.get(r.id) ?? { title: "", sections: [] }, answers.get(r.id) ?? {}),
      ),
    };
  }

  return {
    list,

    /** Who the user answers for, with counts of open and overdue assessments. */
    async overview(actor: Actor) {
      if (!actor.partnerId) throw notFound("Partner");
      const [org] = await db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, actor.orgId));
      const [partner] = await db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(and(eq(partners.id, actor.partnerId), eq(partners.orgId, actor.orgId)));
      if (!org || !partner) throw notFound("Partner");
      const { items } = await list(actor);
      return {
        organization: { name: org.name },
        partner,
        open: items.filter((i) => i.editable).length,
        overdue: items.filter((i) => i.overdue).length,
      };
    },

    /** One assessment as the partner sees it. */
    async get(actor: Actor, id: string): Promise<PortalAssessment> {
      return presentPortalAssessment(db, await portalAssessment(db, actor, id));
    },

    /** 404 unless the assessment is in the actor's portal scope. */
    async assertVisible(actor: Actor, id: string) {
      return portalAssessment(db, actor, id);
    },

    /** Autosave: one transaction, shared write logic with the XLSX import. */
    async save(actor: Actor, id: string, input: Record<string, AnswerValue | null>) {
      return db.transaction(async (tx) => {
        const row = await portalAssessment(tx, actor, id, true);
        assertEditable(row);
        const content = await assessmentContent(tx, row);
        const outcome = await saveAnswers(tx, actor, row, content, input, { source: "portal" });
        const answers = await answersOf(tx, row);
        return {
          saved: outcome.updated.length + outcome.cleared.length,
          status: outcome.status as AssessmentStatus,
          ...progressOf(content, answers),
          missing: missingForSubmit(content, answers, await evidenceKeys(tx, row)),
          updatedAt: outcome.updatedAt.toISOString(),
        };
      });
    },

    /**
     * Submits for review: refused with 422 `answers_incomplete` while something is missing. Tells
     * the assessment's creator and the risk managers (one event per submission, keyed by its time).
     */
    async submit(actor: Actor, id: string): Promise<PortalAssessment> {
      const row = await db.transaction(async (tx) => {
        const locked = await portalAssessment(tx, actor, id, true);
        assertEditable(locked);
        const content = await assessmentContent(tx, locked);
        const missing = missingForSubmit(
          content,
          await answersOf(tx, locked),
          await evidenceKeys(tx, locked),
        );
        if (missing.length)
          throw new AppError(
            422,
            "answers_incomplete",
            "Answers incomplete",
            `${missing.length} question(s) still need an answer or evidence`,
            missing.map((m) => ({ path: `answers.${m.questionKey}`, message: m.message })),
          );
        const now = new Date();
        const [updated] = await tx
          .update(assessments)
          .set({ status: "submitted", submittedAt: now, updatedAt: now })
          .where(eq(assessments.id, locked.id))
          .returning();
        const who = auditActorOf(actor);
        await recordAudit(tx, locked.orgId, who, {
          action: "assessment.submitted",
          entityType: "assessment",
          entityId: locked.id,
          relatedIds: [locked.partnerId],
          before: { status: locked.status },
          after: { status: "submitted", submittedAt: now.toISOString() },
        });
        const [partner] = await tx
          .select({ name: partners.name })
          .from(partners)
          .where(eq(partners.id, locked.partnerId));
        await publishEvents(tx, locked.orgId, who, [
          {
            type: "assessment_submitted",
            key: `assessment_submitted:${locked.id}:${now.toISOString()}`,
            title: `${partner?.name ?? "A partner"} submitted "${content.title}"`,
            body: `${actor.name} submitted the answers for review.`,
            link: `/assessments/${locked.id}`,
            subject: { type: "assessment", id: locked.id },
            recipients: await staffRecipients(tx, locked.orgId, ["risk_manager"], [locked.createdBy]),
          },
        ]);
        return updated;
      });
      return presentPortalAssessment(db, row);
    },

    /** Uploads one evidence file (multipart), in one transaction with its audit event. */
    async upload(actor: Actor, id: string, req: Request): Promise<EvidenceFile> {
      // Scope first, so another partner's id is a 404 before the body is even read.
      const visible = await portalAssessment(db, actor, id);
      assertEditable(visible);
      const upload = await readUpload(req);
      // Refuse a wrong type before anything is encrypted and stored.
      evidenceType(upload.fileName, upload.data);
      return storeEvidenceThenCommit(ctx, visible.orgId, upload.data, (stored) =>
        db.transaction(async (tx) => {
          const row = await portalAssessment(tx, actor, id, true);
          assertEditable(row);
          return storeEvidence(tx, actor, row, await assessmentContent(tx, row), upload, stored);
        }),
      );
    },

    /** Removes an evidence file while the assessment is editable. */
    async removeEvidence(actor: Actor, id: string, evidenceId: string) {
      const storageKey = await db.transaction(async (tx) => {
        const row = await portalAssessment(tx, actor, id, true);
        assertEditable(row);
        return removeEvidence(tx, actor, row, await assessmentContent(tx, row), evidenceId);
      });
      // After commit: a rolled-back delete must still find its file.
      await deleteEvidenceObject(ctx, storageKey);
    },

    /** An evidence file's bytes, for download. */
    async evidence(actor: Actor, id: string, evidenceId: string) {
      return evidenceFile(ctx, db, await portalAssessment(db, actor, id), evidenceId);
    },
  };
}
