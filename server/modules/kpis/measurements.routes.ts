import type { FastifyInstance, FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../../domain/common.js";
import {
  BULK_MAX_ROWS,
  BulkMeasurementRow,
  BulkQuery,
  BulkResult,
  Measurement,
  MeasurementInput,
  MeasurementParams,
} from "../../../domain/kpis.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { measurementPolicy } from "./kpis.policy.js";
import { bulkMeasurements } from "./measurements.bulk.js";
import { deleteMeasurement, recordMeasurement } from "./measurements.service.js";

/**
 * The bulk route documents its rows with the zod schema but checks them itself
 * (`measurements.rows.ts`): every row's errors are reported with row numbers as one 422
 * `bulk_rejected` (a 400 from the schema would stop at the shape and carry no row numbers).
 */
// biome-ignore lint/suspicious/noExplicitAny: Fastify types the compiler by each route's own schema.
const bodyCheckedByHandler: FastifySchemaCompiler<any> = (route) =>
  route.httpPart === "body" ? (data: unknown) => ({ value: data }) : validatorCompiler(route);

/** Bulk bodies may exceed the app's 10 MB limit: 100,000 JSON rows take ~9 MB without notes, more with. */
const BULK_BODY_LIMIT = 32 * 1024 * 1024;

/** Measurements: record or delete one, and ingest many (JSON or CSV). */
export function measurementRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["kpis"];

    app.post(
      "/api/v1/kpis/:id/measurements",
      {
        preValidation: guard(measurementPolicy.write),
        schema: {
          tags,
          summary: "Record a period's value (idempotent: re-sending the same value changes nothing)",
          params: IdParams,
          body: MeasurementInput,
          response: { 200: Measurement, 201: Measurement, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (req, reply) => {
        const m = await recordMeasurement(
          ctx,
          authorize(req.actor, measurementPolicy.write),
          req.params.id,
          req.body,
        );
        return reply.code(m.outcome === "created" ? 201 : 200).send(m);
      },
    );
    app.delete(
      "/api/v1/kpis/:id/measurements/:periodStart",
      {
        preValidation: guard(measurementPolicy.write),
        schema: {
          tags,
          params: MeasurementParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await deleteMeasurement(
          ctx,
          authorize(req.actor, measurementPolicy.write),
          req.params.id,
          req.params.periodStart,
        );
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/v1/measurements/bulk",
      {
        preValidation: guard(measurementPolicy.write),
        bodyLimit: BULK_BODY_LIMIT,
        validatorCompiler: bodyCheckedByHandler,
        schema: {
          tags,
          summary: `Record up to ${BULK_MAX_ROWS} measurements at once, all or nothing (JSON array or text/csv)`,
          description:
            "A JSON array of rows, or `text/csv` with the header `kpiId,periodStart,value,note`. Any invalid " +
            "row rejects the whole request with 422 `bulk_rejected` and every row's errors (`row` is the " +
            "1-based data row). `dryRun=true` validates and counts without writing.",
          consumes: ["application/json", "text/csv"],
          querystring: BulkQuery,
          body: z.array(BulkMeasurementRow).max(BULK_MAX_ROWS),
          response: { 200: BulkResult, ...problems(400, 401, 403, 413, 422) },
        },
      },
      async (req) =>
        bulkMeasurements(
          ctx,
          authorize(req.actor, measurementPolicy.write),
          req.body,
          req.query.dryRun === "true",
        ),
    );
  };
}
