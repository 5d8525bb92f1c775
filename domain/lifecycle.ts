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

// ── Lifecycle view and gate (issue 6) ────────────────────────────────────────

/** A reason a move is not possible yet, with a stable code. */
export const LifecycleBlocker = z.object({ code: z.string(), message: z.string() });
export type LifecycleBlocker = z.infer<typeof LifecycleBlocker>;

/** One step of the lifecycle on the partner page. */
export const LifecycleStep = z.object({
  status: PartnerStatus,
  label: z.string(),
  state: z.enum(["done", "current", "upcoming", "skipped"]),
  /** What entering this step still needs (empty when nothing, or when done). */
  needs: z.array(z.string()),
});

/** A recorded, justified exception to the due-diligence gate. */
export const LifecycleException = z.object({
  id: z.uuid(),
  toStatus: PartnerStatus,
  justification: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
});

/** `GET /api/v1/partners/:id/lifecycle`. */
export const PartnerLifecycle = z.object({
  status: PartnerStatus,
  steps: z.array(LifecycleStep),
  /** Every move allowed from here by the transition table, and what blocks it (empty = allowed). */
  next: z.array(z.object({ status: PartnerStatus, label: z.string(), blockers: z.array(LifecycleBlocker) })),
  /** The latest completed due-diligence assessment, if any. */
  dueDiligence: z
    .object({ assessmentId: z.uuid(), conclusion: z.string(), completedAt: z.string() })
    .nullable(),
  exceptions: z.array(LifecycleException),
});
export type PartnerLifecycle = z.infer<typeof PartnerLifecycle>;

/** `POST /api/v1/partners/:id/lifecycle/exceptions` (admins and risk managers). */
export const CreateLifecycleException = z
  .object({
    toStatus: z.literal("contracting"),
    justification: z.string().trim().min(20, "Say why in at least 20 characters").max(4000),
  })
  .strict();

/**
 * Pure gate: what blocks moving to `to`, given whether a passing due-diligence assessment exists
 * (completed with `pass` or `pass_with_conditions`) and whether an exception is recorded.
 */
export function lifecycleBlockers(
  to: PartnerStatus,
  facts: { passedDueDiligence: boolean; failedDueDiligence: boolean; exception: boolean },
): LifecycleBlocker[] {
  if (to !== "contracting" || facts.passedDueDiligence || facts.exception) return [];
  return [
    {
      code: "due_diligence_required",
      message: facts.failedDueDiligence
        ? "The last due-diligence assessment failed: complete a new one, or record a justified exception"
        : "Complete a due-diligence assessment, or record a justified exception",
    },
  ];
}

export type LifecycleException = z.infer<typeof LifecycleException>;
export type CreateLifecycleException = z.infer<typeof CreateLifecycleException>;
export type LifecycleStep = z.infer<typeof LifecycleStep>;

/**
 * What entering a step needs, in words. Only the due-diligence need of `contracting` is enforced
 * (by `lifecycleBlockers`); the others are informational: the lifecycle shows them so a team can see
 * what is missing, but real relationships do not always follow the book and we do not block them.
 */
export const LIFECYCLE_NEEDS = {
  dueDiligence:
    "A completed due-diligence assessment (pass or pass with conditions) or a justified exception",
  signedContract: "A signed contract (a contract with status Active)",
  exitPlan: "An exit plan recorded on one of its contracts",
} as const;

/** Facts about a partner from which the lifecycle steps are drawn (all computed by the server). */
export interface LifecycleFacts {
  /** What entering each step still needs (see `LIFECYCLE_NEEDS`); missing = nothing. */
  needs: Partial<Record<PartnerStatus, string[]>>;
  /** For an exited partner: the status it left from, when the audit trail records it. */
  exitedFrom?: PartnerStatus | null;
}

/**
 * The steps of the lifecycle as the partner page shows them: those before the current status are
 * done, the current one is current, the rest upcoming with what entering them needs. A partner that
 * was dropped before a contract existed (identified, due diligence or contracting → exited) never
 * went through onboarding, active and exiting: those are `skipped` rather than done. When the route
 * to `exited` is unknown (e.g. a partner imported as exited) every earlier step counts as done, as it
 * does for a partner imported at any other later status.
 */
export function lifecycleSteps(status: PartnerStatus, facts: LifecycleFacts): LifecycleStep[] {
  const at = PARTNER_STATUSES.indexOf(status);
  const from = facts.exitedFrom ? PARTNER_STATUSES.indexOf(facts.exitedFrom) : -1;
  const dropped =
    status === "exited" && from >= 0 && from < PARTNER_STATUSES.indexOf("onboarding") ? from : null;
  return PARTNER_STATUSES.map((s, i) => {
    let state: LifecycleStep["state"];
    if (i === at) state = "current";
    else if (dropped !== null) state = i <= dropped ? "done" : "skipped";
    else state = i < at ? "done" : "upcoming";
    return {
      status: s,
      label: PARTNER_STATUS_LABELS[s],
      state,
      needs: state === "upcoming" ? [...(facts.needs[s] ?? [])] : [],
    };
  });
}
