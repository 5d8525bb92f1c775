import { and, desc, eq } from "drizzle-orm";
import { markableKind, NDA_CLASSIFICATIONS, type PortalDocument } from "../../../domain/documents.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { liveSharesReaching, mostGenerousFirst } from "../documents/documents.reach.js";
import { documentShares, documents, documentVersions } from "../documents/documents.tables.js";
import { ndaInForce } from "../ndas/ndas.service.js";

/** The portal's document room: what is shared with the signed-in partner user. */
export function createPortalDocumentService(ctx: AppContext) {
  const { db } = ctx.database;
  return {
    /**
     * `GET /portal/documents`: one entry per document a live share reaches the user with (the most
     * generous share when several do), most recently updated first. A confidential document
     * whose NDA has lapsed stays listed but unavailable, so the partner knows to renew rather
     * than wonder where it went.
     */
    async list(actor: Actor): Promise<{ items: PortalDocument[] }> {
      const now = new Date();
      const rows = await db
        .select({
          id: documents.id,
          title: documents.title,
          classification: documents.classification,
          version: documents.currentVersion,
          updatedAt: documents.updatedAt,
          fileName: documentVersions.fileName,
          contentType: documentVersions.contentType,
          size: documentVersions.size,
          shareId: documentShares.id,
          expiresAt: documentShares.expiresAt,
          allowDownload: documentShares.allowDownload,
        })
        .from(documentShares)
        .innerJoin(
          documents,
          and(eq(documents.id, documentShares.documentId), eq(documents.orgId, documentShares.orgId)),
        )
        .innerJoin(
          documentVersions,
          and(
            eq(documentVersions.documentId, documents.id),
            eq(documentVersions.version, documents.currentVersion),
          ),
        )
        .where(liveSharesReaching(actor, now))
        .orderBy(desc(documents.updatedAt), documents.id, ...mostGenerousFirst);
      const needsNda = rows.some((r) => NDA_CLASSIFICATIONS.includes(r.classification));
      const ndaOk =
        needsNda && actor.partnerId
          ? await ndaInForce(db, actor.orgId, actor.partnerId, todayUtc(now))
          : true;
      const seen = new Set<string>();
      const items: PortalDocument[] = [];
      for (const r of rows) {
        if (seen.has(r.id)) continue; // rows of one document arrive together, best share first
        seen.add(r.id);
        const held = NDA_CLASSIFICATIONS.includes(r.classification) && !ndaOk;
        items.push({
          id: r.id,
          title: r.title,
          classification: r.classification,
          fileName: r.fileName,
          contentType: r.contentType,
          size: r.size,
          version: r.version,
          updatedAt: r.updatedAt.toISOString(),
          shareId: r.shareId,
          expiresAt: r.expiresAt.toISOString(),
          allowDownload: r.allowDownload,
          viewable: markableKind(r.contentType) !== null,
          available: !held,
          unavailableReason: held ? "nda_required" : null,
        });
      }
      return { items };
    },
  };
}
