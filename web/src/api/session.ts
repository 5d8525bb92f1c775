import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { Me } from "./types";

/** `GET /api/v1/setup`: whether onboarding must run first. Rarely changes, so cached for long. */
export const setupQuery = queryOptions({
  queryKey: ["setup"],
  queryFn: () => unwrap(api.GET("/api/v1/setup")),
  staleTime: 5 * 60_000,
});

/** `GET /api/v1/me`: the signed-in user, organization and abilities (401 when signed out). */
export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => unwrap(api.GET("/api/v1/me")),
  staleTime: 60_000,
  retry: false,
});

/** Resources the server reports abilities for, and their actions. */
export interface Abilities {
  partner: "read" | "create" | "update" | "delete" | "import" | "export" | "lifecycleException";
  user: "read" | "create" | "update";
  apiToken: "read" | "create" | "revoke" | "manageAll";
  audit: "read";
  organizationSite: "read" | "create" | "update" | "delete";
  risk: "read" | "create" | "update" | "delete" | "accept" | "review" | "export";
  riskTask: "read" | "write";
  control: "read" | "write";
  riskCategory: "read" | "write";
  riskSettings: "read" | "write";
  riskSignal: "read" | "accept" | "dismiss" | "evaluate";
  document: "read" | "write" | "delete" | "share" | "accessLog" | "trace" | "content";
  contract: "read" | "create" | "update" | "delete" | "review" | "export";
  obligation: "read" | "write";
  nda: "read" | "create" | "update" | "delete";
  kpi: "read" | "create" | "update" | "delete";
  measurement: "read" | "write";
  notification: "read";
  webhook: "read" | "manage";
  questionnaireTemplate: "read" | "write";
  assessment: "read" | "write" | "review" | "conclude" | "settings";
  portal: "use";
  invitation: "read" | "create" | "revoke";
}

/**
 * True when the server says the user may perform `action` on `resource`. The UI never re-derives
 * permissions from roles: it shows what `/me` allows and the server enforces it anyway.
 */
export function can<R extends keyof Abilities>(
  me: Me | undefined,
  resource: R,
  action: Abilities[R],
): boolean {
  const abilities = me?.abilities as Record<string, Record<string, boolean> | undefined> | undefined;
  return abilities?.[resource]?.[action] === true;
}
