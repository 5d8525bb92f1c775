import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with documents. Every staff role reads and downloads; the roles that own
 * partner relationships, contracts, compliance and risk upload; only admins delete. Partner-portal
 * users get nothing yet (sharing with partners comes with issue 7's sharing rules).
 */
export const documentPolicy = {
  read: STAFF_READ,
  write: anyOf("admin", "vendor_manager", "compliance_officer", "risk_manager"),
  delete: anyOf("admin"),
};
