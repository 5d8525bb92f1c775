import {
  type Clauses,
  type ContractStatus,
  type ContractType,
  CreateContract,
  contractProblems,
  NO_CLAUSES,
} from "../../../../domain/contracts";
import { nullIfBlank, zodErrors } from "../../lib/forms";
import type { Contract } from "./queries";

/** The contract form's values, its conversion to the API body, and its checks before any request. */

export interface Values {
  partnerId: string | null;
  partnerName: string | null;
  type: ContractType;
  title: string;
  reference: string;
  parentId: string | null;
  ownerId: string | null;
  status: ContractStatus;
  startDate: string | null;
  endDate: string | null;
  autoRenewal: boolean;
  renewalTermMonths: number | string;
  noticePeriodDaysOurs: number | string;
  noticePeriodDaysTheirs: number | string;
  value: number | string;
  currency: string | null;
  governingLaw: string | null;
  clauses: Clauses;
  reviewIntervalDays: number | string;
  nextReviewDate: string | null;
  exitPlanHas: boolean;
  exitPlanSummary: string;
  exitPlanLastTestedAt: string | null;
  serviceIds: string[];
}

/** Form values of a contract being edited, or of a new one (optionally for a known partner). */
export const fromContract = (c: Contract | null, partner?: { id: string; name: string }): Values => ({
  partnerId: c?.partner.id ?? partner?.id ?? null,
  partnerName: c?.partner.name ?? partner?.name ?? null,
  type: c?.type ?? "msa",
  title: c?.title ?? "",
  reference: c?.reference ?? "",
  parentId: c?.parent?.id ?? null,
  ownerId: c?.owner?.id ?? null,
  status: c?.status ?? "draft",
  startDate: c?.startDate ?? null,
  endDate: c?.endDate ?? null,
  autoRenewal: c?.autoRenewal ?? false,
  renewalTermMonths: c?.renewalTermMonths ?? "",
  noticePeriodDaysOurs: c?.noticePeriodDaysOurs ?? "",
  noticePeriodDaysTheirs: c?.noticePeriodDaysTheirs ?? "",
  value: c?.value === null || c?.value === undefined ? "" : Number(c.value),
  currency: c?.currency ?? null,
  governingLaw: c?.governingLaw ?? null,
  clauses: { ...NO_CLAUSES, ...c?.clauses },
  reviewIntervalDays: c?.reviewIntervalDays ?? 365,
  nextReviewDate: c?.nextReviewDate ?? null,
  exitPlanHas: c?.exitPlan.has ?? false,
  exitPlanSummary: c?.exitPlan.summary ?? "",
  exitPlanLastTestedAt: c?.exitPlan.lastTestedAt?.slice(0, 10) ?? null,
  serviceIds: c?.services.map((s) => s.id) ?? [],
});

const numberOrNull = (v: number | string) => (v === "" ? null : Number(v));

/** The API body of the form (without the partner, which only a new contract sends). */
export const toBody = (v: Values) => ({
  type: v.type,
  title: v.title.trim(),
  reference: nullIfBlank(v.reference),
  parentId: v.parentId,
  ownerId: v.ownerId,
  status: v.status,
  startDate: v.startDate || null,
  endDate: v.endDate || null,
  autoRenewal: v.autoRenewal,
  // A renewal term only means something for a contract that renews itself.
  renewalTermMonths: v.autoRenewal ? numberOrNull(v.renewalTermMonths) : null,
  noticePeriodDaysOurs: numberOrNull(v.noticePeriodDaysOurs),
  noticePeriodDaysTheirs: numberOrNull(v.noticePeriodDaysTheirs),
  value: numberOrNull(v.value),
  currency: v.currency || null,
  governingLaw: v.governingLaw || null,
  clauses: v.clauses,
  reviewIntervalDays: numberOrNull(v.reviewIntervalDays),
  nextReviewDate: v.nextReviewDate || null,
  exitPlan: {
    has: v.exitPlanHas,
    summary: nullIfBlank(v.exitPlanSummary),
    lastTestedAt: v.exitPlanLastTestedAt || null,
  },
  serviceIds: v.serviceIds,
});

/** The fields of an edit that differ from the contract as loaded, so a PATCH audits only those. */
export function changedFields(contract: Contract, v: Values) {
  const before: Record<string, unknown> = toBody(fromContract(contract));
  return Object.fromEntries(
    Object.entries(toBody(v)).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k])),
  );
}

/** Form errors of the shared schema and its cross-field rules (end ≥ start, value needs currency). */
export function validate(v: Values) {
  const errors = zodErrors(CreateContract, { ...toBody(v), partnerId: v.partnerId ?? undefined });
  if (!v.partnerId) errors.partnerId = "Choose a partner";
  for (const p of contractProblems(toBody(v))) errors[p.path.replace(/^body\./, "")] ??= p.message;
  return errors;
}

/** Inline problems shown while typing, before a submit (the end date before the start date). */
export const liveProblems = (v: Values): Record<string, string> =>
  Object.fromEntries(contractProblems(toBody(v)).map((p) => [p.path.replace(/^body\./, ""), p.message]));
