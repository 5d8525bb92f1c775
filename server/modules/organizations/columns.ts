import { timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.tables.js";

/** `created_at` / `updated_at`, set by the database on insert. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** The tenant of a row: every organization-scoped table has one. */
export const orgId = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id);
