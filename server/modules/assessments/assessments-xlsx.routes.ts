import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { ImportAnswersQuery, ImportAnswersResult } from "../../../domain/assessments.js";
import { IdParams } from "../../../domain/common.js";
import { authorize, guard, type Rule } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { problems, typed } from "../../platform/http/typed.js";
import { assessmentPolicy, portalPolicy } from "./assessments.policy.js";
import { XLSX_TYPE } from "./assessments-xlsx.js";
import { createXlsxService, type Scope } from "./assessments-xlsx.service.js";

/** Largest questionnaire workbook accepted (a full template with long answers is far below). */
const MAX_XLSX_BYTES = 5_000_000;

/**
 * Offline round trip: export a questionnaire to XLSX and import the answers back, for staff (who
 * may import on the partner's behalf) and in the portal. Same file, same checks, same write logic.
 */
export function assessmentXlsxRoutes(ctx: AppContext) {
  const service = createXlsxService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    // The workbook arrives as raw bytes (this parser is scoped to these routes).
    base.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: "buffer", bodyLimit: MAX_XLSX_BYTES },
      (_req, body, done) => done(null, body),
    );

    const sendXlsx = (reply: FastifyReply, file: { name: string; data: Buffer }) =>
      reply
        .type(XLSX_TYPE)
        .header("content-disposition", `attachment; filename="${file.name}"`)
        .header("x-content-type-options", "nosniff")
        .send(file.data);

    const routes: { prefix: string; scope: Scope; read: Rule; write: Rule; tags: string[] }[] = [
      {
        prefix: "/api/v1/assessments",
        scope: "staff",
        read: assessmentPolicy.read,
        write: assessmentPolicy.write,
        tags: ["assessments"],
      },
      {
        prefix: "/api/v1/portal/assessments",
        scope: "portal",
        read: portalPolicy.use,
        write: portalPolicy.use,
        tags: ["portal"],
      },
    ];
    for (const r of routes) {
      app.get(
        `${r.prefix}/:id/export.xlsx`,
        {
          preValidation: guard(r.read),
          schema: {
            tags: r.tags,
            summary: "The questionnaire as an XLSX workbook, prefilled with the current answers",
            params: IdParams,
            produces: [XLSX_TYPE],
            response: problems(400, 401, 403, 404),
          },
        },
        async (req, reply) =>
          sendXlsx(reply, await service.exportXlsx(authorize(req.actor, r.read), r.scope, req.params.id)),
      );
      app.post(
        `${r.prefix}/:id/import`,
        {
          preValidation: guard(r.write),
          schema: {
            tags: r.tags,
            summary: "Import answers from the exported workbook (all-or-nothing; `dryRun=true` only checks)",
            consumes: [XLSX_TYPE],
            params: IdParams,
            querystring: ImportAnswersQuery,
            body: z.instanceof(Buffer),
            response: { 200: ImportAnswersResult, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
          },
        },
        async (req) =>
          service.importXlsx(
            authorize(req.actor, r.write),
            r.scope,
            req.params.id,
            req.body,
            req.query.dryRun === "true",
          ),
      );
    }
  };
}
