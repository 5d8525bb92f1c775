import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { ListKpisQuery } from "../../../domain/kpis.js";
import type { Queryable } from "../../platform/db/index.js";
import { contracts } from "../contracts/contracts.tables.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { partners } from "../partners/partners.tables.js";
import { type KpiSelectRow, kpiColumns } from "./kpis.present.js";
import { kpis } from "./kpis.tables.js";

/** Sorts of the KPI list; each matches an index `(org_id, <expr>, id)`. */
const SORTS: Record<string, SortSpec> = {
  name: { expr: sql`lower(${kpis.name})`, cast: "text" },
  createdAt: { expr: sql`${kpis.createdAt}`, cast: "timestamptz" },
};

/** The WHERE conditions of a KPI list query (all but the status, which is evaluated, not stored). */
export function kpiFilters(orgId: string, q: Omit<ListKpisQuery, "limit" | "sort" | "cursor">): SQL[] {
  const where: SQL[] = [eq(kpis.orgId, orgId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(kpis.name, like), ilike(kpis.unit, like), ilike(kpis.description, like))!);
  }
  if (q.contractId) where.push(eq(kpis.contractId, q.contractId));
  if (q.partnerId) where.push(eq(kpis.partnerId, q.partnerId));
  return where;
}

/** ORDER BY, keyset condition and cursor maker of a KPI sort such as `-createdAt`. */
export const kpiOrdering = (sort: string, cursor: string | undefined) =>
  keysetOrdering(SORTS, kpis.id, sort, cursor);

/** SELECT … FROM kpis with the joins a presented KPI needs, plus extra columns. */
export function selectKpis<E extends Record<string, SQL.Aliased>>(q: Queryable, extra: E = {} as E) {
  return q
    .select({ ...kpiColumns, ...extra })
    .from(kpis)
    .innerJoin(contracts, eq(contracts.id, kpis.contractId))
    .innerJoin(partners, eq(partners.id, kpis.partnerId));
}

/** One KPI of the organization with its joins, or undefined (also for another organization's id). */
export async function findKpi(q: Queryable, orgId: string, id: string): Promise<KpiSelectRow | undefined> {
  const [row] = await selectKpis(q).where(and(eq(kpis.id, id), eq(kpis.orgId, orgId)));
  return row as KpiSelectRow | undefined;
}
