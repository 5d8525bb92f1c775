import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { EvidenceFile } from "../../../domain/assessments.js";
import { MAX_EVIDENCE_PER_QUESTION } from "../../../domain/portal.js";
import { allQuestions } from "../../../domain/questionnaire-answers.js";
import type { TemplateContent } from "../../../domain/questionnaires.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { users } from "../users/users.tables.js";
import type { AssessmentRow } from "./answers.js";
import { assessmentAnswers, assessmentEvidence, assessments } from "./assessments.tables.js";
import { evidenceType, type Upload } from "./evidence.files.js";
import {
  type EvidenceDownload,
  evidenceContentColumns,
  openEvidence,
  type StoredEvidence,
} from "./evidence.store.js";

/**
 * Evidence files on answers (issue 6): storing, listing and removing them with their audit events.
 * Files are encrypted into document storage (evidence.store.ts); rows keep name, type, size and
 * the plaintext's SHA-256. Reading uploads, type checks and downloads are in `evidence.files.ts`.
 */

export {
  EVIDENCE_EXTENSIONS,
  evidenceType,
  readUpload,
  sanitizeFileName,
  sendEvidence,
  type Upload,
} from "./evidence.files.js";

const evidenceColumns = {
  id: assessmentEvidence.id,
  questionKey: assessmentEvidence.questionKey,
  fileName: assessmentEvidence.fileName,
  contentType: assessmentEvidence.contentType,
  size: assessmentEvidence.size,
  uploadedAt: assessmentEvidence.uploadedAt,
  uploaderId: users.id,
  uploaderName: users.name,
};
type EvidenceRow = { [K in keyof typeof evidenceColumns]: (typeof evidenceColumns)[K]["_"]["data"] | null };

/** Whitelists an evidence row for the API. */
export function presentEvidence(r: EvidenceRow): EvidenceFile {
  return {
    id: r.id as string,
    questionKey: r.questionKey as string,
    fileName: r.fileName as string,
    contentType: r.contentType as string,
    size: r.size as number,
    uploadedAt: (r.uploadedAt as Date).toISOString(),
    uploadedBy: r.uploaderId ? { id: r.uploaderId, name: r.uploaderName ?? "" } : null,
  };
}

/** Every evidence file of an assessment (metadata only), oldest first. */
export async function evidenceOf(q: Queryable, row: AssessmentRow): Promise<EvidenceFile[]> {
  const rows = await q
    .select(evidenceColumns)
    .from(assessmentEvidence)
    .leftJoin(users, eq(users.id, assessmentEvidence.uploadedBy))
    .where(and(eq(assessmentEvidence.assessmentId, row.id), eq(assessmentEvidence.orgId, row.orgId)))
    .orderBy(asc(assessmentEvidence.uploadedAt), asc(assessmentEvidence.id));
  return rows.map(presentEvidence);
}

/**
 * A `file` question's answer follows its files: the newest file's id, or no answer when none is
 * left (see answers.ts). Other questions' answers are not touched by evidence.
 */
