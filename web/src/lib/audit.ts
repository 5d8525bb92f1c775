import { countryName } from "../../../domain/countries";
import { PARTNER_STATUS_LABELS, type PartnerStatus } from "../../../domain/lifecycle";
import { DATA_CATEGORY_LABELS } from "../../../domain/partner-parts";
import { CATEGORY_LABELS, type PartnerCategory } from "../../../domain/partners";
import { ROLE_LABELS, type Role } from "../../../domain/roles";
import { flagEmoji, formatDate, formatDateTime } from "./format";
import { describeDays } from "./siteClock";

/** Fields every record carries that say nothing to a reader of the trail. */
const NOISE = new Set([
  "id",
  "orgId",
  "partnerId",
  "createdAt",
  "updatedAt",
  "passwordHash",
  "tokenHash",
  // Derived from `country`, which is shown with its name already.
  "countryName",
]);

const FIELD_LABELS: Record<string, string> = {
  lei: "LEI",
  ownerId: "Owner",
  serviceIds: "Services",
  dataCategories: "Data shared",
  dataLocations: "Data locations",
  isPrimary: "Primary contact",
  subcontractor: "Sub-contractor",
  timeZone: "Time zone",
};

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
  risk: "risk",
  control: "control",
  risk_task: "treatment task",
  risk_category: "risk category",
  risk_settings: "risk settings",
  risk_signal: "risk signal",
  contract: "contract",
  contract_obligation: "obligation",
  contract_review: "contract review",
  kpi: "KPI",
  kpi_measurement: "KPI measurements",
  notification_event: "notification",
  notification: "notifications",
  notification_preferences: "notification preferences",
  webhook: "webhook",
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
  deactivate: "Deactivated",
  reactivate: "Reactivated",
  role_change: "Changed the role of",
  accept: "Accepted",
  acceptance_expired: "Acceptance expired, reopened",
  review: "Reviewed",
  control_link: "Linked a control to",
  control_unlink: "Unlinked a control from",
  raise: "Raised",
  reopen: "Reopened",
  resolve: "Resolved",
  dismiss: "Dismissed",
  record: "Recorded",
  bulk_upsert: "Imported",
  publish: "Published",
  expire: "Expired",
  notice_refresh: "Moved the notice deadline of",
  complete: "Completed",
  read: "Marked read",
  // Assessments (issue 6).
  send: "Sent",
  cancel: "Cancelled",
  submitted: "Submitted",
  answers_saved: "Saved answers of",
  evidence_added: "Added evidence to",
  evidence_removed: "Removed evidence from",
  answer_review: "Reviewed an answer of",
  clarification_request: "Requested clarification on",
  risk_from_answer: "Raised a risk from",
  lifecycle_exception: "Recorded a due-diligence exception for",
};

/** Entity types known to the audit trail, for the filter select. */
export const AUDIT_ENTITY_TYPES = Object.keys(ENTITY_LABELS).filter((k) => k !== "auth");

/** Common actions, suggested by the audit filter (others can be typed). */
export const AUDIT_ACTIONS = [
  "partner.create",
  "partner.update",
  "partner.status_change",
  "partner.delete",
  "site.create",
  "service.create",
  "contact.create",
  "subcontractor.create",
  "user.create",
  "user.update",
  "user.role_change",
  "user.deactivate",
  "user.password_change",
  "api_token.create",
  "api_token.revoke",
  "risk.create",
  "risk.update",
  "risk.accept",
  "risk.review",
  "risk_signal.accept",
  "risk_signal.dismiss",
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
  return FIELD_LABELS[key] ?? capitalize(key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
}

const country = (code: unknown) =>
  typeof code === "string" ? `${flagEmoji(code)} ${countryName(code)}` : String(code);

/** Formatting of fields whose raw JSON would read badly; keyed by field name. */
const FORMATTERS: Record<string, (v: unknown) => string> = {
  status: (v) => PARTNER_STATUS_LABELS[v as PartnerStatus] ?? String(v),
  role: (v) => ROLE_LABELS[v as Role] ?? String(v),
  category: (v) => CATEGORY_LABELS[v as PartnerCategory] ?? String(v),
  criticality: (v) => capitalize(String(v)),
  country,
  dataLocations: (v) => (Array.isArray(v) ? v.map(country).join(", ") : String(v)),
  dataCategories: (v) =>
    Array.isArray(v)
      ? v.map((c) => DATA_CATEGORY_LABELS[c as keyof typeof DATA_CATEGORY_LABELS] ?? c).join(", ")
      : String(v),
  startDate: (v) => formatDate(String(v)),
  serviceIds: (v) => (Array.isArray(v) ? `${v.length} linked` : String(v)),
  // A contract's clause checklist: name the clauses it holds rather than dump the JSON.
  clauses: (v) =>
    v && typeof v === "object"
      ? Object.entries(v as Record<string, unknown>)
          .filter(([, held]) => held === true)
          .map(([k]) => fieldLabel(k).toLowerCase())
          .join(", ") || "none"
      : String(v),
  // A bulk measurement import: per KPI, rows and what they showed.
  kpis: (v) =>
    Array.isArray(v)
      ? v
          .map((k: { id?: string; name?: string; rows?: number; breaches?: number; anomalies?: number }) => {
            const who = k.name ?? `KPI ${String(k.id).slice(0, 8)}…`;
            return `${who}: ${k.rows ?? 0} rows, ${k.breaches ?? 0} breaches, ${k.anomalies ?? 0} anomalies`;
          })
          .join("; ")
      : String(v),
  workingHours: (v) => {
    const w = v as { start?: string; end?: string; days?: number[] };
    return w?.start && w.end ? `${w.start}–${w.end}, ${describeDays(w.days ?? [])}` : JSON.stringify(v);
  },
};

/** A short readable form of any JSON value from before/after. */
export function formatValue(key: string, value: unknown, names?: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  // Ids of users (owner, creator) read as names when the viewer may know them.
  if (typeof value === "string" && /Id$/.test(key) && /^[0-9a-f-]{36}$/i.test(value)) {
    return names?.get(value) ?? `${value.slice(0, 8)}…`;
  }
  if (Array.isArray(value) && value.length === 0) return "—";
  const format = FORMATTERS[key];
  if (format) return format(value);
  if (/At$/.test(key) && typeof value === "string") return formatDateTime(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((v) => formatValue("", v)).join(", ");
  if (typeof value === "object") {
    // A nested record (e.g. the sub-contractor partner) reads best as its name.
    const name = (value as { name?: unknown }).name;
    return typeof name === "string" ? name : JSON.stringify(value);
  }
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
