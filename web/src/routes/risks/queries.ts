import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { type RisksSearch, toListQuery } from "./search";

/** Query keys of the risk area, so mutations can invalidate exactly what they touched. */
export const riskKeys = {
  all: ["risks"] as const,
  list: (search: RisksSearch, cursor: string | undefined) => ["risks", "list", search, cursor] as const,
  detail: (id: string) => ["risks", "detail", id] as const,
  tasks: (id: string) => ["risks", "detail", id, "tasks"] as const,
  reviews: (id: string) => ["risks", "detail", id, "reviews"] as const,
  heatmap: (filters: object) => ["risks", "heatmap", filters] as const,
  summary: ["risks", "summary"] as const,
  categories: ["risk-categories"] as const,
  controls: ["controls"] as const,
  settings: ["risk-settings"] as const,
};

const fetchRisks = (search: RisksSearch, cursor: string | undefined, limit?: number) =>
  unwrap(
    api.GET("/api/v1/risks", {
      params: { query: { ...toListQuery(search), limit: limit ?? search.limit ?? 25, cursor } },
    }),
  );

/** One page of the register for the given filters and cursor. */
export const riskListQuery = (search: RisksSearch, cursor: string | undefined, limit?: number) =>
  queryOptions({
    queryKey: [...riskKeys.list(search, cursor), limit],
    queryFn: () => fetchRisks(search, cursor, limit),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

const fetchRisk = (id: string) => unwrap(api.GET("/api/v1/risks/{id}", { params: { path: { id } } }));

/** One risk with its scores, controls and acceptance. */
export const riskQuery = (id: string) =>
  queryOptions({ queryKey: riskKeys.detail(id), queryFn: () => fetchRisk(id) });

const fetchCategories = () => unwrap(api.GET("/api/v1/risk-categories"));

/** The organization's risk categories (built-in and its own); they change rarely. */
export const categoriesQuery = queryOptions({
  queryKey: riskKeys.categories,
  queryFn: fetchCategories,
  staleTime: 60_000,
});

const fetchSettings = () => unwrap(api.GET("/api/v1/risk-settings"));

/** Level thresholds and signal bounds; every level colour on screen follows them. */
export const riskSettingsQuery = queryOptions({
  queryKey: riskKeys.settings,
  queryFn: fetchSettings,
  staleTime: 60_000,
});

export type RiskListItem = Awaited<ReturnType<typeof fetchRisks>>["items"][number];
export type Risk = Awaited<ReturnType<typeof fetchRisk>>;
export type RiskCategory = Awaited<ReturnType<typeof fetchCategories>>["items"][number];
export type RiskSettings = Awaited<ReturnType<typeof fetchSettings>>;
