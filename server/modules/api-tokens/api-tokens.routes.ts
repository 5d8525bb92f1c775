import type { FastifyInstance } from "fastify";
import { ApiToken, CreateApiToken, CreatedApiToken } from "../../../domain/auth.js";
import { IdParams, PageQuery, page } from "../../../domain/common.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { apiTokenPolicy } from "./api-tokens.policy.js";
import { createApiTokenService } from "./api-tokens.service.js";

/** `GET/POST /api/v1/api-tokens`, `DELETE /api/v1/api-tokens/:id` (revoke). */
export function apiTokenRoutes(ctx: AppContext) {
  const service = createApiTokenService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["api-tokens"];
    app.get(
      "/api/v1/api-tokens",
      {
        preValidation: guard(apiTokenPolicy.read),
        schema: {
          tags,
          querystring: PageQuery,
          response: { 200: page(ApiToken), ...problems(400, 401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, apiTokenPolicy.read), req.query),
    );
    app.post(
      "/api/v1/api-tokens",
      {
        preValidation: guard(apiTokenPolicy.create),
        schema: {
          tags,
          summary: "Create a token (the secret is in the response only)",
          body: CreateApiToken,
          response: { 201: CreatedApiToken, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, apiTokenPolicy.create), req.body)),
    );
    app.delete(
      "/api/v1/api-tokens/:id",
      {
        preValidation: guard(apiTokenPolicy.revoke),
        schema: {
          tags,
          summary: "Revoke a token",
          params: IdParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await service.revoke(authorize(req.actor, apiTokenPolicy.revoke), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
