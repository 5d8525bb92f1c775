import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import { CreateNda, ListNdasQuery, Nda, UpdateNda } from "../../../domain/ndas.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { ndaPolicy } from "./ndas.policy.js";
import { createNdaService } from "./ndas.service.js";

/** The NDA register: the list and each NDA. */
export function ndaRoutes(ctx: AppContext) {
  const service = createNdaService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["ndas"];

    app.get(
      "/api/v1/ndas",
      {
        preValidation: guard(ndaPolicy.read),
        schema: {
          tags,
          summary: "NDAs with their status on today's date, by expiry unless sorted otherwise",
          querystring: ListNdasQuery,
          response: { 200: page(Nda), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, ndaPolicy.read), req.query),
    );
    app.post(
      "/api/v1/ndas",
      {
        preValidation: guard(ndaPolicy.create),
        schema: { tags, body: CreateNda, response: { 201: Nda, ...problems(400, 401, 403, 422) } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, ndaPolicy.create), req.body)),
    );
    app.get(
      "/api/v1/ndas/:id",
      {
        preValidation: guard(ndaPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Nda, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, ndaPolicy.read), req.params.id),
    );
    app.patch(
      "/api/v1/ndas/:id",
      {
        preValidation: guard(ndaPolicy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdateNda,
          response: { 200: Nda, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, ndaPolicy.update), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/ndas/:id",
      {
        preValidation: guard(ndaPolicy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, ndaPolicy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
