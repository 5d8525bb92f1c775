import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** Staff assessments API: `/api/v1/assessments…` and `/api/v1/assessment-settings`. */
export function assessmentRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
