import type { FastifyInstance } from "fastify";
import { IdParams } from "../../../domain/common.js";
import { CreateLifecycleException, LifecycleException, PartnerLifecycle } from "../../../domain/lifecycle.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { createLifecycleService } from "./lifecycle.service.js";
import { partnerPolicy } from "./partners.policy.js";

/** `GET /api/v1/partners/:id/lifecycle` and `POST /api/v1/partners/:id/lifecycle/exceptions`. */
export function lifecycleRoutes(ctx: AppContext) {
  const service = createLifecycleService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["partners"];

    app.get(
      "/api/v1/partners/:id/lifecycle",
      {
        preValidation: guard(partnerPolicy.read),
        schema: {
          tags,
          summary:
            "The partner's lifecycle: steps with what each still needs, allowed moves and their blockers",
          params: IdParams,
          response: { 200: PartnerLifecycle, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.get(authorize(req.actor, partnerPolicy.read), req.params.id),
    );
    app.post(
      "/api/v1/partners/:id/lifecycle/exceptions",
      {
        preValidation: guard(partnerPolicy.lifecycleException),
        schema: {
          tags,
          summary: "Record a justified exception to the due-diligence gate (admins and risk managers)",
          params: IdParams,
          body: CreateLifecycleException,
          response: { 201: LifecycleException, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await service.recordException(
              authorize(req.actor, partnerPolicy.lifecycleException),
              req.params.id,
              req.body,
            ),
          ),
    );
  };
}
