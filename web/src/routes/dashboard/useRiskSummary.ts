import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

const fetchSummary = () => unwrap(api.GET("/api/v1/risks/summary"));
export type RiskSummary = Awaited<ReturnType<typeof fetchSummary>>;

/** The register at a glance: counts by level and category, top partners, overdue reviews and tasks. */
export function useRiskSummary(enabled: boolean) {
  return useQuery({
    // Under "risks" so that any change in the register refreshes the dashboard.
    queryKey: ["risks", "summary"],
    queryFn: fetchSummary,
    enabled,
    staleTime: 0,
  });
}

/** How many open signals wait for a decision; the list has no total, so count up to one page. */
export function useOpenSignalCount(enabled: boolean) {
  return useQuery({
    queryKey: ["risk-signals", "open-count"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/risk-signals", { params: { query: { status: "open", limit: 100 } } })),
    select: (page) => ({ count: page.items.length, more: page.nextCursor !== null }),
    enabled,
    staleTime: 0,
  });
}
