import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { PartnerStats } from "../../api/types";

/**
 * The dashboard's figures in one request: the server counts partners by status, category and
 * country, and services by criticality, over the whole registry.
 */
export function usePartnerStats(enabled: boolean) {
  return useQuery<PartnerStats>({
    // Under "partners" so that creating, editing or importing partners refreshes the dashboard.
    queryKey: ["partners", "stats"],
    enabled,
    queryFn: () => unwrap(api.GET("/api/v1/partners/stats")),
    // One cheap request: refetch on every visit, since lifecycle moves only invalidate the lists.
    staleTime: 0,
  });
}
