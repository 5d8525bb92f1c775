import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import { CreateKpi, Kpi, KpiSeries, ListKpisQuery, SeriesQuery, UpdateKpi } from "../../../domain/kpis.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { registerHistoryRoute } from "../audit/history.routes.js";
import { kpiPolicy } from "./kpis.policy.js";
import { createKpiService } from "./kpis.service.js";
import { kpiSeries } from "./measurements.service.js";

/** KPIs: the list, each KPI, its history and its evaluated series. */
export function kpiRoutes(ctx: AppContext) {
  const service = createKpiService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["kpis"];

    app.get(
      "/api/v1/kpis",
      {
        preValidation: guard(kpiPolicy.read),
        schema: {
          tags,
          summary: "KPIs, each with its latest measurement evaluated (thresholds and SPC)",
          querystring: ListKpisQuery,
          response: { 200: page(Kpi), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, kpiPolicy.read), req.query),
    );
    app.post(
      "/api/v1/kpis",
      {
        preValidation: guard(kpiPolicy.create),
        schema: { tags, body: CreateKpi, response: { 201: Kpi, ...problems(400, 401, 403, 422) } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, kpiPolicy.create), req.body)),
    );
    app.get(
      "/api/v1/kpis/:id",
      {
        preValidation: guard(kpiPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Kpi, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, kpiPolicy.read), req.params.id),
    );
    registerHistoryRoute(base, ctx.database.db, {
      path: "/api/v1/kpis/:id",
      tag: "kpis",
      noun: "KPI",
      read: kpiPolicy.read,
      assertReadable: (actor, id) => service.get(actor, id),
    });
    app.get(
      "/api/v1/kpis/:id/series",
      {
        preValidation: guard(kpiPolicy.read),
        schema: {
          tags,
          summary: "The KPI's measurements between `from` and `to`, each evaluated against the whole history",
          params: IdParams,
          querystring: SeriesQuery,
          response: { 200: KpiSeries, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => kpiSeries(ctx, authorize(req.actor, kpiPolicy.read), req.params.id, req.query),
    );
    app.patch(
      "/api/v1/kpis/:id",
      {
        preValidation: guard(kpiPolicy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdateKpi,
          response: { 200: Kpi, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, kpiPolicy.update), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/kpis/:id",
      {
        preValidation: guard(kpiPolicy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, kpiPolicy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
