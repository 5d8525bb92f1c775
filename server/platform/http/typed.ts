import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Problem } from "../../../domain/common.js";

/** The Fastify instance with zod typing for schemas, requests and replies. */
export type TypedApp = ReturnType<FastifyInstance["withTypeProvider"]> & FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Problem responses documented on every route (the body shape of all 4xx answers). */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Problem.describe("Problem details (RFC 9457)")]));

/** Standard error statuses for an authenticated route. */
export const AUTHED = [400, 401, 403, 404] as const;

/** An empty body for 204 responses. */
export const NoContent = z.null().describe("No content");
