import { and, eq, isNull, sql } from "drizzle-orm";
import { INVITATION_TTL_DAYS } from "../../../domain/invitations.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import { digest, newSecret } from "../../platform/auth/tokens.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/index.js";
import { conflict, notFound } from "../../platform/errors.js";
import { userInvitations } from "../assessments/assessments.tables.js";
import { partnerContacts, partners } from "../partners/partners.tables.js";
import { presentInvitation } from "./invitations.present.js";
import { users } from "./users.tables.js";

export { sendInvitationEmails } from "./invitations.mail.js";

type InvitationRow = typeof userInvitations.$inferSelect;

/** What inviting someone needs: who, to answer for which partner (and which contact they are). */
export interface InvitationInput {
  email: string;
  name: string;
  partnerId: string;
  contactId?: string | null;
}

/** A created (or re-issued) invitation with its one-time token, to mail after the commit. */
export interface IssuedInvitation {
  invitation: { id: string; email: string };
  token: string;
  /** True when a pending invitation for the same person and partner was re-issued. */
  reused: boolean;
}

/** A fresh one-time token (32 random bytes, base64url) and the expiry of a link made now. */
export function newInvitationToken(): { token: string; tokenHash: string; expiresAt: Date } {
  const token = newSecret();
  return {
    token,
    tokenHash: digest(token),
    expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
  };
}

/**
 * The email status an invitation starts with. With SMTP configured it is `failed` until the mail
 * really left (`sendInvitationEmails` sets `sent`): a crash between the commit and the send then
 * shows as a failure to resend, never as a mail nobody received.
 */
export const initialEmailStatus = (ctx: AppContext) => (ctx.config.smtpUrl ? "failed" : "not_configured");

/**
 * Refuses to invite an email that already signs in: the person is either already a portal user
 * of this partner (`already_a_user`) or someone else's account (`email_taken`; emails are unique
 * across the installation because sign-in asks only for the email).
 */
export async function assertEmailFree(tx: Tx, orgId: string, email: string, partnerId: string) {
  const [u] = await tx
    .select({ orgId: users.orgId, role: users.role, partnerId: users.partnerId, active: users.active })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!u) return;
  if (u.orgId === orgId && u.role === "partner" && u.partnerId === partnerId && u.active)
    throw conflict("This person already has a portal account for this partner", "already_a_user");
  throw conflict("A user with this email already exists", "email_taken", [
    { path: "body.email", message: "Already used by another account" },
  ]);
}

/**
 * Creates an invitation inside the caller's transaction (the caller commits, then mails with
 * `sendInvitationEmails`). The partner (and contact) must be the actor's organization's (404
 * otherwise). A pending invitation of the same email to the same partner is re-issued with a new
 * token and expiry (`reused`), so inviting twice never leaves two live links; an expired one is
 * revoked first, as the database allows one pending invitation per organization and email. A
 * pending one to another partner is a conflict (`already_invited`): revoke it first.
 */
export async function createInvitationInTx(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  input: InvitationInput,
): Promise<IssuedInvitation> {
  const email = input.email.trim().toLowerCase();
  // Serialises invitations of one email in one organization: two simultaneous invitations would
  // otherwise both find nothing pending and the second would fail on the unique index.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`outsight:invitation:${actor.orgId}:${email}`}, 0))`,
  );
  const [partner] = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(and(eq(partners.id, input.partnerId), eq(partners.orgId, actor.orgId)));
  if (!partner) throw notFound("Partner");
  if (input.contactId) {
    const [contact] = await tx
      .select({ id: partnerContacts.id })
      .from(partnerContacts)
      .where(
        and(
          eq(partnerContacts.id, input.contactId),
          eq(partnerContacts.partnerId, partner.id),
          eq(partnerContacts.orgId, actor.orgId),
        ),
      );
    if (!contact) throw notFound("Contact");
  }
  await assertEmailFree(tx, actor.orgId, email, partner.id);

  const [pending] = await tx
    .select()
    .from(userInvitations)
    .where(
      and(
        eq(userInvitations.orgId, actor.orgId),
        sql`lower(${userInvitations.email}) = ${email}`,
        isNull(userInvitations.acceptedAt),
        isNull(userInvitations.revokedAt),
      ),
    )
    .for("update");
  const fresh = newInvitationToken();
  const fields = {
    name: input.name,
    contactId: input.contactId ?? null,
    tokenHash: fresh.tokenHash,
    expiresAt: fresh.expiresAt,
    emailStatus: initialEmailStatus(ctx),
    invitedBy: actor.userId,
    updatedAt: new Date(),
  };
  const audit = auditActorOf(actor);
  let row: InvitationRow;
  let reused = false;
  if (pending && pending.expiresAt.getTime() > Date.now() && pending.partnerId === partner.id) {
    [row] = await tx
      .update(userInvitations)
      .set(fields)
      .where(eq(userInvitations.id, pending.id))
      .returning();
    reused = true;
  } else {
    if (pending && pending.expiresAt.getTime() > Date.now())
      throw conflict(
        "This email has a pending invitation for another partner; revoke it first",
        "already_invited",
        [{ path: "body.email", message: "Invited for another partner" }],
      );
    if (pending) {
      await tx
        .update(userInvitations)
        .set({ revokedAt: new Date(), updatedAt: new Date() })
        .where(eq(userInvitations.id, pending.id));
      await recordAudit(tx, actor.orgId, audit, {
        action: "invitation.revoke",
        entityType: "invitation",
        entityId: pending.id,
        relatedIds: [pending.partnerId],
        after: { reason: "expired; replaced by a new invitation" },
      });
    }
    [row] = await tx
      .insert(userInvitations)
      .values({ ...fields, orgId: actor.orgId, partnerId: partner.id, email })
      .returning();
  }
  await recordAudit(tx, actor.orgId, audit, {
    action: "invitation.create",
    entityType: "invitation",
    entityId: row.id,
    relatedIds: [partner.id],
    after: {
      ...presentInvitation({ row, partnerName: partner.name, inviterName: actor.name }),
      reused,
    },
  });
  return { invitation: { id: row.id, email: row.email }, token: fresh.token, reused };
}
