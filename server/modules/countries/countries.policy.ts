import { anyOf, STAFF_READ } from "../../platform/access.js";

/** Who may see country profiles and change an organization's view of them. */
export const countryPolicy = {
  read: STAFF_READ,
  override: anyOf("admin", "risk_manager", "compliance_officer"),
  settings: anyOf("admin", "risk_manager"),
  /** Governance figures are installation-wide, so only administrators replace them. */
  import: anyOf("admin"),
};
