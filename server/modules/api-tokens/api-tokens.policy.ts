import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Any staff member may create tokens for integrations, limited to the roles they may grant
 * (`grantableTokenRoles`); admins see and revoke all of the organization's tokens, others their own.
 */
export const apiTokenPolicy = {
  read: STAFF_READ,
  create: STAFF_READ,
  revoke: STAFF_READ,
  manageAll: anyOf("admin"),
};
