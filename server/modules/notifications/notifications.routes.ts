import type { FastifyInstance } from "fastify";
import {
  ListNotificationsQuery,
  MarkRead,
  NotificationPage,
  NotificationPreferences,
  UnreadCount,
  UpdateNotificationPreferences,
} from "../../../domain/notifications.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { notificationPolicy } from "./notifications.policy.js";
import { createNotificationService } from "./notifications.service.js";

/** The signed-in user's notifications (the bell, the inbox) and their channel preferences. */
export function notificationRoutes(ctx: AppContext) {
  const service = createNotificationService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["notifications"];
    const preValidation = guard(notificationPolicy.read);

    app.get(
      "/api/v1/notifications",
      {
        preValidation,
        schema: {
          tags,
          summary: "Your in-app notifications, newest first, with the unread count",
          querystring: ListNotificationsQuery,
          response: { 200: NotificationPage, ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, notificationPolicy.read), req.query),
    );
    app.get(
      "/api/v1/notifications/unread-count",
      {
        preValidation,
        schema: {
          tags,
          summary: "How many of your notifications are unread (cheap; the bell polls it)",
          response: { 200: UnreadCount, ...problems(401, 403) },
        },
      },
      async (req) => service.unreadCount(authorize(req.actor, notificationPolicy.read)),
    );
    app.post(
      "/api/v1/notifications/read",
      {
        preValidation,
        schema: {
          tags,
          summary: "Mark notifications read: the given ids (others' ids are ignored) or all",
          body: MarkRead,
          response: { 204: NoContent, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => {
        await service.markRead(authorize(req.actor, notificationPolicy.read), req.body);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/v1/notification-preferences",
      {
        preValidation,
        schema: {
          tags,
          summary: "Your channels (in-app, email) per type of event, defaults filled in",
          response: { 200: NotificationPreferences, ...problems(401, 403) },
        },
      },
      async (req) => service.preferences(authorize(req.actor, notificationPolicy.read)),
    );
    app.put(
      "/api/v1/notification-preferences",
      {
        preValidation,
        schema: {
          tags,
          summary: "Change your channels for the given types of event",
          body: UpdateNotificationPreferences,
          response: { 200: NotificationPreferences, ...problems(400, 401, 403) },
        },
      },
      async (req) => service.updatePreferences(authorize(req.actor, notificationPolicy.read), req.body),
    );
  };
}
