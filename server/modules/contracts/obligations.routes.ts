import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, page } from "../../../domain/common.js";
import {
  ContractReview,
  CreateContractReview,
  CreateObligation,
  ListObligationsQuery,
  Obligation,
  ObligationParams,
  UpdateObligation,
} from "../../../domain/contracts.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { createContractReviewService } from "./contract-reviews.service.js";
import { contractPolicy, obligationPolicy } from "./contracts.policy.js";
import { createObligationService } from "./obligations.service.js";

/** Obligations (per contract and organization-wide) and contract reviews. */
export function obligationRoutes(ctx: AppContext) {
  const obligations = createObligationService(ctx);
  const reviews = createContractReviewService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["contracts"];

    app.get(
      "/api/v1/obligations",
      {
        preValidation: guard(obligationPolicy.read),
        schema: {
          tags,
          summary: "Obligations of every contract by due date; `overdue=true` lists the open ones past due",
          querystring: ListObligationsQuery,
          response: { 200: page(Obligation), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => obligations.list(authorize(req.actor, obligationPolicy.read), null, req.query),
    );
    app.get(
      "/api/v1/contracts/:id/obligations",
      {
        preValidation: guard(obligationPolicy.read),
        schema: {
          tags,
          params: IdParams,
          querystring: ListObligationsQuery,
          response: { 200: page(Obligation), ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => obligations.list(authorize(req.actor, obligationPolicy.read), req.params.id, req.query),
    );
    app.post(
      "/api/v1/contracts/:id/obligations",
      {
        preValidation: guard(obligationPolicy.write),
        schema: {
          tags,
          params: IdParams,
          body: CreateObligation,
          response: { 201: Obligation, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await obligations.create(authorize(req.actor, obligationPolicy.write), req.params.id, req.body),
          ),
    );
    app.patch(
      "/api/v1/contracts/:id/obligations/:obligationId",
      {
        preValidation: guard(obligationPolicy.write),
        schema: {
          tags,
          summary: "Update an obligation; completing a recurring one creates its next occurrence",
          params: ObligationParams,
          body: UpdateObligation,
          response: { 200: Obligation, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) =>
        obligations.update(
          authorize(req.actor, obligationPolicy.write),
          req.params.id,
          req.params.obligationId,
          req.body,
        ),
    );
    app.delete(
      "/api/v1/contracts/:id/obligations/:obligationId",
      {
        preValidation: guard(obligationPolicy.write),
        schema: {
          tags,
          params: ObligationParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await obligations.remove(
          authorize(req.actor, obligationPolicy.write),
          req.params.id,
          req.params.obligationId,
        );
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/v1/contracts/:id/reviews",
      {
        preValidation: guard(contractPolicy.read),
        schema: {
          tags,
          params: IdParams,
          response: { 200: z.object({ items: z.array(ContractReview) }), ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => reviews.list(authorize(req.actor, contractPolicy.read), req.params.id),
    );
    app.post(
      "/api/v1/contracts/:id/reviews",
      {
        preValidation: guard(contractPolicy.review),
        schema: {
          tags,
          summary: "Record a review; sets the contract's next review date (default today + its interval)",
          params: IdParams,
          body: CreateContractReview,
          response: { 201: ContractReview, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await reviews.create(authorize(req.actor, contractPolicy.review), req.params.id, req.body)),
    );
  };
}
