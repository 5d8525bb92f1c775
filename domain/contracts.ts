import { z } from "zod";
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, PlainString, Text } from "./common.js";
import { NOTICE_STATUSES, RECURRENCES } from "./contract-terms.js";

/**
 * The contracts API vocabulary: one schema per endpoint body, query and response. The notice
 * arithmetic lives in `contract-terms.ts`.
 */

export const CONTRACT_TYPES = ["msa", "sow", "nda", "dpa", "sla", "other"] as const;
export const ContractType = z.enum(CONTRACT_TYPES);
export type ContractType = z.infer<typeof ContractType>;

export const CONTRACT_STATUSES = ["draft", "active", "expired", "terminated"] as const;
export const ContractStatus = z.enum(CONTRACT_STATUSES);
export type ContractStatus = z.infer<typeof ContractStatus>;

/** The clause checklist, in the order the contract page lists it. */
export const CLAUSE_KEYS = [
  "auditRights",
  "dataProtection",
  "ipOwnership",
  "confidentiality",
  "subcontractingApproval",
  "terminationExitAssistance",
  "complianceWithLaws",
  "serviceLevels",
] as const;
export type ClauseKey = (typeof CLAUSE_KEYS)[number];
export const Clauses = z.object(
  Object.fromEntries(CLAUSE_KEYS.map((k) => [k, z.boolean()])) as Record<ClauseKey, z.ZodBoolean>,
);
export type Clauses = z.infer<typeof Clauses>;
/** Every clause unchecked: what a new contract starts with. */
export const NO_CLAUSES = Object.fromEntries(CLAUSE_KEYS.map((k) => [k, false])) as Clauses;

export const ObligationSide = z.enum(["ours", "theirs"]);
export const Recurrence = z.enum(RECURRENCES);
export const OBLIGATION_STATUSES = ["open", "done", "waived"] as const;
export const ObligationStatus = z.enum(OBLIGATION_STATUSES);
export const REVIEW_OUTCOMES = ["satisfactory", "needs_improvement", "unsatisfactory"] as const;
export const ReviewOutcome = z.enum(REVIEW_OUTCOMES);

/** ISO 4217 alphabetic code, upper-cased, validated against the runtime's list. */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => Intl.supportedValuesOf("currency").includes(c), {
    message: "Not an ISO 4217 currency code",
  });

/** The exit plan of a contract (DORA/EBA: documented, and tested). */
export const ExitPlan = z.object({
  has: z.boolean(),
  summary: z.string().nullable(),
  lastTestedAt: z.string().nullable(),
});
export type ExitPlan = z.infer<typeof ExitPlan>;

const Ref = z.object({ id: Id, name: z.string() });
const QueryBool = z.enum(["true", "false"]);
const multi = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]).optional();

/** The notice deadline of the current term, with the sentence explaining it. */
export const NoticeDeadline = z.object({
  termEnd: z.string().nullable(),
  date: z.string().nullable(),
  daysUntil: z.number().int().nullable(),
  status: z.enum(NOTICE_STATUSES),
  explanation: z.string(),
});

/** A row of the contract list. */
export const ContractListItem = z.object({
  id: Id,
  partner: Ref,
  type: ContractType,
  title: z.string(),
  reference: z.string().nullable(),
  parent: z.object({ id: Id, title: z.string() }).nullable(),
  status: ContractStatus,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  autoRenewal: z.boolean(),
  renewalTermMonths: z.number().int().nullable(),
  noticePeriodDaysOurs: z.number().int().nullable(),
  noticePeriodDaysTheirs: z.number().int().nullable(),
  /** Decimal string, exact (e.g. "120000.00"). */
  value: z.string().nullable(),
  currency: z.string().nullable(),
  governingLaw: z.string().nullable(),
  clauses: Clauses,
  /** How many of the eight checklist clauses the contract has. */
  clauseCoverage: z.object({ present: z.number().int(), total: z.number().int() }),
  notice: NoticeDeadline,
  reviewIntervalDays: z.number().int().nullable(),
  nextReviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  exitPlan: ExitPlan,
  owner: Ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContractListItem = z.infer<typeof ContractListItem>;

/** A contract review as recorded. */
export const ContractReview = z.object({
  id: Id,
  contractId: Id,
  outcome: ReviewOutcome,
  notes: z.string().nullable(),
  reviewedAt: z.string(),
  reviewer: Ref.nullable(),
  nextReviewDate: z.string().nullable(),
});
export type ContractReview = z.infer<typeof ContractReview>;

/** The contract page: the list item plus the services it covers, its obligations and last review. */
export const Contract = ContractListItem.extend({
  services: z.array(z.object({ id: Id, name: z.string(), criticality: z.string() })),
  obligations: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int() }),
  lastReview: ContractReview.nullable(),
});
export type Contract = z.infer<typeof Contract>;

const contractFields = {
  partnerId: Id,
  type: ContractType,
  title: Text(300),
  reference: OptionalText(120),
  /** Another contract of the same partner (e.g. the MSA of a SOW). */
  parentId: Id.nullable().optional(),
  status: ContractStatus,
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  autoRenewal: z.boolean(),
  renewalTermMonths: z.number().int().min(1).max(120).nullable().optional(),
  noticePeriodDaysOurs: z.number().int().min(0).max(3650).nullable().optional(),
  noticePeriodDaysTheirs: z.number().int().min(0).max(3650).nullable().optional(),
  /** Up to 2 decimals; requires `currency`. */
  value: z.number().min(0).max(1e13).multipleOf(0.01).nullable().optional(),
  currency: CurrencyCode.nullable().optional(),
  governingLaw: CountryCode.nullable().optional(),
  clauses: Clauses.partial().optional(),
  reviewIntervalDays: z.number().int().min(1).max(1095).nullable().optional(),
  nextReviewDate: IsoDate.nullable().optional(),
  exitPlan: z
    .object({
      has: z.boolean(),
      summary: OptionalText(5000),
      lastTestedAt: IsoDate.nullable().optional(),
    })
    .optional(),
  ownerId: Id.nullable().optional(),
  /** Services of the same partner the contract covers (replaces the whole set on update). */
  serviceIds: z.array(Id).max(200).optional(),
};

