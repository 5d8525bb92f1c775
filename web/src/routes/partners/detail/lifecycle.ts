import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/client";
import type { PartnerStatus } from "../../../api/types";
import { partnerKeys } from "../queries";

/** `GET /api/v1/partners/:id/lifecycle`, typed from the generated OpenAPI document. */
const fetchLifecycle = (id: string) =>
  unwrap(api.GET("/api/v1/partners/{id}/lifecycle", { params: { path: { id } } }));

/** The lifecycle view of one partner: steps, allowed moves with blockers, due diligence, exceptions. */
export type PartnerLifecycleView = Awaited<ReturnType<typeof fetchLifecycle>>;
/** One recorded exception to the due-diligence gate. */
export type LifecycleExceptionView = PartnerLifecycleView["exceptions"][number];
/** Body of `POST /api/v1/partners/:id/lifecycle/exceptions`. */
export interface CreateExceptionBody {
  toStatus: "contracting";
  justification: string;
}

/** Under the partner's detail key, so anything that refreshes the partner refreshes this too. */
export const lifecycleKey = (id: string) => [...partnerKeys.detail(id), "lifecycle"] as const;

/** The lifecycle view of a partner. */
export const partnerLifecycleQuery = (id: string) =>
  queryOptions({ queryKey: lifecycleKey(id), queryFn: () => fetchLifecycle(id) });

/**
 * Moves a partner to another status with `PATCH /partners/:id`. On success the partner and its
 * lifecycle are refreshed; a refusal (409 `due_diligence_required` or `invalid_transition`) is left
 * to the caller to show, and the lifecycle is refetched since its facts were evidently stale.
 */
export function useMovePartner(partnerId: string, onDone: (status: PartnerStatus) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: PartnerStatus) =>
      unwrap(api.PATCH("/api/v1/partners/{id}", { params: { path: { id: partnerId } }, body: { status } })),
    onSuccess: (p) => {
      queryClient.setQueryData(partnerKeys.detail(p.id), p);
      void queryClient.invalidateQueries({ queryKey: lifecycleKey(p.id) });
      void queryClient.invalidateQueries({ queryKey: ["partners", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["audit-events"] });
      onDone(p.status);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: lifecycleKey(partnerId) }),
  });
}

/** Records a justified exception to the due-diligence gate (admins and risk managers). */
export function useRecordException(partnerId: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExceptionBody) =>
      unwrap(
        api.POST("/api/v1/partners/{id}/lifecycle/exceptions", { params: { path: { id: partnerId } }, body }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: lifecycleKey(partnerId) });
      void queryClient.invalidateQueries({ queryKey: ["audit-events"] });
      onDone();
    },
  });
}
