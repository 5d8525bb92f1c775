import type { FastifyRequest } from "fastify";
import type { Role } from "../../domain/roles.js";
import { forbidden, unauthenticated } from "./errors.js";

/** Who is making a request: a signed-in user or an API token acting for its creator. */
export interface Actor {
  kind: "user" | "token";
  orgId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** Set for partner-portal users: the one partner they may see. */
  partnerId: string | null;
  sessionId: string | null;
  tokenId: string | null;
  requestId: string;
  ip: string;
}

/** A rule deciding whether an actor may perform one action. */
export type Rule = (actor: Actor) => boolean;

/** Allows the listed roles. */
export const anyOf =
  (...roles: Role[]): Rule =>
  (actor) =>
    roles.includes(actor.role);

/** Every internal (non-partner) role may read. */
export const STAFF_READ = anyOf(
  "admin",
  "risk_manager",
  "vendor_manager",
  "compliance_officer",
  "auditor",
  "viewer",
);

/**
 * Throws 401 when there is no actor and 403 when the rule refuses; returns the actor narrowed to
 * non-null so routes can pass it straight to services.
 */
export function authorize(actor: Actor | null, rule: Rule): Actor {
  if (!actor) throw unauthenticated();
  if (!rule(actor)) throw forbidden();
  return actor;
}

/** Evaluates a policy object into `{ action: boolean }` so the UI can show only what is allowed. */
export function abilities<P extends Record<string, Rule>>(policy: P, actor: Actor): Record<keyof P, boolean> {
  return Object.fromEntries(Object.entries(policy).map(([k, rule]) => [k, rule(actor)])) as Record<
    keyof P,
    boolean
  >;
}

/**
 * A `preValidation` hook that applies `rule` before Fastify validates params and body, so an
 * anonymous caller gets 401 and a caller without the role 403 whatever they send, rather than a
 * 400 describing what the schema expected. Handlers still call `authorize` to narrow the actor.
 */
export const guard = (rule: Rule) => async (req: FastifyRequest) => {
  authorize(req.actor, rule);
};
