import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { can } from "../api/session";
import { useMe } from "../api/useMe";

/**
 * Choices for an owner or assignee select: the organization's active staff when the user may list
 * users (administrators), otherwise just the user, plus any already-chosen people (`known`) so an
 * existing owner keeps its name.
 */
export function useOwnerOptions(known: ({ id: string; name: string } | null | undefined)[] = []) {
  const me = useMe();
  const users = useQuery({
    queryKey: ["users", "owners"],
    queryFn: () => unwrap(api.GET("/api/v1/users", { params: { query: { active: "true", limit: 200 } } })),
    enabled: can(me, "user", "read"),
    staleTime: 60_000,
  });
  const options = new Map<string, string>([[me.user.id, `${me.user.name} (you)`]]);
  for (const k of known) if (k && !options.has(k.id)) options.set(k.id, k.name);
  for (const u of users.data?.items ?? [])
    if (u.role !== "partner") options.set(u.id, u.id === me.user.id ? `${u.name} (you)` : u.name);
  return [...options].map(([value, label]) => ({ value, label }));
}
