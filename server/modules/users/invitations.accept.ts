import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { startSession } from "../../platform/auth/sessions.js";
import { digest } from "../../platform/auth/tokens.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { AppError, conflict, invalid } from "../../platform/errors.js";
import { assessmentRecipients, assessments, userInvitations } from "../assessments/assessments.tables.js";
import { organizations } from "../organizations/organizations.tables.js";
import { partners } from "../partners/partners.tables.js";
import { presentUser } from "./users.service.js";
import { users } from "./users.tables.js";

/** Who is accepting: the request's address and browser, as sign-in records them. */
export interface AcceptClient {
  ip: string;
  userAgent?: string;
  requestId: string;
}

// One answer for an unknown, accepted or revoked link: a link that worked once tells a stranger
// nothing more than a guessed one. Expiry is told apart so the person knows to ask for a new one.
const notFoundLink = () =>
  new AppError(404, "invitation_not_found", "Invitation not found", "This invitation link is not valid");
const expiredLink = () =>
  new AppError(
    410,
    "invitation_expired",
    "Invitation expired",
    "This invitation link has expired; ask for a new one",
  );

/** The invitation behind a token with its organization and partner names, or a 404/410 problem. */
async function findLive(db: AppContext["database"]["db"] | Tx, token: string) {
  const [r] = await db
    .select({ row: userInvitations, organization: organizations.name, partner: partners.name })
    .from(userInvitations)
    .innerJoin(organizations, eq(organizations.id, userInvitations.orgId))
    .innerJoin(partners, eq(partners.id, userInvitations.partnerId))
    .where(eq(userInvitations.tokenHash, digest(token)));
  if (!r || r.row.acceptedAt || r.row.revokedAt) throw notFoundLink();
  if (r.row.expiresAt.getTime() <= Date.now()) throw expiredLink();
  return r;
}

/** The public side of invitations: what a link is for, and accepting it. */
export function createInvitationAcceptance(ctx: AppContext) {
  const { db } = ctx.database;

  return {
    /** What the person is accepting (no sign-in needed: the token is the credential). */
    async preview(token: string) {
      const r = await findLive(db, token);
      return {
        email: r.row.email,
        name: r.row.name,
        organization: r.organization,
        partner: r.partner,
        expiresAt: r.row.expiresAt.toISOString(),
      };
    },

    /**
     * Creates the partner user, marks the invitation accepted, links the person to the
     * assessments already sent to their email for that partner, and starts their session, all in
     * one transaction. The conditional update makes the link single-use even when two requests
     * race: the second finds no row to update and answers 404.
     */
    async accept(token: string, input: { password: string; name?: string }, client: AcceptClient) {
      const live = await findLive(db, token);
      if (input.password.toLowerCase() === live.row.email.toLowerCase())
        throw invalid("The password must not be the email", [
          { path: "body.password", message: "Must differ from the email" },
        ]);
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction(async (tx) => {
          const [inv] = await tx
            .update(userInvitations)
            .set({ acceptedAt: new Date(), updatedAt: new Date() })
            .where(
              and(
                eq(userInvitations.tokenHash, digest(token)),
                isNull(userInvitations.acceptedAt),
                isNull(userInvitations.revokedAt),
                gt(userInvitations.expiresAt, sql`now()`),
              ),
            )
            .returning();
          if (!inv) {
            // Accepted, revoked or expired since it was read: answer what it is now.
            await findLive(tx, token);
            throw notFoundLink();
          }
          const [taken] = await tx
            .select({ id: users.id })
            .from(users)
            .where(sql`lower(${users.email}) = ${inv.email.toLowerCase()}`);
          if (taken) throw conflict("A user with this email already exists", "email_taken");
          const [user] = await tx
            .insert(users)
            .values({
              orgId: inv.orgId,
              email: inv.email,
              name: input.name ?? inv.name,
              role: "partner",
              partnerId: inv.partnerId,
              passwordHash,
              lastLoginAt: new Date(),
            })
            .returning();
          await tx.update(userInvitations).set({ userId: user.id }).where(eq(userInvitations.id, inv.id));
          // The person answers the assessments already addressed to them for this partner.
          await tx
            .update(assessmentRecipients)
            .set({ userId: user.id })
            .where(
              and(
                eq(assessmentRecipients.orgId, inv.orgId),
                sql`lower(${assessmentRecipients.email}) = ${inv.email.toLowerCase()}`,
                inArray(
                  assessmentRecipients.assessmentId,
                  tx
                    .select({ id: assessments.id })
                    .from(assessments)
                    .where(and(eq(assessments.orgId, inv.orgId), eq(assessments.partnerId, inv.partnerId))),
                ),
              ),
            );
          const who = {
            type: "user" as const,
            id: user.id,
            name: user.name,
            requestId: client.requestId,
            ip: client.ip,
          };
          await recordAudit(tx, inv.orgId, who, {
            action: "invitation.accept",
            entityType: "invitation",
            entityId: inv.id,
            relatedIds: [inv.partnerId, user.id],
            after: { userId: user.id, email: inv.email },
          });
          await recordAudit(tx, inv.orgId, who, {
            action: "user.create",
            entityType: "user",
            entityId: user.id,
            relatedIds: [inv.partnerId],
            after: presentUser(user, live.partner),
          });
          await recordAudit(tx, inv.orgId, who, {
            action: "auth.login",
            entityType: "user",
            entityId: user.id,
          });
          const session = await startSession(tx, user, ctx.config.sessionAbsoluteMs, client);
          const [org] = await tx.select().from(organizations).where(eq(organizations.id, inv.orgId));
          return { user, org, session };
        });
      } catch (e) {
        // Two different invitations of one email accepted at once: the unique index decides.
        if (isUniqueViolation(e)) throw conflict("A user with this email already exists", "email_taken");
        throw e;
      }
    },
  };
}
