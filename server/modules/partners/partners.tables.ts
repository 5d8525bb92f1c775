import { sql } from "drizzle-orm";
import { boolean, date, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgId, timestamps } from "../organizations/columns.js";
import { users } from "../users/users.tables.js";

/** Outsourcing partners (third parties). */
export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    name: text("name").notNull(),
    legalName: text("legal_name"),
    lei: text("lei"),
    registrationIds: jsonb("registration_ids")
      .$type<{ scheme: string; value: string }[]>()
      .notNull()
      .default([]),
    country: text("country").notNull(),
    website: text("website"),
    category: text("category").notNull(),
    status: text("status").notNull(),
    description: text("description"),
    tags: text("tags").array().notNull().default([]),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * The partner's risk profile, kept current by the risk module in the same transaction as any
     * change to its risks or signals, so the partner list can sort and filter by tier on an index.
     */
    riskScore: smallint("risk_score").notNull().default(0),
    riskTier: smallint("risk_tier").notNull().default(4),
    ...timestamps,
  },
  (t) => [
    index("partners_org_tier_idx").on(t.orgId, t.riskTier, t.name),
    index("partners_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
    index("partners_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("partners_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
    index("partners_org_country_idx").on(t.orgId, t.country, t.name),
    index("partners_org_status_idx").on(t.orgId, t.status, t.name),
    index("partners_org_category_idx").on(t.orgId, t.category, t.name),
    uniqueIndex("partners_org_lei_key").on(t.orgId, t.lei).where(sql`${t.lei} is not null`),
  ],
);

const partnerId = () =>
  uuid("partner_id")
    .notNull()
    .references(() => partners.id, { onDelete: "cascade" });

/** Where a partner works: the time zone and working hours drive overlap calculations. */
export const partnerSites = pgTable(
  "partner_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: partnerId(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    city: text("city").notNull(),
    timeZone: text("time_zone").notNull(),
    workingHours: jsonb("working_hours").$type<{ start: string; end: string; days: number[] }>().notNull(),
    ...timestamps,
  },
  (t) => [index("partner_sites_partner_idx").on(t.partnerId)],
);

/** Services outsourced to a partner. */
export const partnerServices = pgTable(
  "partner_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: partnerId(),
    name: text("name").notNull(),
    description: text("description"),
    function: text("function").notNull(),
    criticality: text("criticality").notNull(),
    dataCategories: text("data_categories").array().notNull().default([]),
    dataLocations: text("data_locations").array().notNull().default([]),
    startDate: date("start_date"),
    ...timestamps,
  },
  (t) => [index("partner_services_partner_idx").on(t.partnerId, t.criticality)],
);

/** People at the partner. */
export const partnerContacts = pgTable(
  "partner_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: partnerId(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    role: text("role"),
    isPrimary: boolean("is_primary").notNull().default(false),
    ...timestamps,
  },
  (t) => [index("partner_contacts_partner_idx").on(t.partnerId)],
);

/** Fourth parties: another partner working for this one. */
export const partnerSubcontractors = pgTable(
  "partner_subcontractors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: partnerId(),
    subcontractorId: uuid("subcontractor_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    description: text("description"),
    serviceIds: uuid("service_ids").array().notNull().default([]),
    ...timestamps,
  },
  (t) => [uniqueIndex("partner_subcontractors_pair_key").on(t.partnerId, t.subcontractorId)],
);
