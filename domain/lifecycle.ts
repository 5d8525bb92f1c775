import { z } from "zod";

/** The partner lifecycle, in its normal order. */
export const PARTNER_STATUSES = [
  "identified",
  "due_diligence",
  "contracting",
  "onboarding",
  "active",
  "exiting",
  "exited",
] as const;
export const PartnerStatus = z.enum(PARTNER_STATUSES);
export type PartnerStatus = z.infer<typeof PartnerStatus>;

/**
 * Allowed moves. Forward one step is the normal path; a candidate may be dropped (→ exited) or sent
 * back one step before a contract exists; once onboarding has begun the way out is through
 * `exiting`, so that exit assistance is planned rather than skipped; an exit can be called off
 * (exiting → active), and an exited partner can be considered again (→ identified).
 */
export const PARTNER_TRANSITIONS: Record<PartnerStatus, readonly PartnerStatus[]> = {
  identified: ["due_diligence", "exited"],
  due_diligence: ["contracting", "identified", "exited"],
  contracting: ["onboarding", "due_diligence", "exited"],
  onboarding: ["active", "exiting"],
  active: ["exiting"],
  exiting: ["exited", "active"],
  exited: ["identified"],
};

/** True when a partner in `from` may move to `to` (staying put is always allowed). */
export function canTransition(from: PartnerStatus, to: PartnerStatus): boolean {
  return from === to || PARTNER_TRANSITIONS[from].includes(to);
}

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  identified: "Identified",
  due_diligence: "Due diligence",
  contracting: "Contracting",
  onboarding: "Onboarding",
  active: "Active",
  exiting: "Exiting",
  exited: "Exited",
};
