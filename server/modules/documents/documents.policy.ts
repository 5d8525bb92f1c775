import { anyOf, type Rule, STAFF_READ } from "../../platform/access.js";

/** Partner-portal users: they reach only what is shared with them, decided in the service. */
const PARTNER: Rule = (actor) => actor.role === "partner" && actor.partnerId !== null;

/**
 * Who may do what with documents. Every staff role reads and downloads; the roles that own
 * partner relationships, contracts, compliance and risk upload and share; only admins delete.
 * The access log (who received which copy) and leak tracing are for the roles that investigate:
 * admins, risk and compliance, and auditors for the log.
 */
export const documentPolicy = {
  read: STAFF_READ,
  write: anyOf("admin", "vendor_manager", "compliance_officer", "risk_manager"),
  delete: anyOf("admin"),
  share: anyOf("admin", "vendor_manager", "compliance_officer", "risk_manager"),
  accessLog: anyOf("admin", "risk_manager", "compliance_officer", "auditor", "vendor_manager"),
  trace: anyOf("admin", "risk_manager", "compliance_officer"),
  /** `GET /documents/:id/content`: staff, or a partner user for a live share (checked in the service). */
  content: (actor) => STAFF_READ(actor) || PARTNER(actor),
} satisfies Record<string, Rule>;

/** `GET /portal/documents`: partner users only. */
export const portalDocumentPolicy = { use: PARTNER };
