/** Labels and colours of the contract area, keyed by the shared domain enums. */

import type { NoticeStatus, Recurrence } from "../../../../domain/contract-terms";
import type { ClauseKey, ContractStatus, ContractType } from "../../../../domain/contracts";

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  msa: "MSA",
  sow: "SOW",
  nda: "NDA",
  dpa: "DPA",
  sla: "SLA",
  other: "Other",
};

/** Full names for tooltips and selects: the acronyms alone are opaque to newcomers. */
export const CONTRACT_TYPE_NAMES: Record<ContractType, string> = {
  msa: "Master services agreement",
  sow: "Statement of work",
  nda: "Non-disclosure agreement",
  dpa: "Data processing agreement",
  sla: "Service level agreement",
  other: "Other",
};

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: "Draft",
  active: "Active",
  expired: "Expired",
  terminated: "Terminated",
};

export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = {
  draft: "gray",
  active: "teal",
  expired: "orange",
  terminated: "red",
};

export const CLAUSE_LABELS: Record<ClauseKey, string> = {
  auditRights: "Audit rights",
  dataProtection: "Data protection",
  ipOwnership: "IP ownership",
  confidentiality: "Confidentiality",
  subcontractingApproval: "Sub-contracting approval",
  terminationExitAssistance: "Termination & exit assistance",
  complianceWithLaws: "Compliance with laws",
  serviceLevels: "KPIs / service levels",
};

/** Clauses whose absence the risk signals flag for services handling personal data. */
export const KEY_CLAUSES: readonly ClauseKey[] = ["auditRights", "dataProtection"];

export const NOTICE_COLORS: Record<NoticeStatus, string> = {
  ok: "gray",
  due_soon: "orange",
  overdue: "red",
  none: "gray",
};

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  none: "One-off",
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
};

export const REVIEW_OUTCOME_LABELS = {
  satisfactory: "Satisfactory",
  needs_improvement: "Needs improvement",
  unsatisfactory: "Unsatisfactory",
} as const;

export const REVIEW_OUTCOME_COLORS = {
  satisfactory: "teal",
  needs_improvement: "yellow",
  unsatisfactory: "red",
} as const;

export const SIDE_LABELS = { ours: "Ours", theirs: "Theirs" } as const;
export const OBLIGATION_STATUS_LABELS = { open: "Open", done: "Done", waived: "Waived" } as const;
export const OBLIGATION_STATUS_COLORS = { open: "blue", done: "teal", waived: "gray" } as const;

/** "1 250 000 EUR" in the viewer's locale, or an em dash. */
export function formatMoney(value: number | string | null | undefined, currency: string | null | undefined) {
  if (value === null || value === undefined || value === "") return "—";
  const n = Number(value);
  if (!Number.isFinite(n)) return "—";
  try {
    return new Intl.NumberFormat(undefined, {
      style: currency ? "currency" : "decimal",
      currency: currency ?? undefined,
      maximumFractionDigits: 0,
    }).format(n);
  } catch {
    return `${n.toLocaleString()} ${currency ?? ""}`.trim();
  }
}
