import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { ServiceCredit } from "../../../domain/kpis.js";
import { contracts } from "../contracts/contracts.tables.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { partners } from "../partners/partners.tables.js";

/**
 * KPIs a contract holds a partner to. `partnerId` repeats the contract's partner so the scorecard
 * and the signal rules read a partner's KPIs without a join (a contract never changes partner).
 */
export const kpis = pgTable(
  "kpis",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    unit: text("unit").notNull(),
    direction: text("direction").notNull(),
    target: doublePrecision("target").notNull(),
    warningThreshold: doublePrecision("warning_threshold").notNull(),
    breachThreshold: doublePrecision("breach_threshold").notNull(),
    period: text("period").notNull(),
    weight: integer("weight").notNull().default(1),
    serviceCredit: jsonb("service_credit").$type<ServiceCredit>(),
    ...timestamps,
  },
  (t) => [
    index("kpis_contract_idx").on(t.contractId),
    index("kpis_partner_idx").on(t.partnerId),
    index("kpis_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
    index("kpis_org_created_idx").on(t.orgId, t.createdAt, t.id),
  ],
);

/**
 * One value per KPI and period (the primary key makes re-sending a period an update, which is what
 * keeps ingestion idempotent). Statuses are not stored: they depend on the thresholds and on the
 * history, and are evaluated on read (`domain/kpi-status.ts`, `domain/kpi-spc.ts`).
 *
 * No foreign key on `kpi_id`: its per-row check (a trigger and a KEY SHARE row lock per inserted
 * row) was half the cost of a bulk load, COPY included. Integrity is kept instead by
 * - every writer (`measurements.service.ts`, `measurements.bulk.ts`) reading the KPIs of the
 *   organization FOR KEY SHARE in its transaction before writing, so a KPI cannot be deleted
 *   under it, and a KPI deleted first is "unknown";
 * - a statement-level trigger on `kpis` (migration 0012) deleting the measurements of deleted KPIs,
 *   whether deleted directly or by the cascade from a contract, partner or organization.
 */
export const kpiMeasurements = pgTable(
  "kpi_measurements",
  {
    kpiId: uuid("kpi_id").notNull(),
    periodStart: date("period_start").notNull(),
    // The tenant, for scoping, without a foreign key of its own: the KPI's key already ties the
    // row to an organization, and a second per-row key check halved bulk ingestion speed.
    orgId: uuid("org_id").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.periodStart] })],
);
