import type { FastifyInstance } from "fastify";
import {
  Assessment,
  AssessmentAnswerParams,
  AssessmentListItem,
  AssessmentSummary,
  CancelAssessment,
  CompleteAssessment,
  CreateAssessment,
  EvidenceParams,
  ListAssessmentsQuery,
  RequestClarification,
  ReviewAnswer,
  RiskFromAnswer,
  RiskFromAnswerResult,
  UpdateAssessment,
} from "../../../domain/assessments.js";
import { IdParams, page } from "../../../domain/common.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { registerHistoryRoute } from "../audit/history.routes.js";
import { assessmentPolicy as policy } from "./assessments.policy.js";
import { createAssessmentQueries } from "./assessments.query.js";
import { createAssessmentReview } from "./assessments.review.js";
import { createAssessmentService } from "./assessments.service.js";

const BASE = "/api/v1/assessments";

/** `content-disposition` for a download: RFC 5987 encoding keeps any file name intact and inert. */
const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Staff assessments API: `/api/v1/assessments…` (settings live in `settings.routes.ts`). */
export function assessmentRoutes(ctx: AppContext) {
  const queries = createAssessmentQueries(ctx);
  const service = createAssessmentService(ctx, queries);
  const review = createAssessmentReview(ctx, queries);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["assessments"];

    app.get(
      BASE,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "Assessments with their progress, computed score and overdue flag",
          querystring: ListAssessmentsQuery,
          response: { 200: page(AssessmentListItem), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => queries.list(authorize(req.actor, policy.read), req.query),
    );
    app.get(
      `${BASE}/summary`,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "Counts of assessments per status, and overdue ones (optionally of one partner)",
          querystring: ListAssessmentsQuery.pick({ partnerId: true }),
          response: { 200: AssessmentSummary, ...problems(400, 401, 403) },
        },
      },
      async (req) => queries.summary(authorize(req.actor, policy.read), req.query.partnerId),
    );
    app.post(
      BASE,
      {
        preValidation: guard(policy.write),
        schema: {
          tags,
          summary: "Draft an assessment of a partner from a template's current version",
          body: CreateAssessment,
          response: { 201: Assessment, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await service.create(authorize(req.actor, policy.write), req.body)),
    );
    app.get(
      `${BASE}/:id`,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "An assessment with its questions, answers, review, evidence and computed score",
          params: IdParams,
          response: { 200: Assessment, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => queries.get(authorize(req.actor, policy.read), req.params.id),
    );
    registerHistoryRoute(base, ctx.database.db, {
      path: `${BASE}/:id`,
      tag: "assessments",
      noun: "assessment",
      read: policy.read,
      assertReadable: (actor, id) => queries.assertExists(actor, id),
    });
    app.patch(
      `${BASE}/:id`,
      {
        preValidation: guard(policy.write),
        schema: {
          tags,
          summary: "Change the due date while open; recipients and note only while a draft",
          params: IdParams,
          body: UpdateAssessment,
          response: { 200: Assessment, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, policy.write), req.params.id, req.body),
    );
    app.post(
      `${BASE}/:id/send`,
      {
        preValidation: guard(policy.write),
        schema: {
          tags,
          summary: "Send a draft: link or invite each recipient as a partner user and tell them",
          params: IdParams,
          response: { 200: Assessment, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => service.send(authorize(req.actor, policy.write), req.params.id, req.log),
    );
    app.post(
      `${BASE}/:id/cancel`,
      {
        preValidation: guard(policy.write),
        schema: {
          tags,
          summary: "Cancel an open assessment, with a reason",
          params: IdParams,
          body: CancelAssessment,
          response: { 200: Assessment, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => service.cancel(authorize(req.actor, policy.write), req.params.id, req.body.reason),
    );
    app.post(
      `${BASE}/:id/clarification`,
      {
        preValidation: guard(policy.review),
        schema: {
          tags,
          summary: "Send a submitted assessment back to the partner with what to clarify",
          params: IdParams,
          body: RequestClarification,
          response: { 200: Assessment, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => review.clarify(authorize(req.actor, policy.review), req.params.id, req.body),
    );
    app.put(
      `${BASE}/:id/answers/:questionKey/review`,
      {
        preValidation: guard(policy.review),
        schema: {
          tags,
          summary: "Accept or flag one answer, with a comment (null decision clears it)",
          params: AssessmentAnswerParams,
          body: ReviewAnswer,
          response: { 200: Assessment, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        review.review(authorize(req.actor, policy.review), req.params.id, req.params.questionKey, req.body),
    );
    app.post(
      `${BASE}/:id/answers/:questionKey/risk`,
      {
        preValidation: guard(policy.review),
        schema: {
          tags,
          summary: "Raise a risk from a flagged answer (once: again returns the same risk)",
          params: AssessmentAnswerParams,
          body: RiskFromAnswer,
          response: {
            200: RiskFromAnswerResult,
            201: RiskFromAnswerResult,
            ...problems(400, 401, 403, 404, 409),
          },
        },
      },
      async (req, reply) => {
        const result = await review.riskFromAnswer(
          authorize(req.actor, policy.review),
          req.params.id,
          req.params.questionKey,
          req.body,
        );
        return reply.code(result.created ? 201 : 200).send(result);
      },
    );
    app.post(
      `${BASE}/:id/complete`,
      {
        preValidation: guard(policy.conclude),
        schema: {
          tags,
          summary: "Conclude a submitted assessment (pass, pass with conditions, fail); stores the score",
          params: IdParams,
          body: CompleteAssessment,
          response: { 200: Assessment, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => review.complete(authorize(req.actor, policy.conclude), req.params.id, req.body),
    );
    app.get(
      `${BASE}/:id/evidence/:evidenceId`,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "Download an evidence file",
          params: EvidenceParams,
          produces: ["application/octet-stream"],
        },
      },
      async (req, reply) => {
        const file = await queries.evidenceFile(
          authorize(req.actor, policy.read),
          req.params.id,
          req.params.evidenceId,
        );
        return reply
          .type(file.contentType)
          .header("content-disposition", attachment(file.fileName))
          .header("x-content-type-options", "nosniff")
          .header("content-length", String(file.size))
          .send(file.content);
      },
    );
  };
}
