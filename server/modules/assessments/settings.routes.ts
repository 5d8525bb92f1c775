import type { FastifyInstance } from "fastify";
import { AssessmentSettings } from "../../../domain/assessments.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { assessmentPolicy } from "./assessments.policy.js";
import { loadAssessmentSettings, saveAssessmentSettings } from "./settings.service.js";

/** `GET/PUT /api/v1/assessment-settings`: reassessment cadence by tier. */
export function assessmentSettingsRoutes(ctx: AppContext) {
  const { db } = ctx.database;
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["assessments"];

    app.get(
      "/api/v1/assessment-settings",
      {
        preValidation: guard(assessmentPolicy.read),
        schema: {
          tags,
          summary: "Reassessment cadence by partner tier (the defaults until saved)",
          response: { 200: AssessmentSettings, ...problems(401, 403) },
        },
      },
      async (req) => loadAssessmentSettings(db, authorize(req.actor, assessmentPolicy.read).orgId),
    );
    app.put(
      "/api/v1/assessment-settings",
      {
        preValidation: guard(assessmentPolicy.settings),
        schema: {
          tags,
          summary: "Replace the reassessment cadence, template, lead and answer days",
          body: AssessmentSettings,
          response: { 200: AssessmentSettings, ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => {
        const actor = authorize(req.actor, assessmentPolicy.settings);
        return db.transaction((tx) => saveAssessmentSettings(tx, actor, req.body));
      },
    );
  };
}
