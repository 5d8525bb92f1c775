import type { FastifyInstance } from "fastify";
import { TraceResult } from "../../../domain/documents.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { documentPolicy } from "./documents.policy.js";
import { createTraceService, readSuspectFile } from "./documents.trace.js";

/** Leak tracing: which delivered copy a suspected leaked file is. */
export function documentTraceRoutes(ctx: AppContext) {
  const service = createTraceService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const max = ctx.config.documentMaxBytes;
    app.post(
      "/api/v1/documents/trace",
      {
        preValidation: guard(documentPolicy.trace),
        schema: {
          tags: ["documents"],
          summary: "Trace a suspected leaked copy (multipart: one `file`) to its recipient",
          description: `multipart/form-data with one \`file\` (at most ${Math.round(max / 1024 / 1024)} MB). The file is read in memory and never stored.`,
          consumes: ["multipart/form-data"],
          response: { 200: TraceResult, ...problems(400, 401, 403, 413, 415, 422) },
        },
      },
      async (req) => {
        const actor = authorize(req.actor, documentPolicy.trace);
        return service.trace(actor, await readSuspectFile(req, max));
      },
    );
  };
}
