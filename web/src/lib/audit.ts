import { PARTNER_STATUS_LABELS, type PartnerStatus } from "../../../domain/lifecycle";
import { ROLE_LABELS, type Role } from "../../../domain/roles";

/** Fields every record carries that say nothing to a reader of the trail. */
const NOISE = new Set(["id", "orgId", "partnerId", "createdAt", "updatedAt", "passwordHash", "tokenHash"]);

const ENTITY_LABELS: Record<string, string> = {
  partner: "partner",
  site: "site",
  service: "service",
  contact: "contact",
  subcontractor: "sub-contractor",
  user: "user",
  api_token: "API token",
  organization: "organization",
  auth: "session",
};

const VERBS: Record<string, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  revoke: "Revoked",
  status_change: "Changed the status of",
  login: "Signed in",
  logout: "Signed out",
  login_failed: "Failed sign-in",
  password_change: "Changed the password of",
  import: "Imported",
};

/** Entity types known to the audit trail, for the filter select. */
export const AUDIT_ENTITY_TYPES = Object.keys(ENTITY_LABELS).filter((k) => k !== "auth");

/** Common actions, suggested by the audit filter (others can be typed). */
export const AUDIT_ACTIONS = [
  "partner.create",
  "partner.update",
  "partner.status_change",
  "partner.delete",
  "partner.import",
  "site.create",
  "service.create",
  "contact.create",
  "subcontractor.create",
  "user.create",
  "user.update",
  "user.password_change",
  "api_token.create",
  "api_token.revoke",
  "auth.login",
  "auth.login_failed",
  "auth.logout",
];

/** Human label of an entity type ("api_token" → "API token"). */
export function entityLabel(type: string): string {
  return ENTITY_LABELS[type] ?? type.replaceAll("_", " ");
}

/**
 * A sentence for an action such as "partner.status_change" → "Changed the status of partner".
 * Actions are `<entity>.<verb>`; unknown verbs fall back to the raw words rather than hiding them.
 */
export function describeAction(action: string, entityType: string): string {
  const [entity, verb = ""] = action.includes(".") ? action.split(".", 2) : [entityType, action];
  if (entity === "auth") return VERBS[verb] ?? verb.replaceAll("_", " ");
  const label = VERBS[verb] ?? capitalize(verb.replaceAll("_", " "));
  return `${label} ${entityLabel(entity)}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "legalName" → "Legal name". */
export function fieldLabel(key: string): string {
  return capitalize(key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
}

/** A short readable form of any JSON value from before/after. */
export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (key === "status" && typeof value === "string" && value in PARTNER_STATUS_LABELS) {
    return PARTNER_STATUS_LABELS[value as PartnerStatus];
  }
  if (key === "role" && typeof value === "string" && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map((v) => formatValue("", v)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One changed field of an audit event. */
export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The fields that differ between `before` and `after`; for a creation every set field of `after`,
 * for a deletion every field of `before`. Bookkeeping fields are left out.
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOISE.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ key: k, before: b[k], after: a[k] }));
}
