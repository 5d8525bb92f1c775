import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import {
  AcceptSignal,
  AcceptSignalResult,
  DismissSignal,
  EvaluationResult,
  ListSignalsQuery,
  RiskSignal,
  SignalRuleList,
} from "../../../domain/signals/api.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { signalPolicy } from "./signals.policy.js";
import { createSignalService } from "./signals.service.js";

/** The signals inbox: risks proposed by the rules, to accept into the register or dismiss. */
export function signalRoutes(ctx: AppContext) {
  const service = createSignalService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["risk-signals"];

    app.get(
      "/api/v1/risk-signals",
      {
        preValidation: guard(signalPolicy.read),
        schema: {
          tags,
          summary: "Signals, newest first",
          querystring: ListSignalsQuery,
          response: { 200: page(RiskSignal), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, signalPolicy.read), req.query),
    );
    app.get(
      "/api/v1/risk-signals/rules",
      {
        preValidation: guard(signalPolicy.read),
        schema: {
          tags,
          summary: "The signal rules: what each reads, its category and bounds",
          response: { 200: SignalRuleList, ...problems(401, 403) },
        },
      },
      async (req) => service.rules(authorize(req.actor, signalPolicy.read)),
    );
    app.post(
      "/api/v1/risk-signals/evaluate",
      {
        preValidation: guard(signalPolicy.evaluate),
        schema: {
          tags,
          summary: "Re-evaluate every rule for the whole organization now",
          response: { 200: EvaluationResult, ...problems(401, 403) },
        },
      },
      async (req) => service.evaluate(authorize(req.actor, signalPolicy.evaluate)),
    );
    app.get(
      "/api/v1/risk-signals/:id",
      {
        preValidation: guard(signalPolicy.read),
        schema: { tags, params: IdParams, response: { 200: RiskSignal, ...problems(400, 401, 403, 404) } },
      },
      async (req) => service.get(authorize(req.actor, signalPolicy.read), req.params.id),
    );
    app.post(
      "/api/v1/risk-signals/:id/accept",
      {
        preValidation: guard(signalPolicy.accept),
        schema: {
          tags,
          summary: "Create a risk prefilled from an open signal",
          params: IdParams,
          body: AcceptSignal,
          response: { 200: AcceptSignalResult, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.accept(authorize(req.actor, signalPolicy.accept), req.params.id, req.body ?? {}),
    );
    app.post(
      "/api/v1/risk-signals/:id/dismiss",
      {
        preValidation: guard(signalPolicy.dismiss),
        schema: {
          tags,
          summary: "Dismiss an open signal; it comes back only if its facts change",
          params: IdParams,
          body: DismissSignal,
          response: { 200: RiskSignal, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => service.dismiss(authorize(req.actor, signalPolicy.dismiss), req.params.id, req.body),
    );
  };
}
