import { and, eq, inArray } from "drizzle-orm";
import {
  type CreateShare,
  MAX_SHARE_DAYS,
  markableKind,
  NDA_CLASSIFICATIONS,
} from "../../../domain/documents.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { assertPartner } from "../contracts/contracts.checks.js";
import { ndaInForce } from "../ndas/ndas.service.js";
import { publishEvents } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { users } from "../users/users.tables.js";
import { loadShares, shareSnapshot } from "./documents.shares.present.js";
import { documentShares, documentShareUsers, documents, documentVersions } from "./documents.tables.js";

const DAY_MS = 86_400_000;

/** The document of the organization with its current version's content type, or 404. */
async function documentOf(q: Queryable, orgId: string, id: string) {
  const [doc] = await q
    .select({
      id: documents.id,
      title: documents.title,
      classification: documents.classification,
      contentType: documentVersions.contentType,
    })
    .from(documents)
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.documentId, documents.id),
        eq(documentVersions.version, documents.currentVersion),
      ),
    )
    .where(and(eq(documents.id, id), eq(documents.orgId, orgId)));
  if (!doc) throw notFound("Document");
  return doc;
}

/**
 * The partner a share goes to: `partnerId` itself (a partner of the organization), or the one
 * partner all `userIds` are active portal users of. 422 names the field at fault, as every body
 * reference of the API does.
 */
async function recipientPartner(tx: Tx, orgId: string, input: CreateShare) {
  if (input.partnerId) {
    await assertPartner(tx, orgId, input.partnerId);
    return { partnerId: input.partnerId, userIds: [] as string[] };
  }
  const ids = [...new Set(input.userIds ?? [])];
  const found = await tx
    .select({ id: users.id, partnerId: users.partnerId })
    .from(users)
    .where(
      and(inArray(users.id, ids), eq(users.orgId, orgId), eq(users.role, "partner"), eq(users.active, true)),
    );
  const partnerOf = new Map(found.map((u) => [u.id, u.partnerId]));
  const errors = (input.userIds ?? [])
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !partnerOf.get(id))
    .map(({ i }) => ({ path: `body.userIds.${i}`, message: "Not an active portal user of a partner" }));
  if (errors.length) throw invalid("Every recipient must be an active partner portal user", errors);
  const partnerIds = new Set(partnerOf.values());
  if (partnerIds.size !== 1)
    throw invalid("All recipients must belong to one partner", [
      { path: "body.userIds", message: "Recipients of several partners: share with each partner separately" },
    ]);
  return { partnerId: [...partnerIds][0] as string, userIds: ids };
}

/** 422 unless `expiresAt` lies in the future and at most {@link MAX_SHARE_DAYS} ahead. */
function assertExpiry(expiresAt: Date, now: Date) {
  const fail = (message: string) => invalid(message, [{ path: "body.expiresAt", message }]);
  if (expiresAt.getTime() <= now.getTime()) throw fail("The expiry must be in the future");
  if (expiresAt.getTime() > now.getTime() + MAX_SHARE_DAYS * DAY_MS)
    throw fail(`A share may run at most ${MAX_SHARE_DAYS} days`);
}

/**
 * Shares feed the signal rules (confidential documents shared without an NDA, NDAs expiring while
 * shares are live): re-evaluate the partner in the change's transaction, as NDA changes do.
 */
const afterShareChange = (tx: Tx, actor: Actor, partnerId: string) =>
  reevaluateSignals(tx, actor.orgId, auditActorOf(actor), { partnerIds: [partnerId] });

/**
 * Tells the share's recipients by email (`document_shared`; partner users have no inbox): the
 * named users, or every active portal user of the partner for a partner-wide share.
 */
async function tellRecipients(
  tx: Tx,
  actor: Actor,
  share: typeof documentShares.$inferSelect,
  title: string,
  userIds: string[],
) {
  const recipients = userIds.length
    ? userIds
    : (
        await tx
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              eq(users.orgId, actor.orgId),
              eq(users.partnerId, share.partnerId),
              eq(users.role, "partner"),
              eq(users.active, true),
            ),
          )
      ).map((u) => u.id);
  if (!recipients.length) return;
  const until = share.expiresAt.toISOString().slice(0, 10);
  await publishEvents(tx, actor.orgId, auditActorOf(actor), [
    {
      type: "document_shared",
      key: `document_shared:${share.id}`,
      title: `Document shared with you: ${title}`,
      body: `"${title}" is available in the portal until ${until}${share.allowDownload ? "" : " (view only)"}.`,
      link: "/portal",
      subject: null,
      data: { documentId: share.documentId, shareId: share.id, partnerId: share.partnerId },
      recipients,
    },
  ]);
}

