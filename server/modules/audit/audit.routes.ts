import type { FastifyInstance } from "fastify";
import { AuditEvent, ListAuditQuery, VerifyResult } from "../../../domain/audit.js";
import { page } from "../../../domain/common.js";
import { authorize, guard } from "../../platform/access.js";
import { verifyChain } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { auditPolicy } from "./audit.policy.js";
import { listAuditEvents } from "./audit.service.js";

/** `GET /api/v1/audit-events` (admin, auditor) and `GET /api/v1/audit-events/verify`. */
export function auditRoutes(ctx: AppContext) {
  const { db } = ctx.database;
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["audit"];
    app.get(
      "/api/v1/audit-events",
      {
        preValidation: guard(auditPolicy.read),
        schema: {
          tags,
          querystring: ListAuditQuery,
          response: { 200: page(AuditEvent), ...problems(400, 401, 403) },
        },
      },
      async (req) => listAuditEvents(db, authorize(req.actor, auditPolicy.read), req.query),
    );
    app.get(
      "/api/v1/audit-events/verify",
      {
        preValidation: guard(auditPolicy.read),
        schema: {
          tags,
          summary: "Recompute the organization's hash chain",
          response: { 200: VerifyResult, ...problems(401, 403) },
        },
      },
      async (req) => {
        const { ok, events, firstBad } = await verifyChain(db, authorize(req.actor, auditPolicy.read).orgId);
        return { ok, events, firstBad };
      },
    );
  };
}
