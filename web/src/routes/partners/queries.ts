import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { PartnersSearch } from "./search";

/** Query keys of the partner area, so mutations can invalidate exactly what they touched. */
export const partnerKeys = {
  all: ["partners"] as const,
  list: (search: PartnersSearch, cursor: string | undefined) => ["partners", "list", search, cursor] as const,
  detail: (id: string) => ["partners", "detail", id] as const,
  parts: (id: string, kind: string) => ["partners", "detail", id, kind] as const,
};

/** One page of the partner list for the given filters and cursor. */
export const partnerListQuery = (search: PartnersSearch, cursor: string | undefined) =>
  queryOptions({
    queryKey: partnerKeys.list(search, cursor),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/partners", {
          params: { query: { ...search, limit: search.limit ?? 25, sort: search.sort ?? "name", cursor } },
        }),
      ),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

/** One partner with its allowed transitions and counts. */
export const partnerQuery = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.detail(id),
    queryFn: () => unwrap(api.GET("/api/v1/partners/{id}", { params: { path: { id } } })),
  });
