import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** The partner portal API: `/api/v1/portal/…` (partner users only). */
export function portalRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