/** Sharing documents with partners: create, list, revoke, and the recipients to pick from. */
export function createShareService(ctx: AppContext) {
  const { db } = ctx.database;

  return {
    /**
     * `POST /documents/:id/shares`: 422 for unknown recipients or a bad expiry, 409 `nda_required`
     * for a confidential/restricted document without an NDA in force with the partner today, and
     * 409 `watermark_unsupported` when such a document's current version cannot be marked (it
     * could never be delivered, so the share would be a promise we cannot keep).
     */
    async create(actor: Actor, documentId: string, input: CreateShare) {
      const now = new Date();
      const expiresAt = new Date(input.expiresAt);
      return db.transaction(async (tx) => {
        const doc = await documentOf(tx, actor.orgId, documentId);
        const { partnerId, userIds } = await recipientPartner(tx, actor.orgId, input);
        assertExpiry(expiresAt, now);
        if (NDA_CLASSIFICATIONS.includes(doc.classification)) {
          if (!(await ndaInForce(tx, actor.orgId, partnerId, todayUtc(now)))) {
            const [p] = await tx
              .select({ name: partners.name })
              .from(partners)
              .where(eq(partners.id, partnerId));
            throw conflict(
              `No NDA with ${p?.name ?? "this partner"} is in force today: record an NDA in the register before sharing a ${doc.classification} document with them`,
              "nda_required",
            );
          }
          if (!markableKind(doc.contentType))
            throw conflict(
              `A ${doc.classification} document is delivered only as a marked copy, and ${doc.contentType} files cannot be marked: share a PDF, PNG or JPEG version`,
              "watermark_unsupported",
            );
        }
        const [share] = await tx
          .insert(documentShares)
          .values({
            orgId: actor.orgId,
            documentId,
            partnerId,
            scope: userIds.length ? "users" : "partner",
            expiresAt,
            allowDownload: input.allowDownload,
            note: input.note || null,
            createdBy: actor.userId,
          })
          .returning();
        if (userIds.length)
          await tx
            .insert(documentShareUsers)
            .values(userIds.map((userId) => ({ shareId: share.id, userId })));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "document.share",
          entityType: "document_share",
          entityId: share.id,
          relatedIds: [partnerId, documentId],
          after: shareSnapshot(share, userIds),
        });
        await afterShareChange(tx, actor, partnerId);
        await tellRecipients(tx, actor, share, doc.title, userIds);
        const [presented] = await loadShares(tx, eq(documentShares.id, share.id), now);
        return presented;
      });
    },

    /** `GET /documents/:id/shares`: every share of the document, newest first. */
    async list(actor: Actor, documentId: string) {
      await documentOf(db, actor.orgId, documentId);
      const items = await loadShares(
        db,
        and(eq(documentShares.documentId, documentId), eq(documentShares.orgId, actor.orgId)),
      );
      return { items };
    },

    /**
     * `DELETE /documents/:id/shares/:shareId`: stamps the revocation (the row stays for the access
     * log and leak tracing). Revoking twice is a no-op without a second audit event.
     */
    async revoke(actor: Actor, documentId: string, shareId: string) {
      await db.transaction(async (tx) => {
        const [share] = await tx
          .select()
          .from(documentShares)
          .where(
            and(
              eq(documentShares.id, shareId),
              eq(documentShares.documentId, documentId),
              eq(documentShares.orgId, actor.orgId),
            ),
          )
          .for("update");
        if (!share) throw notFound("Share");
        if (share.revokedAt) return;
        const now = new Date();
        await tx
          .update(documentShares)
          .set({ revokedAt: now, revokedBy: actor.userId })
          .where(eq(documentShares.id, shareId));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "document.share_revoke",
          entityType: "document_share",
          entityId: shareId,
          relatedIds: [share.partnerId, documentId],
          before: { revokedAt: null },
          after: { revokedAt: now.toISOString() },
        });
        await afterShareChange(tx, actor, share.partnerId);
      });
    },

    /** `GET /partners/:id/portal-users`: the partner's portal users (to pick share recipients). */
    async portalUsers(actor: Actor, partnerId: string) {
      const [p] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.id, partnerId), eq(partners.orgId, actor.orgId)));
      if (!p) throw notFound("Partner");
      const items = await db
        .select({ id: users.id, name: users.name, email: users.email, active: users.active })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), eq(users.partnerId, partnerId), eq(users.role, "partner")))
        .orderBy(users.name, users.id);
      return { items };
    },
  };
}
