/** The audit log's URL state. */
export interface AuditSearch {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;
const str = (v: unknown, re?: RegExp) =>
  typeof v === "string" && v.trim() && (!re || re.test(v)) ? v.trim().slice(0, 80) : undefined;

/** Reads the audit filters from the URL, dropping malformed values. */
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  return {
    entityType: str(raw.entityType),
    entityId: str(raw.entityId, UUID),
    action: str(raw.action),
    actorId: str(raw.actorId, UUID),
    from: str(raw.from, DATE),
    to: str(raw.to, DATE),
  };
}
