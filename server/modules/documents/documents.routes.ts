import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import { ContentQuery, Document, DocumentListItem, ListDocumentsQuery } from "../../../domain/documents.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { masterKeyOf } from "./documents.keys.js";
import { documentPolicy } from "./documents.policy.js";
import { createDocumentService } from "./documents.service.js";
import { readDocumentUpload } from "./documents.upload.js";

/** Encrypted documents: upload, versions, list, read, download, delete. */
export function documentRoutes(ctx: AppContext) {
  const service = createDocumentService(ctx);
  return async (base: FastifyInstance) => {
    await masterKeyOf(ctx); // a missing or malformed master key stops start-up here
    const app = typed(base);
    const tags = ["documents"];
    const max = ctx.config.documentMaxBytes;
    const multipart = `multipart/form-data: text fields first, then one \`file\` (at most ${Math.round(max / 1024 / 1024)} MB)`;

    app.get(
      "/api/v1/documents",
      {
        preValidation: guard(documentPolicy.read),
        schema: {
          tags,
          querystring: ListDocumentsQuery,
          response: { 200: page(DocumentListItem), ...problems(400, 401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, documentPolicy.read), req.query),
    );
    app.post(
      "/api/v1/documents",
      {
        preValidation: guard(documentPolicy.write),
        schema: {
          tags,
          summary: "Upload a document (title, classification, partnerId?, contractId?, then file)",
          description: multipart,
          consumes: ["multipart/form-data"],
          response: { 201: Document, ...problems(400, 401, 403, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, documentPolicy.write);
        const doc = await service.create(actor, await readDocumentUpload(req, max));
        return reply.code(201).send(doc);
      },
    );
    app.get(
      "/api/v1/documents/:id",
      {
        preValidation: guard(documentPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Document, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, documentPolicy.read), req.params.id),
    );
    app.post(
      "/api/v1/documents/:id/versions",
      {
        preValidation: guard(documentPolicy.write),
        schema: {
          tags,
          summary: "Upload a new version of a document",
          description: multipart,
          consumes: ["multipart/form-data"],
          params: IdParams,
          response: { 201: Document, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, documentPolicy.write);
        const doc = await service.addVersion(actor, req.params.id, await readDocumentUpload(req, max));
        return reply.code(201).send(doc);
      },
    );
    app.delete(
      "/api/v1/documents/:id",
      {
        preValidation: guard(documentPolicy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, documentPolicy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/v1/documents/:id/content",
      {
        preValidation: guard(documentPolicy.content),
        schema: {
          tags,
          summary: "Download a version's decrypted content",
          params: IdParams,
          querystring: ContentQuery,
          produces: ["application/octet-stream"],
        },
      },
      async (req, reply) => {
        const f = await service.content(
          authorize(req.actor, documentPolicy.read), // partner users: see documents.shares (issue 7)
          req.params.id,
          req.query.version,
        );
        const ascii = f.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
        // attachment + nosniff: an uploaded HTML or SVG can never render in our origin.
        return reply
          .type(f.contentType)
          .header("x-content-type-options", "nosniff")
          .header(
            "content-disposition",
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
          )
          .header("cache-control", "private, no-store")
          .header("content-length", String(f.size))
          .header("etag", `"${f.sha256}"`)
          .send(f.stream);
      },
    );
  };
}