/** Body of `POST /api/v1/contracts`. */
export const CreateContract = z.object({
  ...contractFields,
  status: ContractStatus.default("draft"),
  autoRenewal: z.boolean().default(false),
});
export type CreateContract = z.infer<typeof CreateContract>;

/** Body of `PATCH /api/v1/contracts/:id`: any subset (the partner cannot change). */
export const UpdateContract = z
  .object(contractFields)
  .omit({ partnerId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateContract = z.infer<typeof UpdateContract>;

/** The fields the cross-field rules check, after merging a patch into the stored contract. */
export interface ContractShape {
  startDate?: string | null;
  endDate?: string | null;
  value?: number | string | null;
  currency?: string | null;
}

/** Cross-field rules: end ≥ start, and a value needs its currency. Empty when valid. */
export function contractProblems(c: ContractShape): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (c.startDate && c.endDate && c.endDate < c.startDate)
    out.push({ path: "body.endDate", message: "The end date must not be before the start date" });
  if (c.value !== null && c.value !== undefined && !c.currency)
    out.push({ path: "body.currency", message: "A value needs its currency" });
  return out;
}

export const CONTRACT_SORTS = [
  "endDate",
  "-endDate",
  "noticeDeadline",
  "-noticeDeadline",
  "title",
  "-title",
  "createdAt",
  "-createdAt",
] as const;

/** Query of `GET /api/v1/contracts` (and, without paging, of the CSV export). */
export const ListContractsQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  partnerId: Id.optional(),
  type: multi(ContractType),
  status: multi(ContractStatus),
  /** Contracts ending between today and today + n days. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Contracts whose notice deadline is before today + n days (overdue ones included). */
  noticeDueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(CONTRACT_SORTS).default("noticeDeadline"),
});
export type ListContractsQuery = z.infer<typeof ListContractsQuery>;
export type ContractFilters = Omit<ListContractsQuery, "limit" | "cursor" | "sort">;

/** Query of `GET /api/v1/contracts/renewal-calendar`: at most two years at once. */
export const RenewalCalendarQuery = z.object({ from: IsoDate, to: IsoDate });

/** One dated event of the renewal calendar. */
export const RenewalEvent = z.object({
  date: z.string(),
  kind: z.enum(["notice_deadline", "end_date"]),
  contract: z.object({ id: Id, title: z.string(), type: ContractType, status: ContractStatus }),
  partner: Ref,
  autoRenewal: z.boolean(),
});
export type RenewalEvent = z.infer<typeof RenewalEvent>;
export const RenewalCalendar = z.object({ items: z.array(RenewalEvent) });

// ── Obligations ───────────────────────────────────────────────────────────────────────────────

/** A deliverable or duty under a contract; `overdue` is open and past due. */
export const Obligation = z.object({
  id: Id,
  contract: z.object({ id: Id, title: z.string() }),
  partner: Ref,
  title: z.string(),
  side: ObligationSide,
  dueDate: z.string().nullable(),
  recurrence: Recurrence,
  status: ObligationStatus,
  evidenceNote: z.string().nullable(),
  completedAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type Obligation = z.infer<typeof Obligation>;

/** Body of `POST /api/v1/contracts/:id/obligations`; a recurring obligation needs a due date. */
export const CreateObligation = z.object({
  title: Text(300),
  side: ObligationSide,
  dueDate: IsoDate.nullable().optional(),
  recurrence: Recurrence.default("none"),
  status: ObligationStatus.default("open"),
  evidenceNote: OptionalText(5000),
});
export type CreateObligation = z.infer<typeof CreateObligation>;

/**
 * Body of `PATCH /api/v1/contracts/:id/obligations/:obligationId`. Setting a recurring obligation
 * to `done` also creates its next occurrence (same fields, next due date, open).
 */
export const UpdateObligation = CreateObligation.partial()
  .extend({ recurrence: Recurrence.optional(), status: ObligationStatus.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateObligation = z.infer<typeof UpdateObligation>;

/** Query of `GET /api/v1/obligations` (organization-wide) and of a contract's obligations. */
export const ListObligationsQuery = PageQuery.extend({
  overdue: QueryBool.optional(),
  status: multi(ObligationStatus),
  partnerId: Id.optional(),
});
export type ListObligationsQuery = z.infer<typeof ListObligationsQuery>;

/** `{ id, obligationId }` path parameters. */
export const ObligationParams = z.object({ id: Id, obligationId: Id });

// ── Reviews ───────────────────────────────────────────────────────────────────────────────────

/** Body of `POST /api/v1/contracts/:id/reviews`; the next review defaults to today + the interval. */
export const CreateContractReview = z.object({
  outcome: ReviewOutcome,
  notes: OptionalText(10_000),
  nextReviewDate: IsoDate.nullable().optional(),
});
export type CreateContractReview = z.infer<typeof CreateContractReview>;
