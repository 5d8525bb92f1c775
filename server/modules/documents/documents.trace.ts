import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { FastifyRequest } from "fastify";
import { shareStatus, type TraceResult } from "../../../domain/documents.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalid } from "../../platform/errors.js";
import { readFingerprintOffThread } from "../../platform/watermark/mark-pool.js";
import { sanitizeFileName } from "../assessments/evidence.files.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { documentAccess, documentShares, documents } from "./documents.tables.js";
import { tooLarge } from "./documents.upload.js";

/**
 * Leak tracing (issue 7): reads the invisible fingerprint of a suspected leaked copy and follows
 * its copy id to the access-log row of the delivery it came from. The suspected file is evidence
 * an investigator holds, not a document of ours: it is read into memory (bounded by the documents
 * size limit), never written to disk and never stored.
 */

/** A suspected copy as uploaded: its sanitised name and bytes. */
export interface SuspectFile {
  fileName: string;
  data: Buffer;
}

/**
 * Reads the one file of a multipart request into memory, at most `maxBytes`: 415 when not
 * multipart, 422 `validation_failed` without a file or with an empty one, 413 `file_too_large`
 * over the limit (the conventions of document and evidence uploads).
 */
export async function readSuspectFile(req: FastifyRequest, maxBytes: number): Promise<SuspectFile> {
  if (!req.isMultipart())
    throw new AppError(
      415,
      "unsupported_media_type",
      "Unsupported media type",
      "Send multipart/form-data with the suspected file as `file`",
    );
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw invalid("No file in the request", [{ path: "file", message: "Attach a file" }]);
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE" || part.file.truncated)
      throw tooLarge(maxBytes);
    throw e;
  }
  if (part.file.truncated) throw tooLarge(maxBytes);
  if (data.length === 0) throw invalid("The file is empty", [{ path: "file", message: "The file is empty" }]);
  return { fileName: sanitizeFileName(part.filename ?? ""), data };
}

const NO_FINGERPRINT =
  "No Outsight fingerprint was found in this file: it was not delivered marked by Outsight, or it was altered beyond recovery.";
const UNKNOWN_COPY = "The file carries a fingerprint, but it matches no copy delivered by your organization.";

/** The investigator-facing name of a partner that was deleted since the delivery. */
const DELETED_PARTNER = "(deleted partner)";

/** Tracing a suspected leaked copy back to its delivery. */
export function createTraceService(ctx: AppContext) {
  const { db } = ctx.database;
  const liveUser = alias(users, "trace_user");

  return {
    /**
     * Traces `file` for `actor`'s organization. Only the organization's own access log is
     * searched, so a copy delivered by another organization answers `unknown_copy` exactly like
     * a forged or unknown copy id (never revealing that it exists elsewhere). Every trace is
     * audited (`document.trace`, with the outcome and the file's SHA-256) in the transaction that
     * reads the log: tracing is an investigation step auditors want to see.
     */
    async trace(actor: Actor, file: SuspectFile): Promise<TraceResult> {
      const found = await readFingerprintOffThread(file.data);
      const evidence = {
        fileName: file.fileName,
        size: file.data.length,
        sha256: createHash("sha256").update(file.data).digest("hex"),
      };
      return db.transaction(async (tx) => {
        const audit = (
          after: Record<string, unknown>,
          entityId: string | null = null,
          relatedIds: string[] = [],
        ) =>
          recordAudit(tx, actor.orgId, auditActorOf(actor), {
            action: "document.trace",
            entityType: "document",
            entityId,
            relatedIds,
            after: { ...evidence, ...after },
          });
        if (!found) {
          await audit({ outcome: "no_fingerprint", copyId: null });
          return { found: false, reason: "no_fingerprint", detail: NO_FINGERPRINT };
        }
        // Every join is filtered on the organization too: ids from the log are never trusted alone.
        const [row] = await tx
          .select({
            accessId: documentAccess.id,
            documentId: documentAccess.documentId,
            title: documents.title,
            classification: documents.classification,
            version: documentAccess.version,
            userId: liveUser.id,
            userName: documentAccess.userName,
            userEmail: documentAccess.userEmail,
            partnerId: documentAccess.partnerId,
            partnerName: partners.name,
            shareId: documentShares.id,
            expiresAt: documentShares.expiresAt,
            revokedAt: documentShares.revokedAt,
            action: documentAccess.action,
            accessedAt: documentAccess.createdAt,
          })
          .from(documentAccess)
          .innerJoin(
            documents,
            and(eq(documents.id, documentAccess.documentId), eq(documents.orgId, documentAccess.orgId)),
          )
          .leftJoin(
            liveUser,
            and(eq(liveUser.id, documentAccess.userId), eq(liveUser.orgId, documentAccess.orgId)),
          )
          .leftJoin(
            partners,
            and(eq(partners.id, documentAccess.partnerId), eq(partners.orgId, documentAccess.orgId)),
          )
          .leftJoin(
            documentShares,
            and(
              eq(documentShares.id, documentAccess.shareId),
              eq(documentShares.orgId, documentAccess.orgId),
            ),
          )
          .where(and(eq(documentAccess.orgId, actor.orgId), eq(documentAccess.copyId, found.copyId)));
        if (!row) {
          await audit({ outcome: "unknown_copy", copyId: found.copyId, carriers: found.carriers });
          return { found: false, reason: "unknown_copy", detail: UNKNOWN_COPY };
        }
        await audit(
          { outcome: "found", copyId: found.copyId, carriers: found.carriers, accessId: row.accessId },
          row.documentId,
          [row.partnerId, row.shareId].filter((x): x is string => !!x),
        );
        return {
          found: true,
          copyId: found.copyId,
          carriers: found.carriers,
          document: { id: row.documentId, title: row.title, classification: row.classification },
          version: row.version,
          recipient: { id: row.userId, name: row.userName, email: row.userEmail },
          // The log keeps the partner id even after the partner is deleted: still worth showing.
          partner: row.partnerId ? { id: row.partnerId, name: row.partnerName ?? DELETED_PARTNER } : null,
          share:
            row.shareId && row.expiresAt
              ? {
                  id: row.shareId,
                  expiresAt: row.expiresAt.toISOString(),
                  status: shareStatus({ revokedAt: row.revokedAt, expiresAt: row.expiresAt }, new Date()),
                }
              : null,
          action: row.action,
          accessedAt: row.accessedAt.toISOString(),
        };
      });
    },
  };
}
