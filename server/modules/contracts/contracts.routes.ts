import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import {
  Contract,
  ContractListItem,
  CreateContract,
  ListContractsQuery,
  RenewalCalendar,
  RenewalCalendarQuery,
  UpdateContract,
} from "../../../domain/contracts.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { registerHistoryRoute } from "../audit/history.routes.js";
import { contractsToCsv } from "./contracts.csv.js";
import { contractPolicy } from "./contracts.policy.js";
import { createContractService } from "./contracts.service.js";

/** Contracts: the list, export, renewal calendar and each contract. */
export function contractRoutes(ctx: AppContext) {
  const service = createContractService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["contracts"];

    app.get(
      "/api/v1/contracts",
      {
        preValidation: guard(contractPolicy.read),
        schema: {
          tags,
          summary: "Contracts, each with its notice deadline (explained) and clause coverage",
          querystring: ListContractsQuery,
          response: { 200: page(ContractListItem), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, contractPolicy.read), req.query),
    );
    app.post(
      "/api/v1/contracts",
      {
        preValidation: guard(contractPolicy.create),
        schema: { tags, body: CreateContract, response: { 201: Contract, ...problems(400, 401, 403, 422) } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, contractPolicy.create), req.body)),
    );
    app.get(
      "/api/v1/contracts/export.csv",
      {
        preValidation: guard(contractPolicy.export),
        schema: {
          tags,
          summary: "Export the (filtered) contracts as CSV",
          querystring: ListContractsQuery.omit({ limit: true, cursor: true, sort: true }),
          produces: ["text/csv"],
        },
      },
      async (req, reply) => {
        const items = await service.listAll(authorize(req.actor, contractPolicy.export), req.query);
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="contracts-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(contractsToCsv(items));
      },
    );
    app.get(
      "/api/v1/contracts/renewal-calendar",
      {
        preValidation: guard(contractPolicy.read),
        schema: {
          tags,
          summary: "Notice deadlines and end dates between `from` and `to` (at most two years), by date",
          querystring: RenewalCalendarQuery,
          response: { 200: RenewalCalendar, ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.calendar(authorize(req.actor, contractPolicy.read), req.query),
    );
    app.get(
      "/api/v1/contracts/:id",
      {
        preValidation: guard(contractPolicy.read),
        schema: { tags, params: IdParams, response: { 200: Contract, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, contractPolicy.read), req.params.id),
    );
    registerHistoryRoute(base, ctx.database.db, {
      path: "/api/v1/contracts/:id",
      tag: "contracts",
      noun: "contract",
      read: contractPolicy.read,
      assertReadable: (actor, id) => service.get(actor, id),
    });
    app.patch(
      "/api/v1/contracts/:id",
      {
        preValidation: guard(contractPolicy.update),
        schema: {
          tags,
          params: IdParams,
          body: UpdateContract,
          response: { 200: Contract, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, contractPolicy.update), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/contracts/:id",
      {
        preValidation: guard(contractPolicy.delete),
        schema: { tags, params: IdParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await service.remove(authorize(req.actor, contractPolicy.delete), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
