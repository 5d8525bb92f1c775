import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { PartnerListItem } from "../../api/types";

const PAGE = 200;
const MAX_PAGES = 25;
const MAX_SERVICE_LOOKUPS = 40;

/**
 * All partners (up to 5,000) for the dashboard's counts. The API has no aggregate endpoint yet,
 * so we page through the list; `truncated` tells the page when the numbers are partial.
 */
export function useAllPartners(enabled: boolean) {
  return useQuery({
    queryKey: ["partners", "dashboard", "all"],
    enabled,
    queryFn: async () => {
      const items: PartnerListItem[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await unwrap(
          api.GET("/api/v1/partners", { params: { query: { limit: PAGE, cursor, sort: "name" } } }),
        );
        items.push(...page.items);
        if (!page.nextCursor) return { items, truncated: false };
        cursor = page.nextCursor;
      }
      return { items, truncated: true };
    },
    staleTime: 30_000,
  });
}

/**
 * The number of critical services: only partners whose highest criticality is "critical" can have
 * one, so only their service lists are read (at most 40; `capped` says when that limit was hit).
 */
export function useCriticalServiceCount(partners: PartnerListItem[] | undefined) {
  const ids = (partners ?? []).filter((p) => p.highestCriticality === "critical").map((p) => p.id);
  return useQuery({
    queryKey: ["partners", "dashboard", "critical-services", ids],
    enabled: partners !== undefined,
    queryFn: async () => {
      const lists = await Promise.all(
        ids
          .slice(0, MAX_SERVICE_LOOKUPS)
          .map((id) => unwrap(api.GET("/api/v1/partners/{id}/services", { params: { path: { id } } }))),
      );
      const count = lists.reduce((n, l) => n + l.items.filter((s) => s.criticality === "critical").length, 0);
      return { count, capped: ids.length > MAX_SERVICE_LOOKUPS };
    },
    staleTime: 30_000,
  });
}
