import type { FastifyInstance } from "fastify";
import { IdParams, PageQuery, page } from "../../../domain/common.js";
import {
  CreatedWebhook,
  CreateWebhook,
  UpdateWebhook,
  Webhook,
  WebhookDelivery,
  WebhookTestResult,
} from "../../../domain/notifications.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { webhookPolicy } from "./notifications.policy.js";
import { createWebhookService } from "./webhooks.service.js";

/** Outgoing webhooks of the organization (admins only): CRUD, deliveries, a test ping. */
export function webhookRoutes(ctx: AppContext) {
  const service = createWebhookService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["webhooks"];
    const read = guard(webhookPolicy.read);
    const manage = guard(webhookPolicy.manage);

    app.get(
      "/api/v1/webhooks",
      {
        preValidation: read,
        schema: {
          tags,
          summary: "The organization's webhooks, newest first, with their latest delivery",
          querystring: PageQuery,
          response: { 200: page(Webhook), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, webhookPolicy.read), req.query),
    );
    app.post(
      "/api/v1/webhooks",
      {
        preValidation: manage,
        schema: {
          tags,
          summary: "Create a webhook; its signing secret is in this answer only",
          body: CreateWebhook,
          response: { 201: CreatedWebhook, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, webhookPolicy.manage), req.body)),
    );
    app.get(
      "/api/v1/webhooks/:id",
      {
        preValidation: read,
        schema: { tags, params: IdParams, response: { 200: Webhook, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, webhookPolicy.read), req.params.id),
    );
    app.patch(
      "/api/v1/webhooks/:id",
      {
        preValidation: manage,
        schema: {
          tags,
          params: IdParams,
          body: UpdateWebhook,
          response: { 200: Webhook, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.update(authorize(req.actor, webhookPolicy.manage), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/webhooks/:id",
      {
        preValidation: manage,
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, webhookPolicy.manage), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/v1/webhooks/:id/deliveries",
      {
        preValidation: read,
        schema: {
          tags,
          summary: "A webhook's deliveries, newest first",
          params: IdParams,
          querystring: PageQuery,
          response: { 200: page(WebhookDelivery), ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => service.deliveries(authorize(req.actor, webhookPolicy.read), req.params.id, req.query),
    );
    app.post(
      "/api/v1/webhooks/:id/test",
      {
        preValidation: manage,
        schema: {
          tags,
          summary: "Send one signed `ping` now (5 s timeout) and report how it went",
          params: IdParams,
          response: { 200: WebhookTestResult, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.test(authorize(req.actor, webhookPolicy.manage), req.params.id),
    );
  };
}
