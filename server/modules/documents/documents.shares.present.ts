import { desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Share, shareStatus } from "../../../domain/documents.js";
import type { Queryable } from "../../platform/db/index.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { documentShares, documentShareUsers } from "./documents.tables.js";

/** Who created and who revoked a share are joined under their own aliases. */
const creators = alias(users, "share_creators");
const revokers = alias(users, "share_revokers");
const recipients = alias(users, "share_recipients");

/**
 * Shares matching `where` (the caller always includes the organization), newest first, presented
 * with their partner, named recipients and the people who created and revoked them.
 */
export async function loadShares(q: Queryable, where: SQL | undefined, now = new Date()): Promise<Share[]> {
  const rows = await q
    .select({
      share: documentShares,
      partnerName: partners.name,
      creatorName: creators.name,
      revokerName: revokers.name,
    })
    .from(documentShares)
    .innerJoin(partners, eq(partners.id, documentShares.partnerId))
    .leftJoin(creators, eq(creators.id, documentShares.createdBy))
    .leftJoin(revokers, eq(revokers.id, documentShares.revokedBy))
    .where(where)
    .orderBy(desc(documentShares.createdAt), desc(documentShares.id));
  if (!rows.length) return [];
  const named = await q
    .select({
      shareId: documentShareUsers.shareId,
      id: recipients.id,
      name: recipients.name,
      email: recipients.email,
    })
    .from(documentShareUsers)
    .innerJoin(recipients, eq(recipients.id, documentShareUsers.userId))
    .where(
      inArray(
        documentShareUsers.shareId,
        rows.map((r) => r.share.id),
      ),
    )
    .orderBy(recipients.name);
  const byShare = new Map<string, Share["recipients"]>();
  for (const r of named) {
    const list = byShare.get(r.shareId) ?? [];
    list.push({ id: r.id, name: r.name, email: r.email });
    byShare.set(r.shareId, list);
  }
  return rows.map(({ share: s, partnerName, creatorName, revokerName }) => ({
    id: s.id,
    documentId: s.documentId,
    partner: { id: s.partnerId, name: partnerName },
    scope: s.scope,
    recipients: byShare.get(s.id) ?? [],
    expiresAt: s.expiresAt.toISOString(),
    allowDownload: s.allowDownload,
    note: s.note,
    status: shareStatus(s, now),
    createdBy: s.createdBy ? { id: s.createdBy, name: creatorName ?? "" } : null,
    createdAt: s.createdAt.toISOString(),
    revokedBy: s.revokedBy ? { id: s.revokedBy, name: revokerName ?? "" } : null,
    revokedAt: s.revokedAt?.toISOString() ?? null,
  }));
}

/** What the audit trail keeps of a share (ids and terms; names live in their own tables). */
export function shareSnapshot(s: typeof documentShares.$inferSelect, userIds: string[]) {
  return {
    documentId: s.documentId,
    partnerId: s.partnerId,
    scope: s.scope,
    userIds,
    expiresAt: s.expiresAt.toISOString(),
    allowDownload: s.allowDownload,
    note: s.note,
  };
}
