import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** `GET /api/v1/partners/:id/lifecycle` and `POST /api/v1/partners/:id/lifecycle/exceptions`. */
export function lifecycleRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
