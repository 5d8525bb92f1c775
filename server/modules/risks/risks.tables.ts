import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { RiskRegisterSettings } from "../../../domain/risk-settings.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { organizations } from "../organizations/organizations.tables.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { userRef } from "../users/users.tables.js";

/** The organization's risk taxonomy: the built-in categories (with a `key`) and its own. */
export const riskCategories = pgTable(
  "risk_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    /** Stable key of a built-in category (signals propose risks by key); null for custom ones. */
    key: text("key"),
    name: text("name").notNull(),
    description: text("description"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("risk_categories_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex("risk_categories_org_key_key").on(t.orgId, t.key).where(sql`${t.key} is not null`),
  ],
);

/** Scoring thresholds and signal-rule bounds of an organization (absent → the defaults). */
export const riskRegisterSettings = pgTable("risk_register_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  settings: jsonb("settings").$type<RiskRegisterSettings>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

const product = (l: AnyPgColumn, i: AnyPgColumn): SQL => sql`${l} * ${i}`;

/** The risk register. Scores are stored generated columns so lists sort and filter on an index. */
export const risks = pgTable(
  "risks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text("title").notNull(),
    description: text("description"),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => riskCategories.id),
    /** Null for an organization-wide risk. */
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id").references(() => partnerServices.id, { onDelete: "cascade" }),
    ownerId: userRef("owner_id"),
    inherentLikelihood: smallint("inherent_likelihood").notNull(),
    inherentImpact: smallint("inherent_impact").notNull(),
    residualLikelihood: smallint("residual_likelihood").notNull(),
    residualImpact: smallint("residual_impact").notNull(),
    inherentScore: smallint("inherent_score")
      .notNull()
      .generatedAlwaysAs((): SQL => product(risks.inherentLikelihood, risks.inherentImpact)),
    residualScore: smallint("residual_score")
      .notNull()
      .generatedAlwaysAs((): SQL => product(risks.residualLikelihood, risks.residualImpact)),
    treatment: text("treatment").notNull(),
    status: text("status").notNull(),
    reviewIntervalDays: integer("review_interval_days"),
    nextReviewDate: date("next_review_date"),
    acceptedById: userRef("accepted_by_id"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptanceJustification: text("acceptance_justification"),
    acceptanceExpiresAt: date("acceptance_expires_at"),
    /** The signal this risk was accepted from, if any. */
    signalId: uuid("signal_id").references((): AnyPgColumn => riskSignals.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("risks_org_residual_idx").on(t.orgId, t.residualScore, t.id),
    index("risks_org_inherent_idx").on(t.orgId, t.inherentScore, t.id),
    index("risks_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("risks_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
    index("risks_org_title_idx").on(t.orgId, sql`lower(${t.title})`, t.id),
    index("risks_org_review_idx").on(t.orgId, t.nextReviewDate, t.id),
    // The register's review-date sort: undated risks last, as the keyset cursor needs non-NULL values.
    index("risks_org_review_sort_idx").on(
      t.orgId,
      sql`coalesce(${t.nextReviewDate}, '9999-12-31'::date)`,
      t.id,
    ),
    index("risks_org_status_idx").on(t.orgId, t.status),
    // Covers the heat map's aggregate over the four ratings: an index-only scan, not the wide rows.
    index("risks_org_heatmap_idx").on(
      t.orgId,
      t.status,
      t.inherentLikelihood,
      t.inherentImpact,
      t.residualLikelihood,
      t.residualImpact,
    ),
    index("risks_partner_idx").on(t.partnerId),
    index("risks_category_idx").on(t.categoryId),
  ],
);

/** The control library. */
export const controls = pgTable(
  "controls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    description: text("description"),
    ownerId: userRef("owner_id"),
    effectiveness: text("effectiveness").notNull(),
    ...timestamps,
  },
  (t) => [index("controls_org_name_idx").on(t.orgId, sql`lower(${t.name})`)],
);

/** Which controls mitigate which risks. */
export const riskControls = pgTable(
  "risk_controls",
  {
    orgId: orgId(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id, { onDelete: "cascade" }),
    controlId: uuid("control_id")
      .notNull()
      .references(() => controls.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.riskId, t.controlId] }),
    index("risk_controls_control_idx").on(t.controlId),
  ],
);

/** Treatment tasks. */
export const riskTasks = pgTable(
  "risk_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    assigneeId: userRef("assignee_id"),
    dueDate: date("due_date"),
    status: text("status").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("risk_tasks_risk_idx").on(t.riskId),
    index("risk_tasks_org_due_idx").on(t.orgId, t.status, t.dueDate),
  ],
);

/** Periodic reviews of a risk, with the scores as they stood. */
export const riskReviews = pgTable(
  "risk_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id, { onDelete: "cascade" }),
    reviewerId: userRef("reviewer_id"),
    notes: text("notes").notNull(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
    nextReviewDate: date("next_review_date"),
    inherentScore: smallint("inherent_score").notNull(),
    residualScore: smallint("residual_score").notNull(),
  },
  (t) => [index("risk_reviews_risk_idx").on(t.riskId, t.reviewedAt)],
);

/**
 * Risks proposed by the signals engine. One row per rule and subject (`subjectKey`, e.g. the
 * partner and country it concerns); `factsHash` fingerprints the facts, so a dismissed signal
 * comes back only when they change.
 */
export const riskSignals = pgTable(
  "risk_signals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    rule: text("rule").notNull(),
    subjectKey: text("subject_key").notNull(),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id").references(() => partnerServices.id, { onDelete: "cascade" }),
    categoryKey: text("category_key").notNull(),
    title: text("title").notNull(),
    likelihood: smallint("likelihood").notNull(),
    impact: smallint("impact").notNull(),
    explanation: text("explanation").notNull(),
    facts: jsonb("facts").$type<{ label: string; value: string; source: string }[]>().notNull(),
    factsHash: text("facts_hash").notNull(),
    status: text("status").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    decidedById: userRef("decided_by_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    dismissReason: text("dismiss_reason"),
    riskId: uuid("risk_id").references((): AnyPgColumn => risks.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("risk_signals_subject_key").on(t.orgId, t.rule, t.subjectKey),
    index("risk_signals_org_status_idx").on(t.orgId, t.status, t.raisedAt),
    index("risk_signals_partner_idx").on(t.partnerId),
  ],
);
