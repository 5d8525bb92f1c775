import { z } from "zod";
import { Id } from "./common.js";

/** Query of `GET /api/v1/audit-events`: newest first, cursor-paginated. */
export const ListAuditQuery = z.object({
  entityType: z.string().trim().max(60).optional(),
  entityId: Id.optional(),
  relatedTo: Id.optional().describe("Events about this record or any record belonging to it"),
  actorId: Id.optional(),
  action: z.string().trim().max(80).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const AuditEvent = z.object({
  id: Id,
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({
    type: z.enum(["user", "token", "system"]),
    id: Id.nullable(),
    name: z.string().nullable(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: Id.nullable(),
  relatedIds: z.array(Id),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export const VerifyResult = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  firstBad: z
    .object({ seq: z.number().int(), reason: z.enum(["altered", "missing", "relinked"]) })
    .optional(),
});
