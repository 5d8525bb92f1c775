import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with contracts. Every staff role reads. Vendor managers (who own the partner
 * relationship) and compliance officers (legal) maintain contracts, their obligations and reviews
 * with admins; only admins delete a contract. Partner-portal users see nothing of it.
 */
const CONTRACT_EDITORS = anyOf("admin", "vendor_manager", "compliance_officer");

export const contractPolicy = {
  read: STAFF_READ,
  create: CONTRACT_EDITORS,
  update: CONTRACT_EDITORS,
  delete: anyOf("admin"),
  review: CONTRACT_EDITORS,
  export: STAFF_READ,
};

/** Obligations and deliverables under contracts. */
export const obligationPolicy = { read: STAFF_READ, write: CONTRACT_EDITORS };
