import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/client";
import type { CreatePartBody, PartKind, PartOf, UpdatePartBody } from "../../../api/types";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { partnerKeys } from "../queries";

/**
 * Typed calls for one kind of partner sub-resource. The four kinds share one URL shape, so the
 * path is built once here; the casts only pick a representative literal path for openapi-fetch.
 */
export function partsApi<K extends PartKind>(kind: K) {
  const base = `/api/v1/partners/{id}/${kind}` as "/api/v1/partners/{id}/sites";
  const one = `/api/v1/partners/{id}/${kind}/{partId}` as "/api/v1/partners/{id}/sites/{partId}";
  return {
    list: (id: string) =>
      unwrap(api.GET(base, { params: { path: { id } } })) as Promise<{ items: PartOf[K][] }>,
    create: (id: string, body: CreatePartBody<K>) =>
      unwrap(api.POST(base, { params: { path: { id } }, body: body as never })) as Promise<PartOf[K]>,
    update: (id: string, partId: string, body: UpdatePartBody<K>) =>
      unwrap(api.PATCH(one, { params: { path: { id, partId } }, body: body as never })) as Promise<PartOf[K]>,
    remove: (id: string, partId: string) => unwrap(api.DELETE(one, { params: { path: { id, partId } } })),
  };
}

/** The list of one kind of sub-resource of a partner. */
export function useParts<K extends PartKind>(partnerId: string, kind: K) {
  return useQuery({
    queryKey: partnerKeys.parts(partnerId, kind),
    queryFn: () => partsApi(kind).list(partnerId),
  });
}

/**
 * Create, update and delete mutations for a sub-resource, with notifications. Each refreshes the
 * list and the partner (its counts and highest criticality change) and its activity feed.
 */
export function usePartMutations<K extends PartKind>(partnerId: string, kind: K, noun: string) {
  const queryClient = useQueryClient();
  const calls = partsApi(kind);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: partnerKeys.detail(partnerId) });
    void queryClient.invalidateQueries({ queryKey: ["partners", "list"] });
    void queryClient.invalidateQueries({ queryKey: ["audit-events"] });
  };
  const create = useMutation({
    mutationFn: (body: CreatePartBody<K>) => calls.create(partnerId, body),
    onSuccess: () => {
      refresh();
      notifySuccess(`${noun} added`);
    },
  });
  const update = useMutation({
    mutationFn: ({ partId, body }: { partId: string; body: UpdatePartBody<K> }) =>
      calls.update(partnerId, partId, body),
    onSuccess: () => {
      refresh();
      notifySuccess(`${noun} updated`);
    },
  });
  const remove = useMutation({
    mutationFn: (partId: string) => calls.remove(partnerId, partId),
    onSuccess: () => {
      refresh();
      notifySuccess(`${noun} removed`);
    },
    onError: (e) => notifyError(e, `Could not remove the ${noun.toLowerCase()}`),
  });
  return { create, update, remove };
}
