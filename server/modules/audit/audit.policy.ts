import { anyOf } from "../../platform/access.js";

/** The audit trail is for administrators and auditors. */
export const auditPolicy = {
  read: anyOf("admin", "auditor"),
};
