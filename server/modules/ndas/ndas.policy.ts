import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with NDAs: every staff role reads; vendor managers (who own the relationship)
 * and compliance officers (legal) keep the register with admins; only admins delete. Partner-portal
 * users see nothing of it.
 */
export const ndaPolicy = {
  read: STAFF_READ,
  create: anyOf("admin", "vendor_manager", "compliance_officer"),
  update: anyOf("admin", "vendor_manager", "compliance_officer"),
  delete: anyOf("admin"),
};
