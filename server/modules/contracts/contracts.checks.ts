import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import { invalid } from "../../platform/errors.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { contracts } from "./contracts.tables.js";

/**
 * Reference checks of contract bodies: every id must name something of the organization and of
 * the contract's partner, else 422 with the field at fault (never a foreign-key 500 or a cross-org
 * or cross-partner link).
 */

/** The partner must be the organization's. */
export async function assertPartner(db: Queryable, orgId: string, partnerId: string) {
  const [p] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.orgId, orgId)));
  if (!p) throw invalid("Unknown partner", [{ path: "body.partnerId", message: "Unknown partner" }]);
}

/**
 * The parent must be a contract of the same partner, and following parents from it must not lead
 * back to `selfId` (a contract cannot be its own ancestor).
 */
export async function assertParent(
  db: Queryable,
  orgId: string,
  partnerId: string,
  parentId: string | null | undefined,
  selfId: string | null,
) {
  if (!parentId) return;
  const fail = (message: string) => invalid(message, [{ path: "body.parentId", message }]);
  if (parentId === selfId) throw fail("A contract cannot be its own parent");
  const seen = new Set<string>();
  let current: string | null = parentId;
  while (current) {
    if (current === selfId) throw fail("The parent chain would form a cycle");
    if (seen.has(current)) break;
    seen.add(current);
    const [row]: { partnerId: string; parentId: string | null }[] = await db
      .select({ partnerId: contracts.partnerId, parentId: contracts.parentId })
      .from(contracts)
      .where(and(eq(contracts.id, current), eq(contracts.orgId, orgId)));
    if (!row) throw fail("Unknown parent contract");
    if (current === parentId && row.partnerId !== partnerId)
      throw fail("The parent contract belongs to another partner");
    current = row.parentId;
  }
}

/** Every service must be one of the partner's. */
export async function assertServices(db: Queryable, orgId: string, partnerId: string, serviceIds: string[]) {
  const ids = [...new Set(serviceIds)];
  if (!ids.length) return ids;
  const found = await db
    .select({ id: partnerServices.id })
    .from(partnerServices)
    .where(
      and(
        inArray(partnerServices.id, ids),
        eq(partnerServices.orgId, orgId),
        eq(partnerServices.partnerId, partnerId),
      ),
    );
  const known = new Set(found.map((s) => s.id));
  const errors = serviceIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ i }) => ({ path: `body.serviceIds.${i}`, message: "Not a service of this partner" }));
  if (errors.length) throw invalid("Every service must belong to the contract's partner", errors);
  return ids;
}
