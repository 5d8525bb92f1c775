import {
  CONTRACT_SORTS,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  type ContractStatus,
  type ContractType,
} from "../../../../domain/contracts";
import { enumParam, idParam, limitParam, listParam, textParam, toQueryString } from "../../lib/searchParams";
export type ContractSort = (typeof CONTRACT_SORTS)[number];

/** Choices of the "expiring within" filter, in days. */
export const EXPIRING_CHOICES = [30, 60, 90, 180, 365] as const;

/** The contract list's URL state: filters, sort and page size (cursors stay in memory). */
export interface ContractsSearch {
  q?: string;
  type?: ContractType[];
  status?: ContractStatus[];
  partnerId?: string;
  expiringWithinDays?: number;
  sort?: ContractSort;
  limit?: number;
}

/** Reads the list's search params defensively. */
export function parseContractsSearch(raw: Record<string, unknown>): ContractsSearch {
  const days = Number(raw.expiringWithinDays);
  return {
    q: textParam(raw.q),
    type: listParam(raw.type, CONTRACT_TYPES),
    status: listParam(raw.status, CONTRACT_STATUSES),
    partnerId: idParam(raw.partnerId),
    expiringWithinDays: Number.isInteger(days) && days > 0 && days <= 3650 ? days : undefined,
    sort: enumParam(raw.sort, CONTRACT_SORTS),
    limit: limitParam(raw.limit),
  };
}

/** True when any filter narrows the list (sort and page size do not count). */
export function hasFilters(s: ContractsSearch): boolean {
  return Boolean(s.q || s.type?.length || s.status?.length || s.partnerId || s.expiringWithinDays);
}

/** The API query of the filters (page size travels separately). */
export function toListQuery(s: ContractsSearch) {
  const { limit: _limit, ...filters } = s;
  return filters;
}

/** The filters as a query string for `export.csv`. */
export function exportHref(s: ContractsSearch): string {
  return `/api/v1/contracts/export.csv${toQueryString(toListQuery(s))}`;
}
