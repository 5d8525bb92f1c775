import type { FastifyInstance, FastifyReply } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import { ContentQuery, Document, DocumentListItem, ListDocumentsQuery } from "../../../domain/documents.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { createDeliveryService, type Delivery } from "./documents.deliver.js";
import { masterKeyOf } from "./documents.keys.js";
import { documentPolicy } from "./documents.policy.js";
import { createDocumentService } from "./documents.service.js";
import { readDocumentUpload } from "./documents.upload.js";

/**
 * Sends delivered content. nosniff, and inline only for PDF and images: an uploaded HTML or SVG
 * never renders in our origin, and the sandbox keeps even an inline viewer from running script
 * with our origin's rights. Marked copies differ per call, so they carry no etag.
 */
function sendDelivery(reply: FastifyReply, f: Delivery) {
  const ascii = f.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const name = `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`;
  reply
    .type(f.contentType)
    .header("x-content-type-options", "nosniff")
    .header("content-disposition", `${f.inline ? "inline" : "attachment"}; ${name}`)
    .header("cache-control", "private, no-store")
    .header("content-length", String(f.size));
  if (f.inline) reply.header("content-security-policy", "sandbox");
  if (f.etag) reply.header("etag", `"${f.etag}"`);
  return reply.send(f.body);
}

/** Encrypted documents: upload, versions, list, read, download, delete. */
export function documentRoutes(ctx: AppContext) {
  const service = createDocumentService(ctx);
  const delivery = createDeliveryService(ctx);
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
          summary: "Download or view a version's content (partner users: a marked copy of what is shared)",
          description:
            "Staff receive any version; confidential and restricted PDFs and images are marked for them. " +
            "Partner users receive only the current version of a document shared with them, marked for them. " +
            "Every call is recorded in the access log.",
          params: IdParams,
          querystring: ContentQuery,
          produces: ["application/octet-stream"],
          response: problems(400, 401, 403, 404, 409, 413, 422),
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, documentPolicy.content);
        return sendDelivery(reply, await delivery.deliver(actor, req.params.id, req.query));
      },
    );
  };
}
