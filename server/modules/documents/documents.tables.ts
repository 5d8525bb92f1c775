import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AccessAction, Classification, WatermarkKind } from "../../../domain/documents.js";
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

/**
 * Shares of a document with a partner: with the whole partner (`scope = partner`, every portal user
 * of it, now and later) or with named users (`scope = users`, rows in `document_share_users`, all
 * of that partner). Revoking stamps `revoked_at`; rows are kept because the access log and leak
 * tracing point at them.
 */
export const documentShares = pgTable(
  "document_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    scope: text("scope").$type<"partner" | "users">().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    allowDownload: boolean("allow_download").notNull().default(false),
    note: text("note"),
    createdBy: userRef("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedBy: userRef("revoked_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("document_shares_document_idx").on(t.documentId),
    index("document_shares_partner_idx").on(t.orgId, t.partnerId),
  ],
);

/** The named recipients of a `scope = users` share. */
export const documentShareUsers = pgTable(
  "document_share_users",
  {
    shareId: uuid("share_id")
      .notNull()
      .references(() => documentShares.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shareId, t.userId] }),
    index("document_share_users_user_idx").on(t.userId),
  ],
);

/**
 * The access log: one row per delivered copy (view or download), staff and partner alike. A
 * marked copy stores the copy id its invisible fingerprint carries, which is how a leaked file is
 * traced back to this row. Written in the transaction that decides to serve, before any byte leaves.
 * `user_id`/`partner_id` are plain columns (no FK): the log must outlive deleted users and partners.
 */
export const documentAccess = pgTable(
  "document_access",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    userId: uuid("user_id"),
    userName: text("user_name").notNull(),
    userEmail: text("user_email").notNull(),
    partnerId: uuid("partner_id"),
    shareId: uuid("share_id").references(() => documentShares.id, { onDelete: "set null" }),
    action: text("action").$type<AccessAction>().notNull(),
    watermark: text("watermark").$type<WatermarkKind>().notNull(),
    copyId: text("copy_id"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("document_access_document_idx").on(t.documentId, t.createdAt, t.id),
    uniqueIndex("document_access_copy_idx").on(t.orgId, t.copyId).where(sql`${t.copyId} IS NOT NULL`),
  ],
);
