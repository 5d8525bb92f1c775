import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { MAX_EVIDENCE_BYTES } from "../domain/portal.js";
import { apiTokenRoutes } from "./modules/api-tokens/api-tokens.routes.js";
import { assessmentRoutes } from "./modules/assessments/assessments.routes.js";
import { assessmentXlsxRoutes } from "./modules/assessments/assessments-xlsx.routes.js";
import { assessmentSettingsRoutes } from "./modules/assessments/settings.routes.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { concentrationRoutes } from "./modules/concentration/concentration.routes.js";
import { contractRoutes } from "./modules/contracts/contracts.routes.js";
import { obligationRoutes } from "./modules/contracts/obligations.routes.js";
import { countryRoutes } from "./modules/countries/countries.routes.js";
import { documentRoutes } from "./modules/documents/documents.routes.js";
import { documentShareRoutes } from "./modules/documents/documents.shares.routes.js";
import { documentTraceRoutes } from "./modules/documents/documents.trace.routes.js";
import { kpiRoutes } from "./modules/kpis/kpis.routes.js";
import { measurementRoutes } from "./modules/kpis/measurements.routes.js";
import { scorecardRoutes } from "./modules/kpis/scorecard.routes.js";
import { ndaRoutes } from "./modules/ndas/ndas.routes.js";
import { notificationRoutes } from "./modules/notifications/notifications.routes.js";
import { webhookRoutes } from "./modules/notifications/webhooks.routes.js";
import { organizationSiteRoutes } from "./modules/organizations/sites.routes.js";
import { overlapRoutes } from "./modules/overlap/overlap.routes.js";
import { lifecycleRoutes } from "./modules/partners/lifecycle.routes.js";
import { partnerRoutes } from "./modules/partners/partners.routes.js";
import { portalDocumentRoutes } from "./modules/portal/portal.documents.routes.js";
import { portalRoutes } from "./modules/portal/portal.routes.js";
import { questionnaireTemplateRoutes } from "./modules/questionnaires/questionnaires.routes.js";
import { riskConfigRoutes } from "./modules/risks/risk-config.routes.js";
import { riskTreatmentRoutes } from "./modules/risks/risk-treatment.routes.js";
import { riskRoutes } from "./modules/risks/risks.routes.js";
import { signalRoutes } from "./modules/signals/signals.routes.js";
import { systemRoutes } from "./modules/system/system.routes.js";
import { invitationRoutes } from "./modules/users/invitations.routes.js";
import { userRoutes } from "./modules/users/users.routes.js";
import { actorPlugin } from "./platform/auth/actor.plugin.js";
import type { AppContext } from "./platform/context.js";
import { installErrorHandler } from "./platform/errors.js";
import { installMetrics } from "./platform/http/metrics.js";
import { serveWeb } from "./platform/http/web.js";

export interface BuildOptions {
  /** Log requests (off in tests). */
  logger?: boolean;
}

/**
 * Builds the Fastify app from its modules without listening; `main.ts` listens, tests use
 * `app.inject()`. The app keeps no state between requests beyond the database, so any number of
 * instances can serve one database.
 */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: ctx.config.logLevel,
          redact: [
            "req.headers.authorization",
            "req.headers.cookie",
            "body.password",
            "body.newPassword",
            "body.currentPassword",
          ],
        }
      : false,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // CSV imports arrive as text/csv bodies.
  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  installErrorHandler(app);

  await app.register(fastifyCookie);
  // Evidence uploads (multipart/form-data). Routes read the stream with `req.file()`; nothing is
  // buffered here, and one file per request up to the evidence limit.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fileSize: MAX_EVIDENCE_BYTES } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Outsight API",
        version: "1.0.0",
        description: "Run outsourcing safely: partners, risks, contracts, compliance.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "outsight_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  installMetrics(app);
  await app.register(actorPlugin, ctx);
  await app.register(systemRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(apiTokenRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(partnerRoutes(ctx));
  await app.register(countryRoutes(ctx));
  await app.register(organizationSiteRoutes(ctx));
  await app.register(overlapRoutes(ctx));
  await app.register(concentrationRoutes(ctx));
  await app.register(riskRoutes(ctx));
  await app.register(riskTreatmentRoutes(ctx));
  await app.register(riskConfigRoutes(ctx));
  await app.register(signalRoutes(ctx));
  await app.register(contractRoutes(ctx));
  await app.register(questionnaireTemplateRoutes(ctx));
  await app.register(assessmentRoutes(ctx));
  await app.register(assessmentXlsxRoutes(ctx));
  await app.register(assessmentSettingsRoutes(ctx));
  await app.register(portalRoutes(ctx));
  await app.register(portalDocumentRoutes(ctx));
  await app.register(invitationRoutes(ctx));
  await app.register(lifecycleRoutes(ctx));
  await app.register(obligationRoutes(ctx));
  await app.register(ndaRoutes(ctx));
  await app.register(documentRoutes(ctx));
  await app.register(documentShareRoutes(ctx));
  await app.register(documentTraceRoutes(ctx));
  await app.register(kpiRoutes(ctx));
  await app.register(measurementRoutes(ctx));
  await app.register(scorecardRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(webhookRoutes(ctx));
  await serveWeb(app, ctx.config.webDist);
  return app;
}
