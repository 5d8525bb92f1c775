import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import { invalid } from "../../platform/errors.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { riskCategories } from "./risks.tables.js";

/**
 * Reference checks of the register's bodies: every id a client sends must name something of its
 * own organization, else 422 with the field at fault (never a foreign-key 500 or a cross-org link).
 */

/** An owner or assignee must be an active staff member (not a partner-portal user) of the organization. */
export async function assertStaffUser(
  db: Queryable,
  orgId: string,
  userId: string | null | undefined,
  path: string,
) {
  if (!userId) return;
  const [u] = await db
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, orgId)));
  if (!u?.active || u.role === "partner")
    throw invalid("The user must be an active member of your organization", [
      { path, message: "Unknown user" },
    ]);
}

/** The category must be one of the organization's. */
export async function assertCategory(db: Queryable, orgId: string, categoryId: string | undefined) {
  if (!categoryId) return;
  const [c] = await db
    .select({ id: riskCategories.id })
    .from(riskCategories)
    .where(and(eq(riskCategories.id, categoryId), eq(riskCategories.orgId, orgId)));
  if (!c) throw invalid("Unknown category", [{ path: "body.categoryId", message: "Unknown category" }]);
}

/**
 * The partner and service must be the organization's, and the service the partner's. A service
 * given without a partner implies its partner, which is returned.
 */
export async function resolvePartnerService(
  db: Queryable,
  orgId: string,
  partnerId: string | null,
  serviceId: string | null,
): Promise<string | null> {
  if (partnerId) {
    const [p] = await db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.id, partnerId), eq(partners.orgId, orgId)));
    if (!p) throw invalid("Unknown partner", [{ path: "body.partnerId", message: "Unknown partner" }]);
  }
  if (!serviceId) return partnerId;
  const [s] = await db
    .select({ partnerId: partnerServices.partnerId })
    .from(partnerServices)
    .where(and(eq(partnerServices.id, serviceId), eq(partnerServices.orgId, orgId)));
  if (!s) throw invalid("Unknown service", [{ path: "body.serviceId", message: "Unknown service" }]);
  if (partnerId && s.partnerId !== partnerId)
    throw invalid("The service belongs to another partner", [
      { path: "body.serviceId", message: "Not a service of this partner" },
    ]);
  return s.partnerId;
}
