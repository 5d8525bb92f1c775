import { type Column, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { withoutNul } from "../../../domain/common.js";
import { PARTNER_STATUSES } from "../../../domain/lifecycle.js";
import type { ListPartnersQuery } from "../../../domain/partners.js";
import { invalid } from "../../platform/errors.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";
import { partnerServices, partners } from "./partners.tables.js";

/** A sortable column: the SQL expression and the type its cursor value is cast back to. */
export interface SortSpec {
  expr: SQL;
  cast: "text" | "timestamptz" | "int" | "date";
}

const SORTS: Record<string, SortSpec> = {
  name: { expr: sql`lower(${partners.name})`, cast: "text" },
  createdAt: { expr: sql`${partners.createdAt}`, cast: "timestamptz" },
  updatedAt: { expr: sql`${partners.updatedAt}`, cast: "timestamptz" },
  country: { expr: sql`${partners.country}`, cast: "text" },
  category: { expr: sql`${partners.category}`, cast: "text" },
  riskTier: { expr: sql`${partners.riskTier}`, cast: "int" },
  // Lifecycle order, not alphabetical: identified first, exited last.
  status: {
    expr: sql`array_position(ARRAY[${sql.join(
      PARTNER_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )}]::text[], ${partners.status})`,
    cast: "int",
  },
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
  const tiers = asArray(q.tier);
  if (tiers.length) where.push(inArray(partners.riskTier, tiers));
  if (q.tag) where.push(sql`${partners.tags} @> ARRAY[${q.tag}]::text[]`);
  if (q.criticality) {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${partnerServices} WHERE ${partnerServices.partnerId} = ${partners.id} AND ${partnerServices.criticality} = ${q.criticality})`,
    );
  }
  return where;
}

/** The sort value as the cursor carries it: text that casts back exactly (microseconds included). */
function sortValueText(spec: SortSpec): SQL {
  // Timestamps in a fixed UTC ISO form, so the cursor means the same whatever the session's
  // TimeZone or DateStyle.
  if (spec.cast === "timestamptz")
    return sql`to_char(${spec.expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return sql`(${spec.expr})::text`;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** True when `value` is something PostgreSQL can cast to the sort's type (a tampered cursor must not become a 500). */
function castable(value: string, cast: SortSpec["cast"]): boolean {
  if (cast === "int") return /^\d{1,9}$/.test(value);
  if (cast === "date")
    return (
      /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
    );
  if (cast === "timestamptz") {
    const ms = Date.parse(value);
    // Date.parse rolls 2024-02-30 over to March; PostgreSQL refuses it: insist on a round trip.
    return (
      ISO_UTC.test(value) &&
      !Number.isNaN(ms) &&
      new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19)
    );
  }
  return withoutNul(value);
}

/**
 * Reads a cursor made by `keysetOrdering(…).makeCursor`: it names its sort, so a cursor of
 * another sort, a tampered one, or one whose value cannot be cast is a validation error.
 */
function readCursor(cursor: string, sort: string, spec: SortSpec): { value: string; id: string } {
  const c = decodeCursor(cursor);
  const [cursorSort, value] = Array.isArray(c.value) ? c.value : [];
  if (cursorSort !== sort || typeof value !== "string" || !castable(value, spec.cast)) {
    throw invalid("The cursor does not belong to this list; start from the first page", [
      { path: "query.cursor", message: "Invalid cursor" },
    ]);
  }
  return { value, id: c.id };
}

/** ORDER BY, keyset condition and cursor maker for a sort such as `-createdAt`. */
export function partnerOrdering(sort: string, cursor: string | undefined) {
  return keysetOrdering(SORTS, partners.id, sort, cursor);
}

/**
 * Keyset ordering over `sorts` with `id` as the tie-breaker: ORDER BY, the condition selecting
 * the rows after `cursor`, and the cursor maker. Shared by every keyset-paginated list; sort
 * expressions must not be NULL (row comparison with NULL matches nothing).
 */
export function keysetOrdering(
  sorts: Record<string, SortSpec>,
  id: Column,
  sort: string,
  cursor: string | undefined,
) {
  const desc = sort.startsWith("-");
  const spec = sorts[desc ? sort.slice(1) : sort];
  const dir = desc ? sql`DESC` : sql`ASC`;
  let after: SQL | undefined;
  if (cursor) {
    const c = readCursor(cursor, sort, spec);
    const value = sql`CAST(${c.value} AS ${sql.raw(spec.cast)})`;
    after = desc
      ? sql`(${spec.expr}, ${id}) < (${value}, ${c.id}::uuid)`
      : sql`(${spec.expr}, ${id}) > (${value}, ${c.id}::uuid)`;
  }
  const makeCursor = (row: { sortValue: string; id: string }) => encodeCursor([sort, row.sortValue], row.id);
  return {
    orderBy: [sql`${spec.expr} ${dir}`, sql`${id} ${dir}`],
    after,
    /** The sort value as text, selected with each row so the cursor round-trips exactly. */
    sortValue: sql<string>`${sortValueText(spec)}`.as("sort_value"),
    makeCursor,
    /**
     * One page from rows fetched with `limit + 1` (the extra row only says a next page exists):
     * the first `limit` rows presented, and the cursor after the last of them, if any.
     */
    page<R extends { sortValue: string }, T>(
      rows: R[],
      limit: number,
      idOf: (row: R) => string,
      present: (row: R) => T,
    ): { items: T[]; nextCursor: string | null } {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(present),
        nextCursor:
          rows.length > limit && last ? makeCursor({ sortValue: last.sortValue, id: idOf(last) }) : null,
      };
    },
  };
}
