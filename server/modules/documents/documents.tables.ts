import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Classification } from "../../../domain/documents.js";
import { contracts } from "../contracts/contracts.tables.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { partners } from "../partners/partners.tables.js";
import { userRef } from "../users/users.tables.js";

/**
 * Organization keys (issue 7), wrapped by the installation master key (AAD `org:<id>`). Versions
 * accumulate: rotation mints a new version and retires the old one (`retired_at`), and the data
 * keys of every document version name the org key version that wraps them. At most one current
 * (unretired) key per organization, enforced by a partial unique index.
 */
export const orgKeys = pgTable(
  "org_keys",
  {
    orgId: orgId(),
    version: integer("version").notNull(),
    wrappedKey: text("wrapped_key").notNull(),
    /** Fingerprint of the master key that wraps it: tells which rows a master rotation must re-wrap. */
    masterKeyId: text("master_key_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.version] }),
    uniqueIndex("org_keys_current_idx").on(t.orgId).where(sql`${t.retiredAt} IS NULL`),
  ],
);

/** Documents: the metadata; content lives encrypted in document storage, one object per version. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text("title").notNull(),
    classification: text("classification").$type<Classification>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "set null" }),
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "set null" }),
    currentVersion: integer("current_version").notNull(),
    createdBy: userRef("created_by"),
    ...timestamps,
  },
  (t) => [
    index("documents_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("documents_partner_idx").on(t.partnerId),
    index("documents_contract_idx").on(t.contractId),
  ],
);

/**
 * One uploaded version. `wrapped_data_key` opens with org key `org_key_version` under AAD
 * `doc:<document id>:v<version>`; size and SHA-256 are of the plaintext, computed while streaming.
 */
export const documentVersions = pgTable(
  "document_versions",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    orgId: orgId(),
    version: integer("version").notNull(),
    storageKey: text("storage_key").notNull(),
    wrappedDataKey: text("wrapped_data_key").notNull(),
    orgKeyVersion: integer("org_key_version").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    contentType: text("content_type").notNull(),
    fileName: text("file_name").notNull(),
    uploadedBy: userRef("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.version] }),
    index("document_versions_org_key_idx").on(t.orgId, t.orgKeyVersion),
  ],
);
