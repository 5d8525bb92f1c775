import { bigint, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
