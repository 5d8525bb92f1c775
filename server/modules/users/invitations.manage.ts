import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { CreateInvitation, Invitation } from "../../../domain/invitations.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";
import { userInvitations } from "../assessments/assessments.tables.js";
import { type MailLog, sendInvitationEmails } from "./invitations.mail.js";
import {
  acceptUrl,
  invitationStatus,
  invitationStatusSql,
  loadInvitation,
  presentInvitation,
  selectInvitations,
} from "./invitations.present.js";
import {
  assertEmailFree,
  createInvitationInTx,
  initialEmailStatus,
  newInvitationToken,
} from "./invitations.service.js";

/** The listing filters of `GET /api/v1/invitations`. */
export interface InvitationListQuery {
  partnerId?: string;
  status?: Invitation["status"];
  limit: number;
  cursor?: string;
}

/** Staff-side management of invitations: list, invite, resend, revoke. */
export function createInvitationAdmin(ctx: AppContext) {
  const { db } = ctx.database;

  /** Mails a freshly issued token and answers with the invitation and its link (shown once). */
  async function deliver(actor: Actor, id: string, token: string, log?: MailLog) {
    await sendInvitationEmails(ctx, [{ invitationId: id, token }], log);
    const invitation = await loadInvitation(db, actor.orgId, id);
    if (!invitation) throw notFound("Invitation");
    return { ...invitation, acceptUrl: acceptUrl(ctx.config.publicUrl, token) };
  }

  return {
    /** Newest first, keyset-paginated on (created_at, id). */
    async list(actor: Actor, q: InvitationListQuery) {
      const where: SQL[] = [eq(userInvitations.orgId, actor.orgId)];
      if (q.partnerId) where.push(eq(userInvitations.partnerId, q.partnerId));
      if (q.status) where.push(sql`${invitationStatusSql} = ${q.status}`);
      if (q.cursor) {
        const c = decodeCursor(q.cursor);
        where.push(
          sql`(${userInvitations.createdAt}, ${userInvitations.id}) < (${String(c.value)}::timestamptz, ${c.id}::uuid)`,
        );
      }
      const rows = await selectInvitations(db)
        .where(and(...where))
        .orderBy(desc(userInvitations.createdAt), desc(userInvitations.id))
        .limit(q.limit + 1);
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map(presentInvitation),
        nextCursor: more && last ? encodeCursor(last.createdAtKey, last.row.id) : null,
      };
    },

    /** Invites a person (one transaction), then mails the link after the commit. */
    async create(actor: Actor, input: CreateInvitation, log?: MailLog) {
      const issued = await db.transaction((tx) => createInvitationInTx(tx, ctx, actor, input));
      return deliver(actor, issued.invitation.id, issued.token, log);
    },

    /**
     * Issues a new link for a pending or expired invitation (the old link stops working) with a
     * new expiry, and mails it. Accepted or revoked invitations cannot be resent: invite again.
     */
    async resend(actor: Actor, id: string, log?: MailLog) {
      const token = await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(userInvitations)
          .where(and(eq(userInvitations.id, id), eq(userInvitations.orgId, actor.orgId)))
          .for("update");
        if (!before) throw notFound("Invitation");
        const status = invitationStatus(before);
        if (status === "accepted" || status === "revoked")
          throw conflict(`The invitation is ${status}; it cannot be resent`, "invalid_transition");
        await assertEmailFree(tx, actor.orgId, before.email.toLowerCase(), before.partnerId);
        const fresh = newInvitationToken();
        await tx
          .update(userInvitations)
          .set({
            tokenHash: fresh.tokenHash,
            expiresAt: fresh.expiresAt,
            emailStatus: initialEmailStatus(ctx),
            updatedAt: new Date(),
          })
          .where(eq(userInvitations.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "invitation.resend",
          entityType: "invitation",
          entityId: id,
          relatedIds: [before.partnerId],
          before: { expiresAt: before.expiresAt.toISOString(), status },
          after: { expiresAt: fresh.expiresAt.toISOString() },
        });
        return fresh.token;
      });
      return deliver(actor, id, token, log);
    },

    /** Revokes a pending (or expired) invitation: its link stops working. Revoking twice is a no-op. */
    async revoke(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(userInvitations)
          .where(and(eq(userInvitations.id, id), eq(userInvitations.orgId, actor.orgId)))
          .for("update");
        if (!before) throw notFound("Invitation");
        if (before.acceptedAt)
          throw conflict("The invitation was accepted; deactivate the user instead", "invalid_transition");
        if (before.revokedAt) return;
        await tx
          .update(userInvitations)
          .set({ revokedAt: new Date(), updatedAt: new Date() })
          .where(and(eq(userInvitations.id, id), isNull(userInvitations.acceptedAt)));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "invitation.revoke",
          entityType: "invitation",
          entityId: id,
          relatedIds: [before.partnerId],
          before: { status: invitationStatus(before) },
          after: { status: "revoked" },
        });
      });
    },
  };
}
