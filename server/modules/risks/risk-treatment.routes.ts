import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, page } from "../../../domain/common.js";
import {
  Control,
  CreateControl,
  CreateRiskTask,
  ListControlsQuery,
  ListRiskTasksQuery,
  RiskTask,
  UpdateControl,
  UpdateRiskTask,
} from "../../../domain/risk-treatment.js";
import { RiskTaskParams } from "../../../domain/risks.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { createControlService } from "./controls.service.js";
import { createRiskTaskService } from "./risk-tasks.service.js";
import { controlPolicy, riskTaskPolicy } from "./risks.policy.js";

/** Risk treatment: the control library and treatment tasks. */
export function riskTreatmentRoutes(ctx: AppContext) {
  const controls = createControlService(ctx);
  const tasks = createRiskTaskService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["risks"];

    app.get(
      "/api/v1/controls",
      {
        preValidation: guard(controlPolicy.read),
        schema: {
          tags,
          querystring: ListControlsQuery,
          response: { 200: page(Control), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => controls.list(authorize(req.actor, controlPolicy.read), req.query),
    );
    app.post(
      "/api/v1/controls",
      {
        preValidation: guard(controlPolicy.write),
        schema: { tags, body: CreateControl, response: { 201: Control, ...problems(400, 401, 403, 422) } },
      },
      async (req, reply) =>
        reply.code(201).send(await controls.create(authorize(req.actor, controlPolicy.write), req.body)),
    );
    app.get(
      "/api/v1/controls/:id",
      {
        preValidation: guard(controlPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Control, ...problems(400, 401, 403, 404) } },
      },
      async (req) => controls.get(authorize(req.actor, controlPolicy.read), req.params.id),
    );
    app.patch(
      "/api/v1/controls/:id",
      {
        preValidation: guard(controlPolicy.write),
        schema: {
          tags,
          params: IdParams,
          body: UpdateControl,
          response: { 200: Control, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => controls.update(authorize(req.actor, controlPolicy.write), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/controls/:id",
      {
        preValidation: guard(controlPolicy.write),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await controls.remove(authorize(req.actor, controlPolicy.write), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/risk-tasks",
      {
        preValidation: guard(riskTaskPolicy.read),
        schema: {
          tags,
          summary: "The organization's treatment tasks, due date first",
          querystring: ListRiskTasksQuery,
          response: { 200: page(RiskTask), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => tasks.list(authorize(req.actor, riskTaskPolicy.read), req.query),
    );
    app.get(
      "/api/v1/risks/:id/tasks",
      {
        preValidation: guard(riskTaskPolicy.read),
        schema: {
          tags,
          params: IdParams,
          response: { 200: z.object({ items: z.array(RiskTask) }), ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => tasks.listForRisk(authorize(req.actor, riskTaskPolicy.read), req.params.id),
    );
    app.post(
      "/api/v1/risks/:id/tasks",
      {
        preValidation: guard(riskTaskPolicy.write),
        schema: {
          tags,
          params: IdParams,
          body: CreateRiskTask,
          response: { 201: RiskTask, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await tasks.create(authorize(req.actor, riskTaskPolicy.write), req.params.id, req.body)),
    );
    app.patch(
      "/api/v1/risks/:id/tasks/:taskId",
      {
        preValidation: guard(riskTaskPolicy.write),
        schema: {
          tags,
          params: RiskTaskParams,
          body: UpdateRiskTask,
          response: { 200: RiskTask, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) =>
        tasks.update(authorize(req.actor, riskTaskPolicy.write), req.params.id, req.params.taskId, req.body),
    );
    app.delete(
      "/api/v1/risks/:id/tasks/:taskId",
      {
        preValidation: guard(riskTaskPolicy.write),
        schema: {
          tags,
          params: RiskTaskParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await tasks.remove(authorize(req.actor, riskTaskPolicy.write), req.params.id, req.params.taskId);
        return reply.code(204).send(null);
      },
    );
  };
}
