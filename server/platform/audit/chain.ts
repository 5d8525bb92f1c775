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
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + canonicalJson(value[i]);
    return `${out}]`;
  }
  // A plain loop over sorted keys: this runs for every audit event (thousands per signal
  // evaluation), and the entries/filter/map/join version was several times slower.
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** `sha256(prevHash ‖ canonical JSON of the event)`, hex. */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(event)).digest("hex");
}
