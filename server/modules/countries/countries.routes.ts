import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  CountryCodeParams,
  CountryList,
  CountryOverride,
  CountryOverrideInput,
  CountryProfile,
  IndicatorImportResult,
  ListCountriesQuery,
  RiskSettings,
} from "../../../domain/governance.js";
import { authorize, guard } from "../../platform/access.js";
import { auditActorOf } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { importIndicators } from "./countries.import.js";
import { countryPolicy } from "./countries.policy.js";
import { createCountryService } from "./countries.service.js";
import { parseWgiCsv } from "./countries.wgi.js";
import { parseWgiXlsx } from "./countries.xlsx.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Country profiles: governance figures, risk level, data-protection context and overrides. */
export function countryRoutes(ctx: AppContext) {
  const service = createCountryService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["countries"];
    // The World Bank's workbook arrives as raw bytes (this parser is scoped to these routes).
    base.addContentTypeParser(XLSX, { parseAs: "buffer", bodyLimit: 20_000_000 }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      "/api/v1/countries",
      {
        preValidation: guard(countryPolicy.read),
        schema: {
          tags,
          summary: "Every ISO 3166-1 country with governance summary, risk level and our exposure",
          querystring: ListCountriesQuery,
          response: { 200: CountryList, ...problems(400, 401, 403) },
        },
      },
      async (req) => service.list(authorize(req.actor, countryPolicy.read), req.query),
    );
    app.get(
      "/api/v1/countries/risk-settings",
      {
        preValidation: guard(countryPolicy.read),
        schema: {
          tags,
          summary: "Risk-level weights and thresholds",
          response: { 200: RiskSettings, ...problems(401, 403) },
        },
      },
      async (req) => service.getRiskSettings(authorize(req.actor, countryPolicy.read)),
    );
    app.put(
      "/api/v1/countries/risk-settings",
      {
        preValidation: guard(countryPolicy.settings),
        schema: { tags, body: RiskSettings, response: { 200: RiskSettings, ...problems(400, 401, 403) } },
      },
      async (req) => service.putRiskSettings(authorize(req.actor, countryPolicy.settings), req.body),
    );
    app.post(
      "/api/v1/countries/indicators/import",
      {
        preValidation: guard(countryPolicy.import),
        schema: {
          tags,
          summary: "Import a WGI release (CSV in the bundled layout; all-or-nothing, upserts)",
          consumes: ["text/csv", XLSX],
          body: z.union([z.string().max(20_000_000), z.instanceof(Buffer)]),
          response: { 200: IndicatorImportResult, ...problems(400, 401, 403, 422) },
        },
      },
      async (req) => {
        const actor = authorize(req.actor, countryPolicy.import);
        const parsed = typeof req.body === "string" ? parseWgiCsv(req.body) : await parseWgiXlsx(req.body);
        const source = `API import (${typeof req.body === "string" ? "CSV" : "XLSX"})`;
        return importIndicators(ctx.database.db, parsed, source, auditActorOf(actor), [actor.orgId]);
      },
    );
    app.get(
      "/api/v1/countries/:code",
      {
        preValidation: guard(countryPolicy.read),
        schema: {
          tags,
          summary: "A country's full profile: indicators with history, risk, override, data protection",
          params: CountryCodeParams,
          response: { 200: CountryProfile, ...problems(400, 401, 403) },
        },
      },
      async (req) => service.profile(authorize(req.actor, countryPolicy.read), req.params.code),
    );
    app.put(
      "/api/v1/countries/:code/override",
      {
        preValidation: guard(countryPolicy.override),
        schema: {
          tags,
          summary: "Set the organization's own rating, sanctions and travel notes for a country",
          params: CountryCodeParams,
          body: CountryOverrideInput,
          response: { 200: CountryOverride, ...problems(400, 401, 403) },
        },
      },
      async (req) =>
        service.putOverride(authorize(req.actor, countryPolicy.override), req.params.code, req.body),
    );
    app.delete(
      "/api/v1/countries/:code/override",
      {
        preValidation: guard(countryPolicy.override),
        schema: {
          tags,
          params: CountryCodeParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await service.deleteOverride(authorize(req.actor, countryPolicy.override), req.params.code);
        return reply.code(204).send(null);
      },
    );
  };
}
