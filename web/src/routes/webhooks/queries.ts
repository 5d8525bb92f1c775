import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CreateWebhook } from "../../../../domain/notifications";
import { api, unwrap } from "../../api/client";

/** Query keys of the webhooks area. */
export const webhookKeys = {
  all: ["webhooks"] as const,
  list: (cursor: string | undefined) => ["webhooks", "list", cursor] as const,
  deliveries: (id: string, cursor: string | undefined) => ["webhooks", "deliveries", id, cursor] as const,
};

const fetchWebhooks = (cursor: string | undefined) =>
  unwrap(api.GET("/api/v1/webhooks", { params: { query: { limit: 25, cursor } } }));

const fetchDeliveries = (id: string, cursor: string | undefined) =>
  unwrap(
    api.GET("/api/v1/webhooks/{id}/deliveries", {
      params: { path: { id }, query: { limit: 20, cursor } },
    }),
  );

const createWebhook = (body: WebhookBody) => unwrap(api.POST("/api/v1/webhooks", { body }));

const updateWebhook = ({ id, body }: { id: string; body: Partial<WebhookBody> }) =>
  unwrap(api.PATCH("/api/v1/webhooks/{id}", { params: { path: { id } }, body }));

const deleteWebhook = (id: string) =>
  unwrap(api.DELETE("/api/v1/webhooks/{id}", { params: { path: { id } } }));

const testWebhook = (id: string) =>
  unwrap(api.POST("/api/v1/webhooks/{id}/test", { params: { path: { id } } }));

/** One page of the organization's webhooks. */
export const webhookListQuery = (cursor: string | undefined) =>
  queryOptions({
    queryKey: webhookKeys.list(cursor),
    queryFn: () => fetchWebhooks(cursor),
    placeholderData: keepPreviousData,
  });

/** One page of a webhook's deliveries, newest first. */
export const deliveriesQuery = (id: string, cursor: string | undefined) =>
  queryOptions({
    queryKey: webhookKeys.deliveries(id, cursor),
    queryFn: () => fetchDeliveries(id, cursor),
    placeholderData: keepPreviousData,
  });

/** Mutations of the webhooks page; each refreshes the list (and deliveries) once it settles. */
export function useWebhookMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  return {
    create: useMutation({ mutationFn: createWebhook, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateWebhook, onSuccess: refresh }),
    remove: useMutation({ mutationFn: deleteWebhook, onSuccess: refresh }),
    // A test ping is sent and answered on the spot; it is not a delivery, so nothing to refresh.
    test: useMutation({ mutationFn: testWebhook }),
  };
}

/** Types of the answers, from the generated API types. */
export type WebhookItem = Awaited<ReturnType<typeof fetchWebhooks>>["items"][number];
export type CreatedWebhookItem = Awaited<ReturnType<typeof createWebhook>>;
export type Delivery = Awaited<ReturnType<typeof fetchDeliveries>>["items"][number];
export type TestResult = Awaited<ReturnType<typeof testWebhook>>;
/** The body the form sends on create (and, in part, on edit): the schema's input side. */
export type WebhookBody = z.input<typeof CreateWebhook>;
