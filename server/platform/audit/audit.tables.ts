import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../../modules/organizations/organizations.tables.js";

/**
 * The append-only audit trail. Each organization's events form a hash chain:
 * `hash = sha256(prevHash ‖ canonical JSON of the event)`, with `seq` counting 1, 2, 3 … so
 * that both an altered and a removed event are detectable.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    relatedIds: uuid("related_ids").array().notNull().default([]),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    unique("audit_events_org_seq_key").on(t.orgId, t.seq),
    index("audit_events_entity_idx").on(t.orgId, t.entityId),
    index("audit_events_actor_idx").on(t.orgId, t.actorId),
    index("audit_events_related_idx").using("gin", t.relatedIds),
  ],
);
