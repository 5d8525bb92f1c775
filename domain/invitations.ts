import { z } from "zod";
import { Email, Password, PersonName } from "./auth.js";
import { Id, PageQuery } from "./common.js";

/**
 * API schemas of partner-user invitations (issue 6). An invitation is a one-time link, mailed to
 * the person, valid for `INVITATION_TTL_DAYS`; opening it lets them set a password, which creates
 * their `partner` user and signs them in. Only a hash of the token is stored.
 */

export const INVITATION_TTL_DAYS = 7;

export const INVITATION_STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
export const InvitationStatus = z.enum(INVITATION_STATUSES);

/** How the invitation email fared: `not_configured` when the installation has no SMTP server. */
export const InvitationEmailStatus = z.enum(["sent", "failed", "not_configured"]);

/** `POST /api/v1/invitations` (admins and vendor managers). */
export const CreateInvitation = z
  .object({ email: Email, name: PersonName, partnerId: Id, contactId: Id.optional() })
  .strict();
export type CreateInvitation = z.infer<typeof CreateInvitation>;

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  partner: z.object({ id: Id, name: z.string() }),
  contactId: Id.nullable(),
  status: InvitationStatus,
  emailStatus: InvitationEmailStatus,
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  userId: Id.nullable(),
  invitedBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * The answer to creating or re-sending an invitation: the link is shown once, so an admin can pass
 * it on through another channel when mail is not configured or failed.
 */
export const CreatedInvitation = Invitation.extend({ acceptUrl: z.string() });

export const ListInvitationsQuery = PageQuery.extend({
  partnerId: Id.optional(),
  status: InvitationStatus.optional(),
});

/** `GET /api/v1/invitations/accept/:token` (public): what the person is accepting. */
export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  organization: z.string(),
  partner: z.string(),
  expiresAt: z.string(),
});
export const InvitationTokenParams = z.object({ token: z.string().min(20).max(200) });

/** `POST /api/v1/invitations/accept/:token` (public): sets the password and signs in. */
export const AcceptInvitation = z.object({ password: Password, name: PersonName.optional() }).strict();
