import type { FastifyInstance } from "fastify";
import { EvidenceParams } from "../../../domain/assessments.js";
import { IdParams } from "../../../domain/common.js";
import {
  EvidenceFile,
  PortalAssessment,
  PortalAssessmentList,
  PortalOverview,
  SaveAnswers,
  SavedAnswers,
} from "../../../domain/portal.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { portalPolicy } from "../assessments/assessments.policy.js";
import { sendEvidence } from "../assessments/evidence.js";
import { createPortalService } from "./portal.service.js";

/**
 * The partner portal API: `/api/v1/portal/…` (partner users only; staff use the internal API).
 * Every query is scoped to the actor's organization AND partner, and to the statuses a partner may
 * see, so another partner's, another organization's or a draft assessment is a 404 like a missing one.
 */
export function portalRoutes(ctx: AppContext) {
  const service = createPortalService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["portal"];
    const use = portalPolicy.use;

    app.get(
      "/api/v1/portal/overview",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "Who the portal user answers for, with open and overdue counts",
          response: { 200: PortalOverview, ...problems(401, 403) },
        },
      },
      async (req) => service.overview(authorize(req.actor, use)),
    );
    app.get(
      "/api/v1/portal/assessments",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "The partner's assessments, newest due date first",
          response: { 200: PortalAssessmentList, ...problems(401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, use)),
    );
    app.get(
      "/api/v1/portal/assessments/:id",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "One assessment: questions, answers, progress by section and what is still missing",
          params: IdParams,
          response: { 200: PortalAssessment, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.get(authorize(req.actor, use), req.params.id),
    );
    app.put(
      "/api/v1/portal/assessments/:id/answers",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "Autosave: set some answers (null clears one); unchanged values are not written",
          params: IdParams,
          body: SaveAnswers,
          response: { 200: SavedAnswers, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.save(authorize(req.actor, use), req.params.id, req.body.answers),
    );
    app.post(
      "/api/v1/portal/assessments/:id/submit",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "Submit the answers for review (every visible required question answered)",
          params: IdParams,
          response: { 200: PortalAssessment, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.submit(authorize(req.actor, use), req.params.id),
    );
    app.post(
      "/api/v1/portal/assessments/:id/evidence",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "Upload one evidence file (multipart: the `questionKey` field, then the `file`)",
          consumes: ["multipart/form-data"],
          params: IdParams,
          response: { 201: EvidenceFile, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, use);
        return reply.code(201).send(await service.upload(actor, req.params.id, req));
      },
    );
    app.get(
      "/api/v1/portal/assessments/:id/evidence/:evidenceId",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "Download an evidence file",
          params: EvidenceParams,
          produces: ["application/octet-stream"],
          response: problems(400, 401, 403, 404),
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, use);
        return sendEvidence(reply, await service.evidence(actor, req.params.id, req.params.evidenceId));
      },
    );
    app.delete(
      "/api/v1/portal/assessments/:id/evidence/:evidenceId",
      {
        preValidation: guard(use),
        schema: {
          tags,
          summary: "Remove an evidence file (while the assessment is editable)",
          params: EvidenceParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await service.removeEvidence(authorize(req.actor, use), req.params.id, req.params.evidenceId);
        return reply.code(204).send(null);
      },
    );
  };
}
