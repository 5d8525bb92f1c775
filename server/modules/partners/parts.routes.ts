import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../domain/common.js";
import {
  Contact,
  CreateContact,
  CreateService,
  CreateSite,
  CreateSubcontractor,
  PartParams,
  Service,
  Site,
  Subcontractor,
  UpdateContact,
  UpdateService,
  UpdateSite,
  UpdateSubcontractor,
} from "../../../domain/partner-parts.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { partnerPolicy } from "./partners.policy.js";
import { contactKind, serviceKind, siteKind, subcontractorKind } from "./parts.kinds.js";
import { createPartService, type PartKind } from "./parts.service.js";

interface PartSchemas {
  path: string;
  tag: string;
  create: z.ZodType;
  update: z.ZodType;
  out: z.ZodType;
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own row and input types
  kind: PartKind<any, any, any, any>;
}

const PARTS: PartSchemas[] = [
  { path: "sites", tag: "partner sites", create: CreateSite, update: UpdateSite, out: Site, kind: siteKind },
  {
    path: "services",
    tag: "partner services",
    create: CreateService,
    update: UpdateService,
    out: Service,
    kind: serviceKind,
  },
  {
    path: "contacts",
    tag: "partner contacts",
    create: CreateContact,
    update: UpdateContact,
    out: Contact,
    kind: contactKind,
  },
  {
    path: "subcontractors",
    tag: "partner sub-contractors",
    create: CreateSubcontractor,
    update: UpdateSubcontractor,
    out: Subcontractor,
    kind: subcontractorKind,
  },
];

/** List/create/update/delete routes for each kind of partner part, under `/api/v1/partners/:id/…`. */
export function partRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = typed(base);
    for (const part of PARTS) {
      const service = createPartService(ctx, part.kind);
      const tags = [part.tag];
      const collection = `/api/v1/partners/:id/${part.path}`;
      const item = `${collection}/:partId`;
      app.get(
        collection,
        {
          preValidation: guard(partnerPolicy.read),
          schema: {
            tags,
            params: IdParams,
            response: { 200: z.object({ items: z.array(part.out) }), ...problems(400, 401, 403, 404) },
          },
        },
        async (req) => service.list(authorize(req.actor, partnerPolicy.read), req.params.id),
      );
      app.post(
        collection,
        {
          preValidation: guard(partnerPolicy.update),
          schema: {
            tags,
            params: IdParams,
            body: part.create,
            response: { 201: part.out, ...problems(400, 401, 403, 404, 409, 422) },
          },
        },
        async (req, reply) =>
          reply
            .code(201)
            .send(await service.create(authorize(req.actor, partnerPolicy.update), req.params.id, req.body)),
      );
      app.patch(
        item,
        {
          preValidation: guard(partnerPolicy.update),
          schema: {
            tags,
            params: PartParams,
            body: part.update,
            response: { 200: part.out, ...problems(400, 401, 403, 404, 409, 422) },
          },
        },
        async (req) =>
          service.update(
            authorize(req.actor, partnerPolicy.update),
            req.params.id,
            req.params.partId,
            req.body,
          ),
      );
      app.delete(
        item,
        {
          preValidation: guard(partnerPolicy.update),
          schema: { tags, params: PartParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
        },
        async (req, reply) => {
          await service.remove(authorize(req.actor, partnerPolicy.update), req.params.id, req.params.partId);
          return reply.code(204).send(null);
        },
      );
    }
  };
}
