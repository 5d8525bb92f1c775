import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, page } from "../../../domain/common.js";
import { Heatmap, HeatmapQuery, RiskSummary } from "../../../domain/risk-dashboard.js";
import {
  AcceptRisk,
  CreateRisk,
  CreateRiskReview,
  ListRisksQuery,
  Risk,
  RiskControlParams,
  RiskListItem,
  RiskReview,
  UpdateRisk,
} from "../../../domain/risks.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { registerHistoryRoute } from "../audit/history.routes.js";
import { createControlService } from "./controls.service.js";
import { riskHeatmap, riskSummary } from "./risk-dashboard.service.js";
import { createRiskReviewService } from "./risk-reviews.service.js";
import { risksToCsv } from "./risks.csv.js";
import { riskPolicy } from "./risks.policy.js";
import { createRiskService } from "./risks.service.js";

/** The risk register: risks, export, heat map, summary, acceptance, reviews and control links. */
export function riskRoutes(ctx: AppContext) {
  const service = createRiskService(ctx);
  const reviews = createRiskReviewService(ctx);
  const controls = createControlService(ctx);
  const { db } = ctx.database;
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["risks"];

    app.get(
      "/api/v1/risks",
      {
        preValidation: guard(riskPolicy.read),
        schema: {
          tags,
          summary: "The register; `reviewOverdue=true` lists the risks whose review is overdue",
          querystring: ListRisksQuery,
          response: { 200: page(RiskListItem), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, riskPolicy.read), req.query),
    );
    app.post(
      "/api/v1/risks",
      {
        preValidation: guard(riskPolicy.create),
        schema: { tags, body: CreateRisk, response: { 201: Risk, ...problems(400, 401, 403, 409, 422) } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, riskPolicy.create), req.body)),
    );
    app.get(
      "/api/v1/risks/export.csv",
      {
        preValidation: guard(riskPolicy.export),
        schema: {
          tags,
          summary: "Export the (filtered) register as CSV",
          querystring: ListRisksQuery.omit({ limit: true, cursor: true, sort: true }),
          produces: ["text/csv"],
        },
      },
      async (req, reply) => {
        const items = await service.listAll(authorize(req.actor, riskPolicy.export), req.query);
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="risks-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(risksToCsv(items));
      },
    );
    app.get(
      "/api/v1/risks/heatmap",
      {
        preValidation: guard(riskPolicy.read),
        schema: {
          tags,
          summary:
            "Risks per likelihood × impact cell, inherent and residual (closed risks excluded unless `status` is given)",
          querystring: HeatmapQuery,
          response: { 200: Heatmap, ...problems(400, 401, 403) },
        },
      },
      async (req) => riskHeatmap(db, authorize(req.actor, riskPolicy.read), req.query),
    );
    app.get(
      "/api/v1/risks/summary",
      {
        preValidation: guard(riskPolicy.read),
        schema: {
          tags,
          summary: "The register at a glance, for the dashboard",
          response: { 200: RiskSummary, ...problems(401, 403) },
        },
      },
      async (req) => riskSummary(db, authorize(req.actor, riskPolicy.read)),
    );
    app.get(
      "/api/v1/risks/:id",
      {
        preValidation: guard(riskPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Risk, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, riskPolicy.read), req.params.id),
    );
    registerHistoryRoute(base, db, {
      path: "/api/v1/risks/:id",
      tag: "risks",
      noun: "risk",
      read: riskPolicy.read,
      assertReadable: (actor, id) => service.get(actor, id),
    });
    app.patch(
      "/api/v1/risks/:id",
      {
        preValidation: guard(riskPolicy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdateRisk,
          response: { 200: Risk, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, riskPolicy.update), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/risks/:id",
      {
        preValidation: guard(riskPolicy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, riskPolicy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/v1/risks/:id/accept",
      {
        preValidation: guard(riskPolicy.accept),
        schema: {
          tags,
          summary: "Accept a risk until a date, with a justification (risk managers and admins)",
          params: IdParams,
          body: AcceptRisk,
          response: { 200: Risk, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.accept(authorize(req.actor, riskPolicy.accept), req.params.id, req.body),
    );
    app.get(
      "/api/v1/risks/:id/reviews",
      {
        preValidation: guard(riskPolicy.read),
        schema: {
          tags,
          params: IdParams,
          response: { 200: z.object({ items: z.array(RiskReview) }), ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => reviews.list(authorize(req.actor, riskPolicy.read), req.params.id),
    );
    app.post(
      "/api/v1/risks/:id/reviews",
      {
        preValidation: guard(riskPolicy.review),
        schema: {
          tags,
          summary: "Record a review; the next review date defaults to today + the risk's interval",
          params: IdParams,
          body: CreateRiskReview,
          response: { 201: RiskReview, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await reviews.create(authorize(req.actor, riskPolicy.review), req.params.id, req.body)),
    );
    app.put(
      "/api/v1/risks/:id/controls/:controlId",
      {
        preValidation: guard(riskPolicy.update),
        schema: {
          tags,
          summary: "Link a control to the risk (idempotent)",
          params: RiskControlParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await controls.link(authorize(req.actor, riskPolicy.update), req.params.id, req.params.controlId);
        return reply.code(204).send(null);
      },
    );
    app.delete(
      "/api/v1/risks/:id/controls/:controlId",
      {
        preValidation: guard(riskPolicy.update),
        schema: {
          tags,
          summary: "Unlink a control from the risk",
          params: RiskControlParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await controls.unlink(authorize(req.actor, riskPolicy.update), req.params.id, req.params.controlId);
        return reply.code(204).send(null);
      },
    );
  };
}
