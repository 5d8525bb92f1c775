import { eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { ContractFilters } from "../../../domain/contracts.js";
import { addDays } from "../../../domain/time.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { contracts } from "./contracts.tables.js";

/**
 * Sorts of the contract list. Each matches an index `(org_id, <expr>, id)`; contracts without an
 * end date or notice deadline sort after every dated one (the keyset needs a non-NULL value).
 */
const SORTS: Record<string, SortSpec> = {
  endDate: { expr: sql`coalesce(${contracts.endDate}, '9999-12-31'::date)`, cast: "date" },
  noticeDeadline: { expr: sql`coalesce(${contracts.noticeDeadline}, '9999-12-31'::date)`, cast: "date" },
  title: { expr: sql`lower(${contracts.title})`, cast: "text" },
  createdAt: { expr: sql`${contracts.createdAt}`, cast: "timestamptz" },
};

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The WHERE conditions of a contract query (shared by the list and the CSV export). */
export function contractFilters(orgId: string, q: ContractFilters, today: string): SQL[] {
  const where: SQL[] = [eq(contracts.orgId, orgId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(contracts.title, like), ilike(contracts.reference, like))!);
  }
  if (q.partnerId) where.push(eq(contracts.partnerId, q.partnerId));
  const types = asArray(q.type);
  if (types.length) where.push(inArray(contracts.type, types));
  const statuses = asArray(q.status);
  if (statuses.length) where.push(inArray(contracts.status, statuses));
  if (q.expiringWithinDays !== undefined)
    where.push(
      sql`${contracts.endDate} BETWEEN ${today}::date AND ${addDays(today, q.expiringWithinDays)}::date`,
    );
  if (q.noticeDueWithinDays !== undefined)
    where.push(sql`${contracts.noticeDeadline} <= ${addDays(today, q.noticeDueWithinDays)}::date`);
  return where;
}

/** ORDER BY, keyset condition and cursor maker of a contract sort such as `-endDate`. */
export const contractOrdering = (sort: string, cursor: string | undefined) =>
  keysetOrdering(SORTS, contracts.id, sort, cursor);
