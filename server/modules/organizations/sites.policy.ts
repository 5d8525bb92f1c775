import { anyOf, STAFF_READ } from "../../platform/access.js";

/** Who may see and change the organization's own sites. */
export const organizationSitePolicy = {
  read: STAFF_READ,
  create: anyOf("admin", "vendor_manager"),
  update: anyOf("admin", "vendor_manager"),
  delete: anyOf("admin", "vendor_manager"),
};
