import type { FastifyInstance } from "fastify";
import { TraceResult } from "../../../domain/documents.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { problems, typed } from "../../platform/http/typed.js";
import { documentPolicy } from "./documents.policy.js";

/** Leak tracing: which delivered copy a suspected leaked file is. */
export function documentTraceRoutes(_ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = typed(base);
    app.post(
      "/api/v1/documents/trace",
      {
        preValidation: guard(documentPolicy.trace),
        schema: {
          tags: ["documents"],
          summary: "Trace a suspected leaked copy (multipart: one `file`) to its recipient",
          consumes: ["multipart/form-data"],
          response: { 200: TraceResult, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (req) => {
        authorize(req.actor, documentPolicy.trace);
        throw new AppError(501, "not_implemented", "Not implemented");
      },
    );
  };
}
