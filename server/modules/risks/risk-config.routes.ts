import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../domain/common.js";
import { PartnerRiskProfile } from "../../../domain/partner-risk.js";
import { RiskRegisterSettings } from "../../../domain/risk-settings.js";
import { CreateRiskCategory, RiskCategory, UpdateRiskCategory } from "../../../domain/risks.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { partnerRiskProfile } from "./partner-risk.js";
import { createRiskCategoryService } from "./risk-categories.service.js";
import { loadRiskSettings } from "./risk-settings.load.js";
import { saveRiskSettings } from "./risk-settings.service.js";
import { riskCategoryPolicy, riskPolicy, riskSettingsPolicy } from "./risks.policy.js";

/** The register's configuration (taxonomy, settings) and the partner risk profile. */
export function riskConfigRoutes(ctx: AppContext) {
  const categories = createRiskCategoryService(ctx);
  const { db } = ctx.database;
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["risks"];

    app.get(
      "/api/v1/risk-categories",
      {
        preValidation: guard(riskCategoryPolicy.read),
        schema: {
          tags,
          response: { 200: z.object({ items: z.array(RiskCategory) }), ...problems(401, 403) },
        },
      },
      async (req) => categories.list(authorize(req.actor, riskCategoryPolicy.read)),
    );
    app.post(
      "/api/v1/risk-categories",
      {
        preValidation: guard(riskCategoryPolicy.write),
        schema: {
          tags,
          body: CreateRiskCategory,
          response: { 201: RiskCategory, ...problems(400, 401, 403, 409) },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await categories.create(authorize(req.actor, riskCategoryPolicy.write), req.body)),
    );
    app.patch(
      "/api/v1/risk-categories/:id",
      {
        preValidation: guard(riskCategoryPolicy.write),
        schema: {
          tags,
          summary: "Rename or describe a category (built-in ones too)",
          params: IdParams,
          body: UpdateRiskCategory,
          response: { 200: RiskCategory, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        categories.update(authorize(req.actor, riskCategoryPolicy.write), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/risk-categories/:id",
      {
        preValidation: guard(riskCategoryPolicy.write),
        schema: {
          tags,
          summary: "Delete a custom category no risk uses (409 builtin_category / category_in_use)",
          params: IdParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await categories.remove(authorize(req.actor, riskCategoryPolicy.write), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/risk-settings",
      {
        preValidation: guard(riskSettingsPolicy.read),
        schema: { tags, response: { 200: RiskRegisterSettings, ...problems(401, 403) } },
      },
      async (req) => loadRiskSettings(db, authorize(req.actor, riskSettingsPolicy.read).orgId),
    );
    app.put(
      "/api/v1/risk-settings",
      {
        preValidation: guard(riskSettingsPolicy.write),
        schema: {
          tags,
          summary: "Replace the level thresholds and signal bounds; re-evaluates signals and partner tiers",
          body: RiskRegisterSettings,
          response: { 200: RiskRegisterSettings, ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        const actor = authorize(req.actor, riskSettingsPolicy.write);
        return db.transaction((tx) => saveRiskSettings(tx, actor, req.body));
      },
    );

    app.get(
      "/api/v1/partners/:id/risk-profile",
      {
        preValidation: guard(riskPolicy.read),
        schema: {
          tags: ["risks", "partners"],
          summary: "The partner's tier and overall score, with the risks, signals and floor that drive them",
          params: IdParams,
          response: { 200: PartnerRiskProfile, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => partnerRiskProfile(db, authorize(req.actor, riskPolicy.read).orgId, req.params.id),
    );
  };
}
