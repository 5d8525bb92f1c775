import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** Offline round trip: export a questionnaire to XLSX and import the answers back (staff and portal). */
export function assessmentXlsxRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
