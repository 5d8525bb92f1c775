import { createHmac, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import {
  type AccessAction,
  type Classification,
  markableKind,
  NDA_CLASSIFICATIONS,
  type WatermarkKind,
} from "../../../domain/documents.js";
import { deriveCopyId, encodeCopyId } from "../../../domain/fingerprint.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { LocalStorage } from "../../platform/storage/local-storage.js";
import { ImageNotMarkable } from "../../platform/watermark/image.js";
import { markCopyOffThread } from "../../platform/watermark/mark-pool.js";
import { PdfNotMarkable } from "../../platform/watermark/pdf.js";
import { ndaInForce } from "../ndas/ndas.service.js";
import { partners } from "../partners/partners.tables.js";
import { recordAccess } from "./documents.access.js";
import { fingerprintSecret } from "./documents.keys.js";
import { openVersion, readBounded } from "./documents.open.js";
import { liveSharesReaching, mostGenerousFirst } from "./documents.reach.js";
import { documentShares, documents, documentVersions } from "./documents.tables.js";

/** What the content route sends: the bytes (marked buffer or plaintext stream) and how. */
export interface Delivery {
  fileName: string;
  contentType: string;
  size: number;
  body: Buffer | Readable;
  /** `inline` only for PDF and images (the browser's own viewers); everything else downloads. */
  inline: boolean;
  /** The plaintext's SHA-256 for unmarked copies; null for marked ones (every copy differs). */
  etag: string | null;
}

/** How a caller asked for the content (`ContentQuery`). */
export interface ContentRequest {
  version?: number;
  disposition: "inline" | "attachment";
}

const hmac = (key: Uint8Array, data: Uint8Array) => createHmac("sha256", key).update(data).digest();

/** The marking errors for files that cannot be marked (encrypted PDF, undecodable image…). */
const isNotMarkable = (e: unknown): e is Error =>
  e instanceof PdfNotMarkable || e instanceof ImageNotMarkable;

/**
 * Delivery of document content (issue 7): who may receive which version, whether the copy is
 * marked, and the access-log row that makes every copy traceable. Staff receive any version;
 * confidential and restricted PDFs/images are marked for them too, as insider leaks are traced the
 * same way. Partner users receive only the current version of a document a live share gives them,
 * always marked when the format allows, and other formats only when public or internal.
 */
export function createDeliveryService(ctx: AppContext) {
  const { db } = ctx.database;
  const storage = new LocalStorage(ctx.config.dataDir);
  const maxBytes = ctx.config.documentMaxBytes;

  /** The live share giving `actor` (a partner user) the document, or 404 as if it did not exist. */
  async function shareFor(actor: Actor, documentId: string, now: Date) {
    const [share] = await db
      .select({ id: documentShares.id, allowDownload: documentShares.allowDownload })
      .from(documentShares)
      .where(and(eq(documentShares.documentId, documentId), liveSharesReaching(actor, now)))
      .orderBy(...mostGenerousFirst)
      .limit(1);
    if (!share) throw notFound("Document");
    return share;
  }

  /** The marked copy of `content` for `actor`, with the copy id its fingerprint carries. */
  async function mark(
    actor: Actor,
    accessId: string,
    content: Buffer,
    contentType: string,
    classification: Classification,
    issuedAt: Date,
  ) {
    const secret = await fingerprintSecret(ctx, actor.orgId);
    const copyId = deriveCopyId({ shareId: accessId, recipientId: actor.userId, issuedAt }, secret, hmac);
    secret.fill(0);
    let organization: string | null = null;
    if (actor.partnerId) {
      const [p] = await db
        .select({ name: partners.name })
        .from(partners)
        .where(and(eq(partners.id, actor.partnerId), eq(partners.orgId, actor.orgId)));
      organization = p?.name ?? null;
    }
    const visible = {
      recipientName: actor.name,
      recipientEmail: actor.email,
      organization,
      issuedAt,
      classification,
      reference: copyId.slice(0, 8),
    };
    try {
      const marked = await markCopyOffThread(content, contentType, visible, encodeCopyId(copyId));
      return { copyId, body: Buffer.from(marked.buffer, marked.byteOffset, marked.byteLength) };
    } catch (e) {
      if (isNotMarkable(e))
        throw new AppError(
          422,
          "watermark_failed",
          "Cannot mark this file",
          `The file cannot be marked for delivery (${e.message}); upload a standard PDF, PNG or JPEG version`,
        );
      throw e;
    }
  }

  return {
    /** `GET /documents/:id/content`: decides, marks, logs (before any byte leaves), then delivers. */
    async deliver(actor: Actor, documentId: string, req: ContentRequest): Promise<Delivery> {
      const now = new Date();
      const partnerUser = actor.role === "partner";
      const [doc] = await db
        .select({ currentVersion: documents.currentVersion, classification: documents.classification })
        .from(documents)
        .where(and(eq(documents.id, documentId), eq(documents.orgId, actor.orgId)));
      if (!doc) throw notFound("Document");
      const share = partnerUser ? await shareFor(actor, documentId, now) : null;
      // Partner users get the current version only: older ones were never shared with them.
      if (partnerUser && req.version !== undefined && req.version !== doc.currentVersion)
        throw notFound("Document version");
      const [row] = await db
        .select()
        .from(documentVersions)
        .where(
          and(
            eq(documentVersions.documentId, documentId),
            eq(documentVersions.orgId, actor.orgId),
            eq(documentVersions.version, req.version ?? doc.currentVersion),
          ),
        );
      if (!row) throw notFound("Document version");

      const kind = markableKind(row.contentType);
      const needsNda = NDA_CLASSIFICATIONS.includes(doc.classification);
      const inline = req.disposition === "inline" && kind !== null;
      const action: AccessAction = inline ? "view" : "download";
      if (share && actor.partnerId) {
        if (needsNda && !(await ndaInForce(db, actor.orgId, actor.partnerId, todayUtc(now))))
          throw conflict(
            "This document is held back until the NDA with your company is renewed",
            "nda_required",
          );
        if (!inline && !share.allowDownload)
          throw new AppError(
            403,
            "download_not_allowed",
            "Download not allowed",
            kind
              ? "This document was shared for viewing only: open it in the browser"
              : "This document was shared for viewing only, and its format cannot be viewed in the browser",
          );
        if (!kind && needsNda)
          throw conflict(
            `${row.contentType} files cannot be marked, so a ${doc.classification} one is not delivered`,
            "watermark_unsupported",
          );
      }
      // Partner copies are marked whenever the format allows; staff copies when the document is sensitive.
      const marked = kind !== null && (partnerUser || needsNda);
      const accessId = randomUUID();
      const access = {
        id: accessId,
        orgId: actor.orgId,
        documentId,
        version: row.version,
        userId: actor.userId,
        userName: actor.name,
        userEmail: actor.email,
        partnerId: partnerUser ? actor.partnerId : null,
        shareId: share?.id ?? null,
        action,
        ip: actor.ip || null,
        // The time printed on the mark and hashed into the copy id: the log shows the same.
        createdAt: now,
      };
      const base = { fileName: row.fileName, contentType: row.contentType, inline };
      if (!marked) {
        // Opened first, so a copy that cannot be read is not logged as delivered.
        const body = await openVersion(ctx, db, storage, row);
        try {
          await db.transaction((tx) => recordAccess(tx, { ...access, watermark: "none", copyId: null }));
        } catch (e) {
          body.destroy();
          throw e;
        }
        return { ...base, size: row.size, body, etag: row.sha256 };
      }
      if (row.size > maxBytes)
        throw conflict(
          "The document is larger than the size limit and cannot be marked for delivery",
          "watermark_unsupported",
        );
      const plain = await readBounded(await openVersion(ctx, db, storage, row), maxBytes);
      const copy = await mark(actor, accessId, plain, row.contentType, doc.classification, now);
      plain.fill(0);
      const watermark: WatermarkKind = kind;
      await db.transaction((tx) => recordAccess(tx, { ...access, watermark, copyId: copy.copyId }));
      return { ...base, size: copy.body.length, body: copy.body, etag: null };
    },
  };
}
