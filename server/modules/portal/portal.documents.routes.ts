import type { FastifyInstance } from "fastify";
import { PortalDocumentList } from "../../../domain/documents.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { portalDocumentPolicy } from "../documents/documents.policy.js";
import { createPortalDocumentService } from "./portal.documents.js";

/** Documents shared with the signed-in partner user (content via `GET /api/v1/documents/:id/content`). */
export function portalDocumentRoutes(ctx: AppContext) {
  const service = createPortalDocumentService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    app.get(
      "/api/v1/portal/documents",
      {
        preValidation: guard(portalDocumentPolicy.use),
        schema: {
          tags: ["portal"],
          summary: "Documents shared with you, with what you may do with each",
          response: { 200: PortalDocumentList, ...problems(401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, portalDocumentPolicy.use)),
    );
  };
}
