import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Tenants. Every other row carries the `org_id` of one of these. */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Head of the audit hash chain: deleting the newest events is detectable against it. */
  auditSeq: bigint("audit_seq", { mode: "number" }).notNull().default(0),
  auditHash: text("audit_hash")
    .notNull()
    .default("0000000000000000000000000000000000000000000000000000000000000000"),
});

/**
 * The organization's own sites, in the same shape as partner sites: working-time overlap is
 * computed between these and partner sites.
 */
export const organizationSites = pgTable(
  "organization_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    country: text("country").notNull(),
    city: text("city").notNull(),
    timeZone: text("time_zone").notNull(),
    workingHours: jsonb("working_hours").$type<{ start: string; end: string; days: number[] }>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("organization_sites_org_idx").on(t.orgId, t.name)],
);
