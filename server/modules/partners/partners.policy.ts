import { anyOf, STAFF_READ } from "../../platform/access.js";

/** Who may do what with partners and their sites, services, contacts and sub-contractors. */
export const partnerPolicy = {
  read: STAFF_READ,
  create: anyOf("admin", "vendor_manager"),
  update: anyOf("admin", "vendor_manager"),
  delete: anyOf("admin"),
  import: anyOf("admin", "vendor_manager"),
  export: STAFF_READ,
  /** Recording a justified exception to the due-diligence gate is a risk decision. */
  lifecycleException: anyOf("admin", "risk_manager"),
};
