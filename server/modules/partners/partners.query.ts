import { eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { PARTNER_STATUSES } from "../../../domain/lifecycle.js";
import type { ListPartnersQuery } from "../../../domain/partners.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";
import { partnerServices, partners } from "./partners.tables.js";

/** A sortable column: the SQL expression and the type its cursor value is cast back to. */
interface SortSpec {
  expr: SQL;
  cast: "text" | "timestamptz" | "int";
}

const SORTS: Record<string, SortSpec> = {
  name: { expr: sql`lower(${partners.name})`, cast: "text" },
  createdAt: { expr: sql`${partners.createdAt}`, cast: "timestamptz" },
  updatedAt: { expr: sql`${partners.updatedAt}`, cast: "timestamptz" },
  country: { expr: sql`${partners.country}`, cast: "text" },
  category: { expr: sql`${partners.category}`, cast: "text" },
  // Lifecycle order, not alphabetical: identified first, exited last.
  status: { expr: sql`array_position(ARRAY[${sql.join(PARTNER_STATUSES.map((s) => sql`${s}`), sql`, `)}]::text[], ${partners.status})`, cast: "int" },
};

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The WHERE conditions of a partner list query (shared by the list and the CSV export). */
export function partnerFilters(orgId: string, q: Omit<ListPartnersQuery, "limit" | "sort">): SQL[] {
  const where: SQL[] = [eq(partners.orgId, orgId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(partners.name, like),
        ilike(partners.legalName, like),
        ilike(partners.lei, like),
        sql`${partners.tags} @> ARRAY[${q.q.toLowerCase()}]::text[]`,
      )!,
    );
  }
  const statuses = asArray(q.status);
  if (statuses.length) where.push(inArray(partners.status, statuses));
  const countries = asArray(q.country);
  if (countries.length) where.push(inArray(partners.country, countries));
  const categories = asArray(q.category);
  if (categories.length) where.push(inArray(partners.category, categories));
  if (q.tag) where.push(sql`${partners.tags} @> ARRAY[${q.tag}]::text[]`);
  if (q.criticality) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${partnerServices} WHERE ${partnerServices.partnerId} = ${partners.id} AND ${partnerServices.criticality} = ${q.criticality})`,
    );
  }
  return where;
}

/** ORDER BY, keyset condition and cursor maker for a sort such as `-createdAt`. */
export function partnerOrdering(sort: string, cursor: string | undefined) {
  const desc = sort.startsWith("-");
  const spec = SORTS[desc ? sort.slice(1) : sort];
  const dir = desc ? sql`DESC` : sql`ASC`;
  let after: SQL | undefined;
  if (cursor) {
    const c = decodeCursor(cursor);
    const value = sql`CAST(${String(c.value)} AS ${sql.raw(spec.cast)})`;
    after = desc ? sql`(${spec.expr}, ${partners.id}) < (${value}, ${c.id}::uuid)` : sql`(${spec.expr}, ${partners.id}) > (${value}, ${c.id}::uuid)`;
  }
  return {
    orderBy: [sql`${spec.expr} ${dir}`, sql`${partners.id} ${dir}`],
    after,
    /** The sort value as text, selected with each row so the cursor round-trips exactly (microseconds included). */
    sortValue: sql<string>`(${spec.expr})::text`.as("sort_value"),
    makeCursor: (row: { sortValue: string; id: string }) => encodeCursor(row.sortValue, row.id),
  };
}
