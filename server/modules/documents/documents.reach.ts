import { and, desc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/access.js";
import { documentShares, documentShareUsers } from "./documents.tables.js";

/**
 * Which shares reach a partner-portal user: live ones (not revoked, not yet expired) of the
 * organization for the user's partner, either with the whole partner or naming the user. The one
 * definition both delivery and the portal's list use, so what the portal lists is exactly what
 * the content route serves.
 */
export function liveSharesReaching(actor: Actor, now: Date): SQL {
  // A partner actor always has a partner (the policy requires it); a nil id matches nothing.
  const partnerId = actor.partnerId ?? "00000000-0000-0000-0000-000000000000";
  return and(
    eq(documentShares.orgId, actor.orgId),
    eq(documentShares.partnerId, partnerId),
    isNull(documentShares.revokedAt),
    gt(documentShares.expiresAt, now),
    or(
      eq(documentShares.scope, "partner"),
      sql`EXISTS (SELECT 1 FROM ${documentShareUsers} WHERE ${documentShareUsers.shareId} = ${documentShares.id} AND ${documentShareUsers.userId} = ${actor.userId})`,
    ),
  ) as SQL;
}

/**
 * When several live shares reach the user, the most generous wins: one allowing download, then
 * the one running longest.
 */
export const mostGenerousFirst = [desc(documentShares.allowDownload), desc(documentShares.expiresAt)];
