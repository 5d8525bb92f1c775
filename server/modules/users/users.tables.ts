import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "../organizations/organizations.tables.js";
import { partners } from "../partners/partners.tables.js";

/**
 * People who sign in. Email is unique across the installation because sign-in asks only for an
 * email. `partnerId` scopes a portal user to one partner (the `partner` role).
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    // Restrict: a partner with portal users cannot be deleted until they are removed (no orphaned,
    // unscoped partner users).
    partnerId: uuid("partner_id").references((): AnyPgColumn => partners.id, { onDelete: "restrict" }),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_org_idx").on(t.orgId, t.name),
  ],
);

/** A user reference that survives the user's deletion as null (owners, assignees, reviewers). */
export const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: "set null" });
