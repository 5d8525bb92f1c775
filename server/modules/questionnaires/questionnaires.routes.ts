import type { FastifyInstance } from "fastify";
import { IdParams, page } from "../../../domain/common.js";
import {
  CreateTemplate,
  LibraryTemplates,
  ListTemplatesQuery,
  QuestionnaireTemplate,
  TemplateListItem,
  TemplateVersion,
  TemplateVersionParams,
  UpdateTemplate,
} from "../../../domain/questionnaire-templates.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { registerHistoryRoute } from "../audit/history.routes.js";
import { questionnaireTemplatePolicy as policy } from "./questionnaires.policy.js";
import { presentLibraryTemplate } from "./questionnaires.present.js";
import { createQuestionnaireTemplateService } from "./questionnaires.service.js";

const BASE = "/api/v1/questionnaire-templates";

/** Questionnaire templates: the bundled library, the organization's templates and their versions. */
export function questionnaireTemplateRoutes(ctx: AppContext) {
  const service = createQuestionnaireTemplateService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["questionnaire-templates"];

    app.get(
      `${BASE}/library`,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "The bundled templates an organization can copy",
          response: { 200: LibraryTemplates, ...problems(401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, policy.read);
        return { items: service.library().map(presentLibraryTemplate) };
      },
    );
    app.get(
      BASE,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "The organization's templates (active unless archived=true)",
          querystring: ListTemplatesQuery,
          response: { 200: page(TemplateListItem), ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => service.list(authorize(req.actor, policy.read), req.query),
    );
    app.post(
      BASE,
      {
        preValidation: guard(policy.write),
        schema: {
          tags,
          summary: "Copy a bundled template (libraryKey) or create one from content",
          body: CreateTemplate,
          response: { 201: QuestionnaireTemplate, ...problems(400, 401, 403, 422) },
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
          params: IdParams,
          response: { 200: QuestionnaireTemplate, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.get(authorize(req.actor, policy.read), req.params.id),
    );
    app.get(
      `${BASE}/:id/versions/:version`,
      {
        preValidation: guard(policy.read),
        schema: {
          tags,
          summary: "One version's content (assessments keep the version they started from)",
          params: TemplateVersionParams,
          response: { 200: TemplateVersion, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.version(authorize(req.actor, policy.read), req.params.id, req.params.version),
    );
    registerHistoryRoute(base, ctx.database.db, {
      path: `${BASE}/:id`,
      tag: "questionnaire-templates",
      noun: "questionnaire template",
      read: policy.read,
      assertReadable: (actor, id) => service.get(actor, id),
    });
    app.patch(
      `${BASE}/:id`,
      {
        preValidation: guard(policy.write),
        schema: {
          tags,
          summary: "Edit a template; content of a version in use becomes a new version",
          params: IdParams,
          body: UpdateTemplate,
          response: { 200: QuestionnaireTemplate, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req) => service.update(authorize(req.actor, policy.write), req.params.id, req.body),
    );
  };
}
