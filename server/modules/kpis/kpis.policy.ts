import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with KPIs and their measurements. Every staff role reads (scorecards included).
 * Those who maintain contracts define KPIs and record measurements; integrations record them with
 * an API token of such a role. Only admins delete a KPI (its history goes with it).
 */
const KPI_EDITORS = anyOf("admin", "vendor_manager", "compliance_officer");

export const kpiPolicy = {
  read: STAFF_READ,
  create: KPI_EDITORS,
  update: KPI_EDITORS,
  delete: anyOf("admin"),
};

/** Recording, re-sending and deleting measurements. */
export const measurementPolicy = { read: STAFF_READ, write: KPI_EDITORS };
