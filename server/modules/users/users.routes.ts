import type { FastifyInstance } from "fastify";
import { CreateUser, ListUsersQuery, UpdateUser, User } from "../../../domain/auth.js";
import { IdParams, page } from "../../../domain/common.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { userPolicy } from "./users.policy.js";
import { createUserService } from "./users.service.js";

/** `GET/POST /api/v1/users`, `GET/PATCH /api/v1/users/:id` (administrators). */
export function userRoutes(ctx: AppContext) {
  const service = createUserService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["users"];
    app.get(
      "/api/v1/users",
      {
        preValidation: guard(userPolicy.read),
        schema: {
          tags,
          querystring: ListUsersQuery,
          response: { 200: page(User), ...problems(400, 401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, userPolicy.read), req.query),
    );
    app.post(
      "/api/v1/users",
      {
        preValidation: guard(userPolicy.create),
        schema: { tags, body: CreateUser, response: { 201: User, ...problems(400, 401, 403, 409, 422) } },
      },
      async (req, reply) => {
        const user = await service.create(authorize(req.actor, userPolicy.create), req.body);
        return reply.code(201).send(user);
      },
    );
    app.get(
      "/api/v1/users/:id",
      {
        preValidation: guard(userPolicy.read),
        schema: { tags, params: IdParams, response: { 200: User, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, userPolicy.read), req.params.id),
    );
    app.patch(
      "/api/v1/users/:id",
      {
        preValidation: guard(userPolicy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdateUser,
          response: { 200: User, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, userPolicy.update), req.params.id, req.body),
    );
  };
}
