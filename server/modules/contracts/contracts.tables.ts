import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Clauses } from "../../../domain/contracts.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { userRef } from "../users/users.tables.js";

/**
 * Contracts with partners. `noticeDeadline` is derived (see `domain/contract-terms.ts`) and
 * stored on every write so the list sorts and filters on an index.
 */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    reference: text("reference"),
    parentId: uuid("parent_id").references((): AnyPgColumn => contracts.id, { onDelete: "set null" }),
    status: text("status").notNull(),
    startDate: date("start_date"),
    endDate: date("end_date"),
    autoRenewal: boolean("auto_renewal").notNull().default(false),
    renewalTermMonths: integer("renewal_term_months"),
    noticePeriodDaysOurs: integer("notice_period_days_ours"),
    noticePeriodDaysTheirs: integer("notice_period_days_theirs"),
    noticeDeadline: date("notice_deadline"),
    value: numeric("value", { precision: 15, scale: 2 }),
    currency: text("currency"),
    governingLaw: text("governing_law"),
    clauses: jsonb("clauses").$type<Clauses>().notNull(),
    reviewIntervalDays: integer("review_interval_days"),
    nextReviewDate: date("next_review_date"),
    hasExitPlan: boolean("has_exit_plan").notNull().default(false),
    exitPlanSummary: text("exit_plan_summary"),
    exitPlanLastTestedAt: date("exit_plan_last_tested_at"),
    ownerId: userRef("owner_id"),
    ...timestamps,
  },
  (t) => [
    index("contracts_partner_idx").on(t.partnerId),
    index("contracts_parent_idx").on(t.parentId),
    index("contracts_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("contracts_org_title_idx").on(t.orgId, sql`lower(${t.title})`, t.id),
    // Undated contracts sort last: the keyset cursor needs non-NULL values.
    index("contracts_org_end_sort_idx").on(t.orgId, sql`coalesce(${t.endDate}, '9999-12-31'::date)`, t.id),
    index("contracts_org_notice_sort_idx").on(
      t.orgId,
      sql`coalesce(${t.noticeDeadline}, '9999-12-31'::date)`,
      t.id,
    ),
  ],
);

/** Which of the partner's services a contract covers. */
export const contractServices = pgTable(
  "contract_services",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => partnerServices.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.serviceId] }),
    index("contract_services_service_idx").on(t.serviceId),
  ],
);

/** Deliverables and duties under a contract, ours or the partner's. */
export const contractObligations = pgTable(
  "contract_obligations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    side: text("side").notNull(),
    dueDate: date("due_date"),
    recurrence: text("recurrence").notNull().default("none"),
    status: text("status").notNull().default("open"),
    evidenceNote: text("evidence_note"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("contract_obligations_contract_idx").on(t.contractId),
    // The organization-wide overdue list.
    index("contract_obligations_org_due_idx").on(t.orgId, t.status, t.dueDate, t.id),
  ],
);

/** Periodic reviews of a contract's performance. */
export const contractReviews = pgTable(
  "contract_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    outcome: text("outcome").notNull(),
    notes: text("notes"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
    reviewerId: userRef("reviewer_id"),
    nextReviewDate: date("next_review_date"),
  },
  (t) => [index("contract_reviews_contract_idx").on(t.contractId, t.reviewedAt)],
);
