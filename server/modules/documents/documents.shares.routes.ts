import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import {
  AccessLogEntry,
  AccessLogQuery,
  CreateShare,
  PortalUserList,
  Share,
  ShareList,
  ShareParams,
} from "../../../domain/documents.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { createAccessLogService } from "./documents.access.js";
import { documentPolicy } from "./documents.policy.js";
import { createShareService } from "./documents.shares.js";

/** Sharing documents with partners, and the access log of every delivered copy. */
export function documentShareRoutes(ctx: AppContext) {
  const shares = createShareService(ctx);
  const accessLog = createAccessLogService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["documents"];

    app.post(
      "/api/v1/documents/:id/shares",
      {
        preValidation: guard(documentPolicy.share),
        schema: {
          tags,
          summary: "Share a document with a partner or with named partner users",
          params: IdParams,
          body: CreateShare,
          response: { 201: Share, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, documentPolicy.share);
        return reply.code(201).send(await shares.create(actor, req.params.id, req.body));
      },
    );
    app.get(
      "/api/v1/documents/:id/shares",
      {
        preValidation: guard(documentPolicy.read),
        schema: { tags, params: IdParams, response: { 200: ShareList, ...problems(400, 401, 403, 404) } },
      },
      async (req) => shares.list(authorize(req.actor, documentPolicy.read), req.params.id),
    );
    app.delete(
      "/api/v1/documents/:id/shares/:shareId",
      {
        preValidation: guard(documentPolicy.share),
        schema: {
          tags,
          summary: "Revoke a share (kept for the access log)",
          params: ShareParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, documentPolicy.share);
        await shares.revoke(actor, req.params.id, req.params.shareId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/v1/partners/:id/portal-users",
      {
        preValidation: guard(documentPolicy.share),
        schema: {
          tags,
          summary: "The partner's portal users (share recipients)",
          params: IdParams,
          response: { 200: PortalUserList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => shares.portalUsers(authorize(req.actor, documentPolicy.share), req.params.id),
    );
    app.get(
      "/api/v1/documents/:id/access-log",
      {
        preValidation: guard(documentPolicy.accessLog),
        schema: {
          tags,
          summary: "Every view and download of the document, newest first",
          params: IdParams,
          querystring: AccessLogQuery,
          response: { 200: page(AccessLogEntry), ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => accessLog.list(authorize(req.actor, documentPolicy.accessLog), req.params.id, req.query),
    );
  };
}
