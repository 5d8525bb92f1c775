import { eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { NDA_EXPIRING_DAYS, type NdaStatusFilter } from "../../../domain/ndas.js";
import { addDays } from "../../../domain/time.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { partners } from "../partners/partners.tables.js";
import { ndas } from "./ndas.tables.js";

/** Sorts of the NDA list, each matching an index `(org_id, <expr>, id)`. */
const SORTS: Record<string, SortSpec> = {
  // Open-ended NDAs sort after every dated one: the keyset needs a non-NULL value.
  expiryDate: { expr: sql`coalesce(${ndas.expiryDate}, '9999-12-31'::date)`, cast: "date" },
  effectiveDate: { expr: sql`${ndas.effectiveDate}`, cast: "date" },
  createdAt: { expr: sql`${ndas.createdAt}`, cast: "timestamptz" },
};

/**
 * The SQL twin of `ndaStatus` (domain/ndas.ts): the status filter must select exactly the rows
 * the presenter labels with that status, or a filtered list would contradict its own badges.
 */
function statusCondition(status: NdaStatusFilter, today: string): SQL {
  const inForce = sql`${ndas.effectiveDate} <= ${today}::date AND (${ndas.expiryDate} IS NULL OR ${ndas.expiryDate} >= ${today}::date)`;
  switch (status) {
    case "upcoming":
      return sql`${ndas.effectiveDate} > ${today}::date`;
    case "expired":
      return sql`${ndas.expiryDate} < ${today}::date`;
    case "in_force":
      return sql`(${inForce})`;
    case "expiring":
      return sql`(${inForce} AND ${ndas.expiryDate} <= ${addDays(today, NDA_EXPIRING_DAYS)}::date)`;
  }
}

/** The WHERE conditions of an NDA list query; `q` searches the scope and the partner's name. */
export function ndaFilters(
  orgId: string,
  q: { q?: string; partnerId?: string; status?: NdaStatusFilter },
  today: string,
): SQL[] {
  const where: SQL[] = [eq(ndas.orgId, orgId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(ndas.scope, like), ilike(partners.name, like))!);
  }
  if (q.partnerId) where.push(eq(ndas.partnerId, q.partnerId));
  if (q.status) where.push(statusCondition(q.status, today));
  return where;
}

/** ORDER BY, keyset condition and cursor maker of an NDA sort such as `-expiryDate`. */
export const ndaOrdering = (sort: string, cursor: string | undefined) =>
  keysetOrdering(SORTS, ndas.id, sort, cursor);
