import type { FastifyInstance } from "fastify";
import { Concentration, ConcentrationQuery } from "../../../domain/concentration.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { concentrationPolicy } from "./concentration.policy.js";
import { concentration } from "./concentration.service.js";

/** Concentration of critical work per partner, country and fourth party. */
export function concentrationRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = typed(base);
    app.get(
      "/api/v1/concentration",
      {
        preValidation: guard(concentrationPolicy.read),
        schema: {
          tags: ["concentration"],
          summary: "Shares and Herfindahl–Hirschman index per partner, country and fourth party",
          querystring: ConcentrationQuery,
          response: { 200: Concentration, ...problems(400, 401, 403) },
        },
      },
      async (req) =>
        concentration(ctx.database.db, authorize(req.actor, concentrationPolicy.read), req.query),
    );
  };
}
