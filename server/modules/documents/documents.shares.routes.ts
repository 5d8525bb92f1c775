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
import { AppError } from "../../platform/errors.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { documentPolicy } from "./documents.policy.js";

const todo = () => new AppError(501, "not_implemented", "Not implemented");

/** Sharing documents with partners, and the access log of every delivered copy. */
export function documentShareRoutes(_ctx: AppContext) {
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
      async (req) => {
        authorize(req.actor, documentPolicy.share);
        throw todo();
      },
    );
    app.get(
      "/api/v1/documents/:id/shares",
      {
        preValidation: guard(documentPolicy.read),
        schema: { tags, params: IdParams, response: { 200: ShareList, ...problems(400, 401, 403, 404) } },
      },
      async (req) => {
        authorize(req.actor, documentPolicy.read);
        throw todo();
      },
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
      async (req) => {
        authorize(req.actor, documentPolicy.share);
        throw todo();
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
      async (req) => {
        authorize(req.actor, documentPolicy.share);
        throw todo();
      },
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
      async (req) => {
        authorize(req.actor, documentPolicy.accessLog);
        throw todo();
      },
    );
  };
}
