import { NDA_SORTS, NDA_STATUS_FILTERS, type NdaStatusFilter } from "../../../../domain/ndas";
import { enumParam, idParam, limitParam, textParam } from "../../lib/searchParams";

export type NdaSort = (typeof NDA_SORTS)[number];

/** The NDA register's URL state: filters, sort and page size (cursors stay in memory). */
export interface NdasSearch {
  q?: string;
  status?: NdaStatusFilter;
  partnerId?: string;
  sort?: NdaSort;
  limit?: number;
}

/** Reads the list's search params defensively (a stale URL drops unknown values). */
export function parseNdasSearch(raw: Record<string, unknown>): NdasSearch {
  return {
    q: textParam(raw.q),
    status: enumParam(raw.status, NDA_STATUS_FILTERS),
    partnerId: idParam(raw.partnerId),
    sort: enumParam(raw.sort, NDA_SORTS),
    limit: limitParam(raw.limit),
  };
}

/** True when any filter narrows the list (sort and page size do not count). */
export const hasFilters = (s: NdasSearch) => Boolean(s.q || s.status || s.partnerId);
