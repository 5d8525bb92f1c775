import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

const fetchSummary = () => unwrap(api.GET("/api/v1/risks/summary"));
export type RiskSummary = Awaited<ReturnType<typeof fetchSummary>>;

/**
 * The register at a glance: counts by level and category, top partners, overdue reviews and tasks,
 * and how many signals wait for a decision.
 */
export function useRiskSummary(enabled: boolean) {
  return useQuery({
    // Under "risks" so that any change in the register refreshes the dashboard.
    queryKey: ["risks", "summary"],
    queryFn: fetchSummary,
    enabled,
    staleTime: 0,
  });
}
