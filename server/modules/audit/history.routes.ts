import type { FastifyInstance } from "fastify";
import { AuditEvent } from "../../../domain/audit.js";
import { IdParams, PageQuery, page } from "../../../domain/common.js";
import { type Actor, authorize, guard, type Rule } from "../../platform/access.js";
import type { Db } from "../../platform/db/index.js";
import { problems, typed } from "../../platform/http/typed.js";
import { listAuditEvents } from "./audit.service.js";

/** What a record's history route needs: where it lives, who may read it, and how to 404. */
export interface HistoryRoute {
  /** The record's path, e.g. "/api/v1/risks/:id"; "/history" is appended. */
  path: string;
  tag: string;
  noun: string;
  read: Rule;
  /** Throws 404 unless the record exists in the actor's organization. */
  assertReadable: (actor: Actor, id: string) => Promise<unknown>;
}

/**
 * `GET <path>/history`: the audit events of one record and of the records belonging to it (a
 * risk's tasks, a contract's obligations), newest first. Readable by everyone who may read the
 * record, unlike the organization-wide audit trail: these events only describe what the reader can
 * already see.
 */
export function registerHistoryRoute(base: FastifyInstance, db: Db, r: HistoryRoute) {
  typed(base).get(
    `${r.path}/history`,
    {
      preValidation: guard(r.read),
      schema: {
        tags: [r.tag],
        summary: `The ${r.noun}'s history from the audit trail (and that of what belongs to it)`,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(AuditEvent), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = authorize(req.actor, r.read);
      await r.assertReadable(actor, req.params.id);
      return listAuditEvents(db, actor, { relatedTo: req.params.id, ...req.query });
    },
  );
}
