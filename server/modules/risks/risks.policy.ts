import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what in the risk register. Every staff role reads. Risk managers and admins run the
 * register; vendor managers (who own partner relationships) and compliance officers (who raise
 * regulatory risks) may also record and update risks, their treatment tasks and their reviews,
 * but only risk managers and admins delete risks, accept them, curate the control library and the
 * taxonomy, and change the scoring settings. Partner-portal users see nothing of it.
 */
const RISK_EDITORS = anyOf("admin", "risk_manager", "vendor_manager", "compliance_officer");
const RISK_OWNERS = anyOf("admin", "risk_manager");

export const riskPolicy = {
  read: STAFF_READ,
  create: RISK_EDITORS,
  update: RISK_EDITORS,
  delete: RISK_OWNERS,
  accept: RISK_OWNERS,
  review: RISK_EDITORS,
  export: STAFF_READ,
};

/** Treatment tasks of risks. */
export const riskTaskPolicy = { read: STAFF_READ, write: RISK_EDITORS };

/** The control library, and linking controls to risks. */
export const controlPolicy = { read: STAFF_READ, write: RISK_OWNERS };

/** The organization's risk taxonomy. */
export const riskCategoryPolicy = { read: STAFF_READ, write: RISK_OWNERS };

/** Scoring thresholds and signal bounds. */
export const riskSettingsPolicy = { read: STAFF_READ, write: RISK_OWNERS };
