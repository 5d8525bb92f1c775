import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** `GET/PUT /api/v1/assessment-settings`: reassessment cadence by tier. */
export function assessmentSettingsRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
