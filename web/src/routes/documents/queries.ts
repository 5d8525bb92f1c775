import { keepPreviousData, queryOptions, useQueries } from "@tanstack/react-query";
import type { AccessAction } from "../../../../domain/documents";
import { api, unwrap } from "../../api/client";
import { partnerQuery } from "../partners/queries";
import type { DocumentsSearch } from "./search";

/** Query keys of the documents area, so mutations invalidate exactly what they touched. */
export const documentKeys = {
  all: ["documents"] as const,
  list: (search: object, cursor: string | undefined) => ["documents", "list", search, cursor] as const,
  detail: (id: string) => ["documents", "detail", id] as const,
  shares: (id: string) => ["documents", "detail", id, "shares"] as const,
  accessLog: (id: string, filter: object, cursor: string | undefined) =>
    ["documents", "detail", id, "access-log", filter, cursor] as const,
};

const fetchDocuments = (search: DocumentsSearch, cursor: string | undefined) => {
  const { limit, ...filters } = search;
  return unwrap(
    api.GET("/api/v1/documents", { params: { query: { ...filters, limit: limit ?? 25, cursor } } }),
  );
};

/** One page of documents for the given filters and cursor. */
export const documentListQuery = (search: DocumentsSearch, cursor: string | undefined) =>
  queryOptions({
    queryKey: documentKeys.list(search, cursor),
    queryFn: () => fetchDocuments(search, cursor),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

const fetchDocument = (id: string) => unwrap(api.GET("/api/v1/documents/{id}", { params: { path: { id } } }));

/** One document with every version, newest first. */
export const documentQuery = (id: string) =>
  queryOptions({ queryKey: documentKeys.detail(id), queryFn: () => fetchDocument(id) });

const fetchShares = (id: string) =>
  unwrap(api.GET("/api/v1/documents/{id}/shares", { params: { path: { id } } }));

/** Every share of a document (few; not paged). */
export const sharesQuery = (id: string) =>
  queryOptions({ queryKey: documentKeys.shares(id), queryFn: () => fetchShares(id) });

const fetchAccessLog = (id: string, action: AccessAction | undefined, cursor: string | undefined) =>
  unwrap(
    api.GET("/api/v1/documents/{id}/access-log", {
      params: { path: { id }, query: { action, cursor, limit: 25 } },
    }),
  );

/** One page of a document's access log. */
export const accessLogQuery = (id: string, action: AccessAction | undefined, cursor: string | undefined) =>
  queryOptions({
    queryKey: documentKeys.accessLog(id, { action }, cursor),
    queryFn: () => fetchAccessLog(id, action, cursor),
    placeholderData: keepPreviousData,
  });

/** A partner's portal users, to pick the recipients of a share. */
export const portalUsersQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ["partners", "detail", partnerId, "portal-users"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/partners/{id}/portal-users", { params: { path: { id: partnerId } } })),
    staleTime: 30_000,
  });

/** A partner's contracts (the first 100 by title), to link an upload to one. */
export const partnerContractsQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ["contracts", "picker", partnerId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/contracts", { params: { query: { partnerId, limit: 100, sort: "title" } } })),
    staleTime: 30_000,
  });

/**
 * Partner names by id for the rows on screen. Documents carry only a `partnerId`; a page shows a
 * handful of distinct partners, each fetched once and cached with the partner page's own query.
 */
export function usePartnerNames(ids: (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({ ...partnerQuery(id), staleTime: 60_000 })),
  });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    if (r.data) names.set(unique[i], r.data.name);
  });
  return names;
}

export type DocumentItem = Awaited<ReturnType<typeof fetchDocuments>>["items"][number];
export type DocumentDetail = Awaited<ReturnType<typeof fetchDocument>>;
export type DocumentVersion = DocumentDetail["versions"][number];
export type ShareItem = Awaited<ReturnType<typeof fetchShares>>["items"][number];
export type AccessEntry = Awaited<ReturnType<typeof fetchAccessLog>>["items"][number];
