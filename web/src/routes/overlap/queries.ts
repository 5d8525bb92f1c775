import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";
import type { Me } from "../../api/types";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { SiteBody } from "../partners/detail/SiteModal";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

export type OrgSite = Json<paths["/api/v1/organization/sites"]["get"]["responses"][200]>["items"][number];
export type OverlapRequest = NonNullable<Json<paths["/api/v1/time-overlap"]["post"]["requestBody"]>>;
export type OverlapResult = Json<paths["/api/v1/time-overlap"]["post"]["responses"][200]>;
export type OverlapDay = OverlapResult["days"][number];
export type BestSlot = OverlapResult["bestSlots"][number];
export type PartnerOverlap = Json<paths["/api/v1/partners/{id}/overlap"]["get"]["responses"][200]>;
export type SitePair = PartnerOverlap["pairs"][number];
export type Risk = SitePair["risk"];

export const overlapKeys = {
  orgSites: ["organization", "sites"] as const,
  partner: (id: string) => ["partners", "detail", id, "overlap"] as const,
};

/**
 * Whether the user may change our sites: the server's `organizationSite` ability when `/me` reports
 * one, otherwise the roles the server's policy allows (admin, vendor manager).
 */
export function canEditOrgSites(me: Me): boolean {
  const abilities = me.abilities as Record<string, Record<string, boolean> | undefined>;
  const ability = abilities.organizationSite;
  if (ability) return ability.update === true || ability.create === true;
  return me.user.role === "admin" || me.user.role === "vendor_manager";
}

/** Our own sites (`GET /organization/sites`). */
export function useOrgSites() {
  return useQuery({
    queryKey: overlapKeys.orgSites,
    queryFn: () => unwrap(api.GET("/api/v1/organization/sites")),
  });
}

/** Create, update and delete our sites; each refreshes the list and every partner's overlap. */
export function useOrgSiteMutations() {
  const queryClient = useQueryClient();
  const refresh = (title: string) => {
    void queryClient.invalidateQueries({ queryKey: overlapKeys.orgSites });
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === "partners" && q.queryKey[3] === "overlap",
    });
    notifySuccess(title);
  };
  const create = useMutation({
    mutationFn: (body: SiteBody) => unwrap(api.POST("/api/v1/organization/sites", { body })),
    onSuccess: () => refresh("Site added"),
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: SiteBody }) =>
      unwrap(api.PATCH("/api/v1/organization/sites/{id}", { params: { path: { id } }, body })),
    onSuccess: () => refresh("Site updated"),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/organization/sites/{id}", { params: { path: { id } } })),
    onSuccess: () => refresh("Site removed"),
    onError: (e) => notifyError(e, "Could not remove the site"),
  });
  return { create, update, remove };
}

/** Query options for every partner site × our site over the next 30 days. */
export const partnerOverlapQuery = (partnerId: string) =>
  queryOptions({
    queryKey: overlapKeys.partner(partnerId),
    queryFn: () => unwrap(api.GET("/api/v1/partners/{id}/overlap", { params: { path: { id: partnerId } } })),
  });

/** Every partner site × our site over the next 30 days. */
export function usePartnerOverlap(partnerId: string) {
  return useQuery(partnerOverlapQuery(partnerId));
}

/** An ad-hoc overlap computation (`POST /time-overlap`). */
export function useOverlapCalc(body: OverlapRequest | null) {
  return useQuery({
    queryKey: ["time-overlap", body],
    queryFn: () => unwrap(api.POST("/api/v1/time-overlap", { body: body as OverlapRequest })),
    enabled: body !== null,
  });
}

export const RISK_COLORS: Record<Risk, string> = { low: "teal", medium: "yellow", high: "red" };
export const RISK_LABELS: Record<Risk, string> = {
  low: "Low risk",
  medium: "Medium risk",
  high: "High risk",
};

/** "3 h 30 min", "45 min", "0 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return rest === 0 ? "0 h" : `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}
