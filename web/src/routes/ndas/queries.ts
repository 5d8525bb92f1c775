import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { NdasSearch } from "./search";

/** Query keys of the NDA register, so mutations invalidate exactly what they touched. */
export const ndaKeys = {
  all: ["ndas"] as const,
  list: (search: object, cursor: string | undefined) => ["ndas", "list", search, cursor] as const,
};

const fetchNdas = (search: NdasSearch, cursor: string | undefined) => {
  const { limit, ...filters } = search;
  return unwrap(api.GET("/api/v1/ndas", { params: { query: { ...filters, limit: limit ?? 25, cursor } } }));
};

/** One page of NDAs for the given filters and cursor. */
export const ndaListQuery = (search: NdasSearch, cursor: string | undefined) =>
  queryOptions({
    queryKey: ndaKeys.list(search, cursor),
    queryFn: () => fetchNdas(search, cursor),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

export type Nda = Awaited<ReturnType<typeof fetchNdas>>["items"][number];
