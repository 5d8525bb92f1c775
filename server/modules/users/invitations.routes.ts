import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context.js";

/** Partner-user invitations: `/api/v1/invitations…` (admins) and the public accept endpoints. */
export function invitationRoutes(_ctx: AppContext) {
  return async (_base: FastifyInstance) => {};
}
