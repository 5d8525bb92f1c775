import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api, unwrap } from "../api/client";
import { notifyError } from "./notify";

/** Signs out and goes to the sign-in page (the internal app's menu and the portal's share it). */
export function useSignOut() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/logout")),
    onSuccess: async () => {
      await navigate({ to: "/sign-in" });
      // Cleared after leaving so no page re-requests data the next user may not see.
      queryClient.clear();
    },
    onError: (e) => notifyError(e, "Could not sign out"),
  });
}
