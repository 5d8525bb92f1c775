import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** Placeholder: filled in by the module's author. */
export function scorecardRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
