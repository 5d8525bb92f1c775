import type { FastifyRequest } from "fastify";
import { anyOf, authorize, type Rule, STAFF_READ } from "../../platform/access.js";

/** Who may do what with partners and their sites, services, contacts and sub-contractors. */
export const partnerPolicy = {
  read: STAFF_READ,
  create: anyOf("admin", "vendor_manager"),
  update: anyOf("admin", "vendor_manager"),
  delete: anyOf("admin"),
  import: anyOf("admin", "vendor_manager"),
  export: STAFF_READ,
};

/**
 * A `preValidation` hook that applies `rule` before Fastify validates params and body, so an
 * anonymous caller gets 401 and a caller without the role 403 whatever they send, rather than a
 * 400 describing what the schema expected. Handlers still call `authorize` to narrow the actor.
 */
export const guard = (rule: Rule) => async (req: FastifyRequest) => {
  authorize(req.actor, rule);
};
