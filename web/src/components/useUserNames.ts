import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { can } from "../api/session";
import { useMe } from "../api/useMe";

/**
 * Names of the organization's users by id, for showing "Owner: Victor" instead of a UUID in audit
 * diffs. Only administrators may list users; for others the map holds just themselves.
 */
export function useUserNames(): Map<string, string> {
  const me = useMe();
  const users = useQuery({
    queryKey: ["users", "all-for-audit"],
    queryFn: () => unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200 } } })),
    enabled: can(me, "user", "read"),
    staleTime: 60_000,
  });
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
  names.set(me.user.id, me.user.name);
  return names;
}