async function syncFileAnswer(
  tx: Tx,
  actor: Actor,
  row: AssessmentRow,
  content: TemplateContent,
  key: string,
) {
  if (allQuestions(content).find((q) => q.key === key)?.type !== "file") return;
  const [newest] = await tx
    .select({ id: assessmentEvidence.id })
    .from(assessmentEvidence)
    .where(and(eq(assessmentEvidence.assessmentId, row.id), eq(assessmentEvidence.questionKey, key)))
    .orderBy(desc(assessmentEvidence.uploadedAt), desc(assessmentEvidence.id))
    .limit(1);
  const where = and(eq(assessmentAnswers.assessmentId, row.id), eq(assessmentAnswers.questionKey, key));
  if (!newest) {
    await tx.delete(assessmentAnswers).where(where);
    return;
  }
  const now = new Date();
  await tx
    .insert(assessmentAnswers)
    .values({
      assessmentId: row.id,
      orgId: row.orgId,
      questionKey: key,
      value: newest.id,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .onConflictDoUpdate({
      target: [assessmentAnswers.assessmentId, assessmentAnswers.questionKey],
      set: { value: newest.id, updatedAt: now, updatedBy: actor.userId },
    });
}

/**
 * Stores one evidence file in the caller's transaction (`row` locked and editable): the question
 * must exist, at most `MAX_EVIDENCE_PER_QUESTION` files per question (409 `too_many_files`), type
 * checked, SHA-256 kept. A `sent` assessment moves to `in_progress`, as with a first answer.
 */
export async function storeEvidence(
  tx: Tx,
  actor: Actor,
  row: AssessmentRow,
  content: TemplateContent,
  upload: Upload,
  stored: StoredEvidence,
): Promise<EvidenceFile> {
  if (!allQuestions(content).some((q) => q.key === upload.questionKey))
    throw invalid("Unknown question", [{ path: "questionKey", message: "Unknown question" }]);
  const contentType = evidenceType(upload.fileName, upload.data);
  const existing = await tx
    .select({ id: assessmentEvidence.id })
    .from(assessmentEvidence)
    .where(
      and(
        eq(assessmentEvidence.assessmentId, row.id),
        eq(assessmentEvidence.questionKey, upload.questionKey),
      ),
    );
  if (existing.length >= MAX_EVIDENCE_PER_QUESTION)
    throw conflict(`At most ${MAX_EVIDENCE_PER_QUESTION} files per question`, "too_many_files");
  const sha256 = createHash("sha256").update(upload.data).digest("hex");
  await tx.insert(assessmentEvidence).values({
    orgId: row.orgId,
    assessmentId: row.id,
    questionKey: upload.questionKey,
    fileName: upload.fileName,
    contentType,
    size: upload.data.length,
    sha256,
    id: stored.id,
    storageKey: stored.storageKey,
    wrappedDataKey: stored.wrappedDataKey,
    orgKeyVersion: stored.orgKeyVersion,
    uploadedBy: actor.userId,
  });
  await syncFileAnswer(tx, actor, row, content, upload.questionKey);
  const status = row.status === "sent" ? "in_progress" : row.status;
  await tx.update(assessments).set({ status, updatedAt: new Date() }).where(eq(assessments.id, row.id));
  const meta = {
    fileName: upload.fileName,
    questionKey: upload.questionKey,
    size: upload.data.length,
    sha256,
    contentType,
  };
  await recordAudit(tx, row.orgId, auditActorOf(actor), {
    action: "assessment.evidence_added",
    entityType: "assessment",
    entityId: row.id,
    relatedIds: [row.partnerId, stored.id],
    after: { evidenceId: stored.id, ...meta, status },
  });
  const [file] = (await evidenceOf(tx, row)).filter((f) => f.id === stored.id);
  return file;
}

/**
 * Removes one evidence file's row (assessment locked and editable); 404 when it is not this
 * assessment's. Answers the storage key, for the caller to delete the object AFTER commit.
 */
export async function removeEvidence(
  tx: Tx,
  actor: Actor,
  row: AssessmentRow,
  content: TemplateContent,
  evidenceId: string,
): Promise<string | null> {
  const [gone] = await tx
    .delete(assessmentEvidence)
    .where(
      and(
        eq(assessmentEvidence.id, evidenceId),
        eq(assessmentEvidence.assessmentId, row.id),
        eq(assessmentEvidence.orgId, row.orgId),
      ),
    )
    .returning({
      questionKey: assessmentEvidence.questionKey,
      fileName: assessmentEvidence.fileName,
      sha256: assessmentEvidence.sha256,
      storageKey: assessmentEvidence.storageKey,
    });
  if (!gone) throw notFound("Evidence file");
  const { storageKey, ...meta } = gone;
  await syncFileAnswer(tx, actor, row, content, gone.questionKey);
  await tx.update(assessments).set({ updatedAt: new Date() }).where(eq(assessments.id, row.id));
  await recordAudit(tx, row.orgId, auditActorOf(actor), {
    action: "assessment.evidence_removed",
    entityType: "assessment",
    entityId: row.id,
    relatedIds: [row.partnerId, evidenceId],
    before: { evidenceId, ...meta },
  });
  return storageKey;
}

/** One evidence file with its content (decrypting stream or legacy bytes), or 404. */
export async function evidenceFile(
  ctx: AppContext,
  q: Queryable,
  row: Pick<AssessmentRow, "id" | "orgId">,
  evidenceId: string,
): Promise<EvidenceDownload> {
  const [f] = await q
    .select(evidenceContentColumns)
    .from(assessmentEvidence)
    .where(
      and(
        eq(assessmentEvidence.id, evidenceId),
        eq(assessmentEvidence.assessmentId, row.id),
        eq(assessmentEvidence.orgId, row.orgId),
      ),
    );
  if (!f) throw notFound("Evidence file");
  return openEvidence(ctx, q, f);
}
