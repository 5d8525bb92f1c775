import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with assessments. Vendor managers run them (create, send, chase); reviewing
 * answers is a risk or compliance task; the conclusion is a risk manager's or an admin's call.
 */
export const assessmentPolicy = {
  read: STAFF_READ,
  write: anyOf("admin", "risk_manager", "vendor_manager", "compliance_officer"),
  review: anyOf("admin", "risk_manager", "compliance_officer"),
  conclude: anyOf("admin", "risk_manager"),
  settings: anyOf("admin", "risk_manager"),
};

/** The partner portal: partner users only (staff use the internal API). */
export const portalPolicy = {
  use: anyOf("partner"),
};

/** Partner-user invitations. */
export const invitationPolicy = {
  read: anyOf("admin", "vendor_manager"),
  create: anyOf("admin", "vendor_manager"),
  revoke: anyOf("admin", "vendor_manager"),
};
