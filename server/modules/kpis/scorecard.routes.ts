import type { FastifyInstance } from "fastify";
import { IdParams } from "../../../domain/common.js";
import { Scorecard, ScorecardQuery } from "../../../domain/kpis.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { kpiPolicy } from "./kpis.policy.js";
import { partnerScorecard } from "./scorecard.service.js";

/** A partner's KPI scorecard. */
export function scorecardRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    typed(base).get(
      "/api/v1/partners/:id/scorecard",
      {
        preValidation: guard(kpiPolicy.read),
        schema: {
          tags: ["kpis"],
          summary: "The partner's KPI scorecard: attainment, breaches, trend and service credits per KPI",
          params: IdParams,
          querystring: ScorecardQuery,
          response: { 200: Scorecard, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => partnerScorecard(ctx, authorize(req.actor, kpiPolicy.read), req.params.id, req.query),
    );
  };
}
