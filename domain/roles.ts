import { z } from "zod";

/** Internal staff roles, most powerful first. `partner` is the portal role of a partner's own staff. */
export const STAFF_ROLES = [
  "admin",
  "risk_manager",
  "vendor_manager",
  "compliance_officer",
  "auditor",
  "viewer",
] as const;
export const ROLES = [...STAFF_ROLES, "partner"] as const;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** Human labels for roles, shared by the API docs and the web app. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  risk_manager: "Risk manager",
  vendor_manager: "Vendor manager",
  compliance_officer: "Compliance officer",
  auditor: "Auditor",
  viewer: "Viewer",
  partner: "Partner user",
};

/**
 * Roles a user holding `creator` may hand to an API token: never more than the creator holds.
 * Admins may mint any staff role. The specialist roles are not ranked against each other (a risk
 * manager cannot act as a compliance officer), so they may mint only their own role or the
 * read-only `viewer`. An auditor's reading of the audit trail is not a viewer's right, hence the
 * same rule for auditors.
 */
export function grantableTokenRoles(creator: Role): StaffRole[] {
  if (creator === "admin") return [...STAFF_ROLES];
  if (creator === "partner") return [];
  return creator === "viewer" ? ["viewer"] : [creator, "viewer"];
}
