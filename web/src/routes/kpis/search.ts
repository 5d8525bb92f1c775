import { KPI_SORTS, MEASUREMENT_STATUSES, type MeasurementStatus } from "../../../../domain/kpis";
import { enumParam, idParam, limitParam, textParam } from "../../lib/searchParams";

export type KpiSort = (typeof KPI_SORTS)[number];

/** The "Service levels" list's URL state: filters, sort and page size (cursors stay in memory). */
export interface KpisSearch {
  q?: string;
  partnerId?: string;
  /** KPIs whose latest measurement has this status (the API filters on one status). */
  status?: MeasurementStatus;
  sort?: KpiSort;
  limit?: number;
}

/** Reads the list's search params defensively: unknown or stale values are dropped, not errors. */
export function parseKpisSearch(raw: Record<string, unknown>): KpisSearch {
  return {
    q: textParam(raw.q),
    partnerId: idParam(raw.partnerId),
    status: enumParam(raw.status, MEASUREMENT_STATUSES),
    sort: enumParam(raw.sort, KPI_SORTS),
    limit: limitParam(raw.limit),
  };
}

/** True when any filter narrows the list (sort and page size do not count). */
export function hasFilters(s: KpisSearch): boolean {
  return Boolean(s.q || s.partnerId || s.status);
}

/** The API query of the filters (page size travels separately). */
export function toListQuery(s: KpisSearch) {
  const { limit: _limit, ...filters } = s;
  return filters;
}
