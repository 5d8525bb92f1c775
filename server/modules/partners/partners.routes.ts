import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, page } from "../../../domain/common.js";
import {
  CreatePartner,
  ListPartnersQuery,
  Partner,
  PartnerListItem,
  PartnerStats,
  UpdatePartner,
} from "../../../domain/partners.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { importPartners, partnersToCsv } from "./partners.csv.js";
import { partnerPolicy } from "./partners.policy.js";
import { createPartnerService } from "./partners.service.js";
import { partnerStats } from "./partners.stats.js";
import { partRoutes } from "./parts.routes.js";

const ImportResult = z.object({ created: z.number().int() });

/** The partner registry: partners, CSV import/export, and (via `partRoutes`) their parts. */
export function partnerRoutes(ctx: AppContext) {
  const service = createPartnerService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["partners"];

    app.get(
      "/api/v1/partners",
      {
        preValidation: guard(partnerPolicy.read),
        schema: {
          tags,
          querystring: ListPartnersQuery,
          response: { 200: page(PartnerListItem), ...problems(400, 401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, partnerPolicy.read), req.query),
    );
    app.post(
      "/api/v1/partners",
      {
        preValidation: guard(partnerPolicy.create),
        schema: {
          tags,
          body: CreatePartner,
          response: { 201: Partner, ...problems(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, partnerPolicy.create), req.body)),
    );
    app.get(
      "/api/v1/partners/stats",
      {
        preValidation: guard(partnerPolicy.read),
        schema: {
          tags,
          summary: "Counts by lifecycle status, category, country and service criticality",
          response: { 200: PartnerStats, ...problems(401, 403) },
        },
      },
      async (req) => partnerStats(ctx.database.db, authorize(req.actor, partnerPolicy.read)),
    );
    app.get(
      "/api/v1/partners/export.csv",
      {
        preValidation: guard(partnerPolicy.export),
        schema: {
          tags,
          summary: "Export the (filtered) partners as CSV",
          querystring: ListPartnersQuery.omit({ limit: true, cursor: true, sort: true }),
          produces: ["text/csv"],
        },
      },
      async (req, reply) => {
        const rows = await service.listAll(authorize(req.actor, partnerPolicy.export), req.query);
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="partners-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(partnersToCsv(rows));
      },
    );
    app.post(
      "/api/v1/partners/import",
      {
        preValidation: guard(partnerPolicy.import),
        schema: {
          tags,
          summary: "Import partners from CSV (all-or-nothing, row-by-row error report)",
          consumes: ["text/csv"],
          body: z.string().max(5_000_000),
          response: { 201: ImportResult, ...problems(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await importPartners(ctx, service, authorize(req.actor, partnerPolicy.import), req.body)),
    );
    app.get(
      "/api/v1/partners/:id",
      {
        preValidation: guard(partnerPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Partner, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, partnerPolicy.read), req.params.id),
    );
    app.patch(
      "/api/v1/partners/:id",
      {
        preValidation: guard(partnerPolicy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdatePartner,
          response: { 200: Partner, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, partnerPolicy.update), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/partners/:id",
      {
        preValidation: guard(partnerPolicy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, partnerPolicy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );

    await app.register(partRoutes(ctx));
  };
}
