import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  MarkRead,
  NotificationType,
  UpdateNotificationPreferences,
} from "../../../../domain/notifications";
import { api, unwrap } from "../../api/client";

/** Filters of the inbox list. */
export interface InboxFilters {
  unread: boolean;
  type: NotificationType | null;
}

/** Query keys of the notifications area; every mark-read invalidates `all`. */
export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: ["notifications", "unread-count"] as const,
  latest: (limit: number) => ["notifications", "latest", limit] as const,
  list: (filters: InboxFilters, cursor: string | undefined, limit: number) =>
    ["notifications", "list", filters, cursor, limit] as const,
  preferences: ["notification-preferences"] as const,
};

const fetchUnreadCount = () => unwrap(api.GET("/api/v1/notifications/unread-count"));

const fetchNotifications = (query: {
  unread?: "true" | "false";
  type?: NotificationType;
  cursor?: string;
  limit: number;
}) => unwrap(api.GET("/api/v1/notifications", { params: { query } }));

const fetchPreferences = () => unwrap(api.GET("/api/v1/notification-preferences"));

const savePreferences = (body: UpdateNotificationPreferences) =>
  unwrap(api.PUT("/api/v1/notification-preferences", { body }));

const postRead = (body: MarkRead) => unwrap(api.POST("/api/v1/notifications/read", { body }));

/**
 * The bell's badge. Polled every 30 s and on window focus (the app turns focus refetch off by
 * default; a badge that lags behind a tab switch looks broken).
 */
export const unreadCountQuery = queryOptions({
  queryKey: notificationKeys.unreadCount,
  queryFn: fetchUnreadCount,
  refetchInterval: 30_000,
  refetchOnWindowFocus: "always",
  staleTime: 10_000,
});

/** The newest notifications, read or not, for the bell's popover. */
export const latestQuery = (limit: number) =>
  queryOptions({
    queryKey: notificationKeys.latest(limit),
    queryFn: () => fetchNotifications({ limit }),
    staleTime: 0,
  });

/** One page of the inbox. */
export const inboxQuery = (filters: InboxFilters, cursor: string | undefined, limit: number) =>
  queryOptions({
    queryKey: notificationKeys.list(filters, cursor, limit),
    queryFn: () =>
      fetchNotifications({
        unread: filters.unread ? "true" : undefined,
        type: filters.type ?? undefined,
        cursor,
        limit,
      }),
    placeholderData: keepPreviousData,
  });

/** The user's channel choices per type, with whether email can be sent at all. */
export const preferencesQuery = queryOptions({
  queryKey: notificationKeys.preferences,
  queryFn: fetchPreferences,
});

/** Marks some (or all) notifications read, then refreshes the badge, the popover and the inbox. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Saves preference lines and keeps the answer as the new cached state. */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePreferences,
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}

/** Types of the answers, from the generated API types. */
export type NotificationList = Awaited<ReturnType<typeof fetchNotifications>>;
export type Notification = NotificationList["items"][number];
export type Preferences = Awaited<ReturnType<typeof fetchPreferences>>;
