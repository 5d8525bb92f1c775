import { createHash } from "node:crypto";

/** The fields of an audit event that the hash covers, in a fixed shape. */
export interface ChainedEvent {
  orgId: string;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  relatedIds: string[];
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** The hash that precedes the first event of every organization. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Canonical JSON: object keys sorted at every depth, no whitespace. Two equal values always give
 * the same text, whatever order PostgreSQL's jsonb hands the keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** `sha256(prevHash ‖ canonical JSON of the event)`, hex. */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(event)).digest("hex");
}
