import { SCORE_LEVELS, type ScoreLevel } from "../../../../domain/risk-scoring";
import { RISK_SORTS, RISK_STATUSES, type RiskStatus } from "../../../../domain/risks";
import { enumParam, idParam, limitParam, listParam, textParam, toQueryString } from "../../lib/searchParams";

export type RiskSort = (typeof RISK_SORTS)[number];

/** The register's URL state: filters, sort and page size (cursors stay in memory). */
export interface RisksSearch {
  q?: string;
  categoryId?: string[];
  level?: ScoreLevel[];
  partnerId?: string;
  ownerId?: string;
  status?: RiskStatus[];
  reviewOverdue?: boolean;
  sort?: RiskSort;
  limit?: number;
}

const UUIDS = null;

/** Reads the register's search params defensively. */
export function parseRisksSearch(raw: Record<string, unknown>): RisksSearch {
  return {
    q: textParam(raw.q),
    categoryId: listParam<string>(raw.categoryId, UUIDS)?.filter((v) => idParam(v)),
    level: listParam(raw.level, SCORE_LEVELS),
    partnerId: idParam(raw.partnerId),
    ownerId: idParam(raw.ownerId),
    status: listParam(raw.status, RISK_STATUSES),
    reviewOverdue: raw.reviewOverdue === true || raw.reviewOverdue === "true" ? true : undefined,
    sort: enumParam(raw.sort, RISK_SORTS),
    limit: limitParam(raw.limit),
  };
}

/** True when any filter narrows the list (sort and page size do not count). */
export function hasFilters(s: RisksSearch): boolean {
  return Boolean(
    s.q ||
      s.categoryId?.length ||
      s.level?.length ||
      s.partnerId ||
      s.ownerId ||
      s.status?.length ||
      s.reviewOverdue,
  );
}

/** The API query of the filters (`reviewOverdue` travels as the string the API expects). */
export function toListQuery(s: RisksSearch) {
  const { limit: _limit, reviewOverdue, ...rest } = s;
  return { ...rest, reviewOverdue: reviewOverdue ? ("true" as const) : undefined };
}

/** The filters as a query string for `export.csv`. */
export function exportHref(s: RisksSearch): string {
  const { limit: _limit, ...filters } = s;
  return `/api/v1/risks/export.csv${toQueryString(filters)}`;
}
