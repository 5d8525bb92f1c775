import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../domain/common.js";
import { OrganizationSite } from "../../../domain/overlap.js";
import { CreateSite, UpdateSite } from "../../../domain/partner-parts.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { organizationSitePolicy as policy } from "./sites.policy.js";
import { createOrganizationSiteService } from "./sites.service.js";

/** The organization's own sites (`/api/v1/organization/sites`), the other end of working-time overlap. */
export function organizationSiteRoutes(ctx: AppContext) {
  const service = createOrganizationSiteService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["organization sites"];
    const collection = "/api/v1/organization/sites";
    const item = `${collection}/:id`;

    app.get(
      collection,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          response: { 200: z.object({ items: z.array(OrganizationSite) }), ...problems(401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, policy.read)),
    );
    app.post(
      collection,
      {
        preValidation: guard(policy.create),
        schema: { tags, body: CreateSite, response: { 201: OrganizationSite, ...problems(400, 401, 403) } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, policy.create), req.body)),
    );
    app.patch(
      item,
      {
        preValidation: guard(policy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdateSite,
          response: { 200: OrganizationSite, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.update(authorize(req.actor, policy.update), req.params.id, req.body),
    );
    app.delete(
      item,
      {
        preValidation: guard(policy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, policy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
