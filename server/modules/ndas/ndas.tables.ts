import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { NdaSignatory } from "../../../domain/ndas.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { partners } from "../partners/partners.tables.js";
import { userRef } from "../users/users.tables.js";

/**
 * Non-disclosure agreements with partners. The status (upcoming, in force, expired) is derived
 * from the dates on read, so nothing has to move it at midnight.
 */
export const ndas = pgTable(
  "ndas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    scope: text("scope").notNull(),
    effectiveDate: date("effective_date").notNull(),
    /** NULL: the NDA does not expire. */
    expiryDate: date("expiry_date"),
    consequences: text("consequences"),
    signedDocumentUrl: text("signed_document_url"),
    // The document store of issue 7 will hold the signed copy; no FK until that table exists.
    documentId: uuid("document_id"),
    signatories: jsonb("signatories").$type<NdaSignatory[]>().notNull(),
    notes: text("notes"),
    createdBy: userRef("created_by"),
    ...timestamps,
  },
  (t) => [
    index("ndas_partner_idx").on(t.partnerId),
    // The list's default sort and the reminders' window; open-ended NDAs sort last (keyset needs non-NULL).
    index("ndas_org_expiry_idx").on(t.orgId, sql`coalesce(${t.expiryDate}, '9999-12-31'::date)`, t.id),
    index("ndas_org_effective_idx").on(t.orgId, t.effectiveDate, t.id),
    index("ndas_org_created_idx").on(t.orgId, t.createdAt, t.id),
  ],
);
