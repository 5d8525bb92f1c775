import type { FastifyInstance } from "fastify";
import { IdParams } from "../../../domain/common.js";
import {
  computeOverlap,
  OverlapRequest,
  OverlapResult,
  PartnerOverlap,
  PartnerOverlapQuery,
} from "../../../domain/overlap.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { overlapPolicy as policy } from "./overlap.policy.js";
import { createOverlapService } from "./overlap.service.js";

/** Working-time overlap: an ad-hoc calculator and a partner's overlap with our sites. */
export function overlapRoutes(ctx: AppContext) {
  const service = createOverlapService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["working-time overlap"];

    app.post(
      "/api/v1/time-overlap",
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "Shared working windows of two sides per UTC date, with holidays",
          body: OverlapRequest,
          response: { 200: OverlapResult, ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, policy.read);
        const { a, b, from, days } = req.body;
        return computeOverlap(a, b, from, days);
      },
    );

    app.get(
      "/api/v1/partners/:id/overlap",
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "Each partner site against each of our sites over the next 30 days",
          params: IdParams,
          querystring: PartnerOverlapQuery,
          response: { 200: PartnerOverlap, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.forPartner(authorize(req.actor, policy.read), req.params.id, req.query.from),
    );
  };
}
