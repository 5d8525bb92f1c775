import { PARTNER_STATUSES, type PartnerStatus } from "../../../../domain/lifecycle";
import {
  CRITICALITIES,
  type Criticality,
  PARTNER_CATEGORIES,
  PARTNER_SORTS,
  type PartnerCategory,
} from "../../../../domain/partners";

type PartnerSort = (typeof PARTNER_SORTS)[number];

/** The partner list's URL state: filters, sort and page size (cursors stay in memory). */
export interface PartnersSearch {
  q?: string;
  status?: PartnerStatus[];
  country?: string[];
  category?: PartnerCategory[];
  criticality?: Criticality;
  tag?: string;
  /** Risk tiers, 1 (most attention) to 4. */
  tier?: number[];
  sort?: PartnerSort;
  limit?: number;
}

const list = <T extends string>(raw: unknown, allowed: readonly T[] | null): T[] | undefined => {
  const values = (Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : []).filter(
    (v): v is T => typeof v === "string" && (allowed === null || allowed.includes(v as T)),
  );
  return values.length ? values : undefined;
};

const text = (raw: unknown): string | undefined =>
  typeof raw === "string" && raw.trim() ? raw.slice(0, 200) : undefined;

const tiers = (raw: unknown): number[] | undefined =>
  list(
    (Array.isArray(raw) ? raw : [raw]).map((v) => String(v)),
    ["1", "2", "3", "4"],
  )?.map(Number);

/**
 * Reads the partner list's search params defensively: hand-edited or stale URLs drop unknown values
 * instead of breaking the page.
 */
export function parsePartnersSearch(raw: Record<string, unknown>): PartnersSearch {
  const limit = Number(raw.limit);
  return {
    q: text(raw.q),
    status: list(raw.status, PARTNER_STATUSES),
    country: list<string>(raw.country, null)?.filter((c) => /^[A-Z]{2}$/.test(c)),
    category: list(raw.category, PARTNER_CATEGORIES),
    criticality: CRITICALITIES.includes(raw.criticality as Criticality)
      ? (raw.criticality as Criticality)
      : undefined,
    tag: text(raw.tag),
    tier: tiers(raw.tier),
    sort: PARTNER_SORTS.includes(raw.sort as PartnerSort) ? (raw.sort as PartnerSort) : undefined,
    limit: [10, 25, 50, 100].includes(limit) ? limit : undefined,
  };
}

/** True when any filter narrows the list (sort and page size do not count). */
export function hasFilters(s: PartnersSearch): boolean {
  return Boolean(
    s.q ||
      s.status?.length ||
      s.country?.length ||
      s.category?.length ||
      s.criticality ||
      s.tag ||
      s.tier?.length,
  );
}

/** The filters as a query string for `export.csv`, with repeated keys for lists. */
export function exportHref(s: PartnersSearch): string {
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  for (const v of s.status ?? []) params.append("status", v);
  for (const v of s.country ?? []) params.append("country", v);
  for (const v of s.category ?? []) params.append("category", v);
  if (s.criticality) params.set("criticality", s.criticality);
  if (s.tag) params.set("tag", s.tag);
  for (const v of s.tier ?? []) params.append("tier", String(v));
  if (s.sort) params.set("sort", s.sort);
  const qs = params.toString();
  return `/api/v1/partners/export.csv${qs ? `?${qs}` : ""}`;
}
