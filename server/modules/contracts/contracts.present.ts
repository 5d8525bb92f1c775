import { alias } from "drizzle-orm/pg-core";
import { noticeDeadline } from "../../../domain/contract-terms.js";
import {
  CLAUSE_KEYS,
  type ContractListItem,
  type ContractReview,
  type ContractStatus,
  type ContractType,
  type Obligation,
} from "../../../domain/contracts.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { type contractObligations, type contractReviews, contracts } from "./contracts.tables.js";

export const contractOwner = alias(users, "contract_owner");
export const parentContract = alias(contracts, "parent_contract");

/** The columns of a presented contract; select with the joins of `selectContracts`. */
export const contractColumns = {
  contract: contracts,
  partner: { id: partners.id, name: partners.name },
  parent: { id: parentContract.id, title: parentContract.title },
  owner: { id: contractOwner.id, name: contractOwner.name },
};

type ContractRow = typeof contracts.$inferSelect;
type Ref = { id: string | null; name: string | null } | null;
export interface ContractSelectRow {
  contract: ContractRow;
  partner: Ref;
  parent: { id: string | null; title: string | null } | null;
  owner: Ref;
}

const ref = (r: Ref) => (r?.id ? { id: r.id, name: r.name ?? "" } : null);

/** Whitelists a contract row for the list; `today` decides the notice status and overdue review. */
export function presentContractListItem(r: ContractSelectRow, today: string): ContractListItem {
  const c = r.contract;
  const active = c.status === "active" || c.status === "draft";
  return {
    id: c.id,
    // The partner is a NOT NULL foreign key of the same organization, so the join always matches.
    partner: ref(r.partner)!,
    type: c.type as ContractType,
    title: c.title,
    reference: c.reference,
    parent: r.parent?.id ? { id: r.parent.id, title: r.parent.title ?? "" } : null,
    status: c.status as ContractStatus,
    startDate: c.startDate,
    endDate: c.endDate,
    autoRenewal: c.autoRenewal,
    renewalTermMonths: c.renewalTermMonths,
    noticePeriodDaysOurs: c.noticePeriodDaysOurs,
    noticePeriodDaysTheirs: c.noticePeriodDaysTheirs,
    value: c.value,
    currency: c.currency,
    governingLaw: c.governingLaw,
    clauses: c.clauses,
    clauseCoverage: { present: CLAUSE_KEYS.filter((k) => c.clauses[k]).length, total: CLAUSE_KEYS.length },
    notice: noticeDeadline(c, today),
    reviewIntervalDays: c.reviewIntervalDays,
    nextReviewDate: c.nextReviewDate,
    reviewOverdue: active && c.nextReviewDate !== null && c.nextReviewDate < today,
    exitPlan: { has: c.hasExitPlan, summary: c.exitPlanSummary, lastTestedAt: c.exitPlanLastTestedAt },
    owner: ref(r.owner),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The audit snapshot of a contract: its own fields, without timestamps or the derived deadline. */
export function contractSnapshot(c: ContractRow, serviceIds?: string[]) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, noticeDeadline: _n, ...fields } = c;
  return serviceIds ? { ...fields, serviceIds } : fields;
}

type ObligationRow = typeof contractObligations.$inferSelect;

/** Whitelists an obligation with its contract and partner. */
export function presentObligation(
  o: ObligationRow,
  contract: { id: string; title: string },
  partner: { id: string; name: string },
  today: string,
): Obligation {
  return {
    id: o.id,
    contract,
    partner,
    title: o.title,
    side: o.side as Obligation["side"],
    dueDate: o.dueDate,
    recurrence: o.recurrence as Obligation["recurrence"],
    status: o.status as Obligation["status"],
    evidenceNote: o.evidenceNote,
    completedAt: o.completedAt?.toISOString() ?? null,
    overdue: o.status === "open" && o.dueDate !== null && o.dueDate < today,
    createdAt: o.createdAt.toISOString(),
  };
}

/** The audit snapshot of an obligation. */
export function obligationSnapshot(o: ObligationRow) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...fields } = o;
  return fields;
}

/** Whitelists a review with its reviewer. */
export function presentContractReview(r: typeof contractReviews.$inferSelect, reviewer: Ref): ContractReview {
  return {
    id: r.id,
    contractId: r.contractId,
    outcome: r.outcome as ContractReview["outcome"],
    notes: r.notes,
    reviewedAt: r.reviewedAt.toISOString(),
    reviewer: ref(reviewer),
    nextReviewDate: r.nextReviewDate,
  };
}
