import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Invitation } from "../../../domain/invitations.js";
import type { Queryable } from "../../platform/db/index.js";
import { iso } from "../../platform/http/present.js";
import { userInvitations } from "../assessments/assessments.tables.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "./users.tables.js";

type InvitationRow = typeof userInvitations.$inferSelect;

const inviter = alias(users, "inviter");

/**
 * The status of an invitation, derived rather than stored: "expired" is a matter of the clock, so
 * storing it would need a job to keep it true.
 */
export function invitationStatus(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">) {
  if (row.acceptedAt) return "accepted" as const;
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt.getTime() <= Date.now()) return "expired" as const;
  return "pending" as const;
}

/** The same derivation in SQL, for filtering lists by status. */
export const invitationStatusSql = sql<string>`CASE
  WHEN ${userInvitations.acceptedAt} IS NOT NULL THEN 'accepted'
  WHEN ${userInvitations.revokedAt} IS NOT NULL THEN 'revoked'
  WHEN ${userInvitations.expiresAt} <= now() THEN 'expired'
  ELSE 'pending' END`;

/** The columns `presentInvitation` needs: the row, its partner's name and the inviter's name. */
export const invitationColumns = {
  row: userInvitations,
  partnerName: partners.name,
  inviterName: inviter.name,
  // Microsecond precision for keyset cursors: a JavaScript Date keeps only milliseconds, and a
  // truncated cursor would skip rows created within the same millisecond.
  createdAtKey: sql<string>`to_char(${userInvitations.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

/** Selects invitations with what their presentation needs (partner and inviter joined). */
export function selectInvitations(db: Queryable) {
  return db
    .select(invitationColumns)
    .from(userInvitations)
    .innerJoin(partners, eq(partners.id, userInvitations.partnerId))
    .leftJoin(inviter, eq(inviter.id, userInvitations.invitedBy));
}

/** One invitation of the organization, presented; undefined when absent or another org's. */
export async function loadInvitation(db: Queryable, orgId: string, id: string) {
  const [row] = await selectInvitations(db).where(
    and(eq(userInvitations.id, id), eq(userInvitations.orgId, orgId)),
  );
  return row ? presentInvitation(row) : undefined;
}

/** Whitelists what the API shows of an invitation (never the token hash). */
export function presentInvitation(r: {
  row: InvitationRow;
  partnerName: string;
  inviterName: string | null;
}): Invitation {
  const i = r.row;
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    partner: { id: i.partnerId, name: r.partnerName },
    contactId: i.contactId,
    status: invitationStatus(i),
    emailStatus: i.emailStatus as Invitation["emailStatus"],
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: iso(i.acceptedAt),
    userId: i.userId,
    invitedBy: i.invitedBy && r.inviterName ? { id: i.invitedBy, name: r.inviterName } : null,
    createdAt: i.createdAt.toISOString(),
  };
}

/** The link that accepts an invitation (shown once, mailed once). */
export const acceptUrl = (publicUrl: string, token: string) => `${publicUrl}/invitations/${token}`;
