import { INDICATORS, type Indicator, RISK_LEVELS, type RiskLevel } from "../../../../domain/governance";

export const REGION_OPTIONS = ["Africa", "Americas", "Antarctica", "Asia", "Europe", "Oceania"] as const;
export type Region = (typeof REGION_OPTIONS)[number];

/** Table columns the list sorts by (client-side; the whole list arrives in one answer). */
export const SORT_FIELDS = ["name", "region", "risk", "partners", "services", ...INDICATORS] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type CountrySort = SortField | `-${SortField}`;

/** What the world map colours countries by. */
export const MAP_METRICS = ["risk", ...INDICATORS, "partners", "services"] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/** The country list's URL state. */
export interface CountriesSearch {
  q?: string;
  region?: Region;
  risk?: RiskLevel;
  ours?: boolean;
  sort?: CountrySort;
  map?: MapMetric;
  page?: number;
}

const oneOf = <T extends string>(raw: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(raw as T) ? (raw as T) : undefined;

/** Reads the search params defensively: unknown values are dropped, not errors. */
export function parseCountriesSearch(raw: Record<string, unknown>): CountriesSearch {
  const sort = typeof raw.sort === "string" ? raw.sort : "";
  const page = Number(raw.page);
  return {
    q: typeof raw.q === "string" && raw.q.trim() ? raw.q.slice(0, 100) : undefined,
    region: oneOf(raw.region, REGION_OPTIONS),
    risk: oneOf(raw.risk, RISK_LEVELS),
    ours: raw.ours === true || raw.ours === "true" ? true : undefined,
    sort: oneOf(sort.replace(/^-/, ""), SORT_FIELDS) ? (sort as CountrySort) : undefined,
    map: oneOf(raw.map, MAP_METRICS),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** True when a filter narrows the list. */
export const hasFilters = (s: CountriesSearch) => Boolean(s.q || s.region || s.risk || s.ours);

export type { Indicator, RiskLevel };
