import { keepPreviousData, type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { notificationKeys } from "../notifications/queries";
import { type KpisSearch, toListQuery } from "./search";

/** Query keys of the KPI area, so mutations can invalidate exactly what they touched. */
export const kpiKeys = {
  all: ["kpis"] as const,
  list: (filter: KpiFilter) => ["kpis", "list", filter] as const,
  page: (search: KpisSearch, cursor: string | undefined) => ["kpis", "page", search, cursor] as const,
  detail: (id: string) => ["kpis", "detail", id] as const,
  series: (id: string, from?: string, to?: string) => ["kpis", "detail", id, "series", from, to] as const,
  scorecard: (partnerId: string, from?: string, to?: string) =>
    ["kpis", "scorecard", partnerId, from, to] as const,
};

/** What a KPI list is narrowed to (a contract's card, a partner, or the whole organization). */
export interface KpiFilter {
  contractId?: string;
  partnerId?: string;
}

const fetchKpis = (filter: KpiFilter) =>
  unwrap(api.GET("/api/v1/kpis", { params: { query: { ...filter, limit: 200 } } }));

/** The first 200 KPIs matching the filter, by name: a contract rarely has more than a dozen. */
export const kpisQuery = (filter: KpiFilter = {}) =>
  queryOptions({ queryKey: kpiKeys.list(filter), queryFn: () => fetchKpis(filter) });

const fetchKpiPage = (search: KpisSearch, cursor: string | undefined) =>
  unwrap(
    api.GET("/api/v1/kpis", {
      params: { query: { ...toListQuery(search), limit: search.limit ?? 25, cursor } },
    }),
  );

/** One page of the organization's KPIs ("Service levels") for the given filters and cursor. */
export const kpiPageQuery = (search: KpisSearch, cursor: string | undefined) =>
  queryOptions({
    queryKey: kpiKeys.page(search, cursor),
    queryFn: () => fetchKpiPage(search, cursor),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

const fetchKpi = (id: string) => unwrap(api.GET("/api/v1/kpis/{id}", { params: { path: { id } } }));

/** One KPI with its thresholds and latest evaluated measurement. */
export const kpiQuery = (id: string) =>
  queryOptions({ queryKey: kpiKeys.detail(id), queryFn: () => fetchKpi(id) });

const fetchSeries = (id: string, from?: string, to?: string) =>
  unwrap(api.GET("/api/v1/kpis/{id}/series", { params: { path: { id }, query: { from, to } } }));

/** The evaluated measurements between two ISO dates (either open), with control limits. */
export const seriesQuery = (id: string, from?: string, to?: string) =>
  queryOptions({ queryKey: kpiKeys.series(id, from, to), queryFn: () => fetchSeries(id, from, to) });

const fetchScorecard = (partnerId: string, from?: string, to?: string) =>
  unwrap(
    api.GET("/api/v1/partners/{id}/scorecard", { params: { path: { id: partnerId }, query: { from, to } } }),
  );

/** A partner's KPI scorecard over a date range (the server defaults to the last 12 months). */
export const scorecardQuery = (partnerId: string, from?: string, to?: string) =>
  queryOptions({
    queryKey: kpiKeys.scorecard(partnerId, from, to),
    queryFn: () => fetchScorecard(partnerId, from, to),
  });

/**
 * Sends a CSV file's text to the bulk endpoint as `text/csv`. With `dryRun` the server validates
 * and evaluates every row and reports what would happen without writing anything.
 */
export const uploadMeasurements = (csv: string, dryRun: boolean) =>
  unwrap(
    api.POST("/api/v1/measurements/bulk", {
      params: { query: { dryRun: dryRun ? "true" : "false" } },
      // The OpenAPI document describes the parsed rows; on the wire a CSV body is plain text.
      body: csv as never,
      bodySerializer: (b: unknown) => b as string,
      headers: { "content-type": "text/csv" },
    }),
  );

/**
 * Refreshes what new measurements change: every KPI view, and the notifications, since a recent
 * breach or anomaly is published to the inbox (ours included) in the same request.
 */
export function invalidateAfterMeasurements(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: kpiKeys.all });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export type Kpi = Awaited<ReturnType<typeof fetchKpi>>;
export type KpiListItem = Awaited<ReturnType<typeof fetchKpis>>["items"][number];
export type KpiSeries = Awaited<ReturnType<typeof fetchSeries>>;
export type SeriesPoint = KpiSeries["points"][number];
export type Scorecard = Awaited<ReturnType<typeof fetchScorecard>>;
export type BulkResult = Awaited<ReturnType<typeof uploadMeasurements>>;
