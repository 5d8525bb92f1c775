import { sql } from "drizzle-orm";
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AssessmentSettings } from "../../../domain/assessments.js";
import type { AnswerValue } from "../../../domain/questionnaires.js";
import { orgId, timestamps } from "../organizations/columns.js";
import { partnerContacts, partners } from "../partners/partners.tables.js";
import { questionnaireTemplates } from "../questionnaires/questionnaires.tables.js";
import { risks } from "../risks/risks.tables.js";
import { userRef, users } from "../users/users.tables.js";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * An assessment (issue 6): one template version sent to a partner. The version is fixed at creation
 * (and marked in use), so editing the template later never changes the questions being answered.
 * `score` is stored when the assessment is completed (the figure the conclusion was based on);
 * before that it is computed on read.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    templateId: uuid("template_id")
      .notNull()
      .references(() => questionnaireTemplates.id, { onDelete: "restrict" }),
    templateVersion: integer("template_version").notNull(),
    purpose: text("purpose").notNull(),
    status: text("status").notNull(),
    dueDate: date("due_date").notNull(),
    note: text("note"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    conclusion: text("conclusion"),
    conclusionNote: text("conclusion_note"),
    concludedBy: userRef("concluded_by"),
    score: real("score"),
    /** The last clarification request: `{ message, questionKeys, requestedAt, requestedBy }`. */
    clarification: jsonb("clarification").$type<{
      message: string;
      questionKeys: string[];
      requestedAt: string;
      requestedBy: string | null;
    }>(),
    /** The assessment this one repeats (reassessments drafted by the scheduler). */
    previousId: uuid("previous_id"),
    createdBy: userRef("created_by"),
    ...timestamps,
  },
  (t) => [
    index("assessments_org_status_due_idx").on(t.orgId, t.status, t.dueDate, t.id),
    index("assessments_partner_idx").on(t.partnerId, t.completedAt),
    index("assessments_template_idx").on(t.templateId),
  ],
);

/** Who an assessment is sent to: partner contacts, and the portal users answering for them. */
export const assessmentRecipients = pgTable(
  "assessment_recipients",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    orgId: orgId(),
    contactId: uuid("contact_id").references(() => partnerContacts.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.email] })],
);

/** One answer, with the reviewer's decision on it. Keyed by question key within the assessment. */
export const assessmentAnswers = pgTable(
  "assessment_answers",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    orgId: orgId(),
    value: jsonb("value").$type<AnswerValue>(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    updatedBy: userRef("updated_by"),
    decision: text("decision"),
    comment: text("comment"),
    reviewedBy: userRef("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    riskId: uuid("risk_id").references(() => risks.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionKey] })],
);

/**
 * Evidence files attached to answers, stored in the database (bounded by `MAX_EVIDENCE_BYTES`) so
 * they commit or roll back with the answer. Issue 7 moves documents to encrypted storage.
 */
export const assessmentEvidence = pgTable(
  "assessment_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** Legacy plaintext (issue 6); NULL once the file is in encrypted storage (see evidence.store.ts). */
    content: bytea("content"),
    /** The encrypted object in document storage, its data key wrapped by the org key of that version. */
    storageKey: text("storage_key"),
    wrappedDataKey: text("wrapped_data_key"),
    orgKeyVersion: integer("org_key_version"),
    uploadedBy: userRef("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("assessment_evidence_question_idx").on(t.assessmentId, t.questionKey)],
);

/** Per-organization assessment settings: reassessment cadence by tier. */
export const assessmentSettings = pgTable("assessment_settings", {
  orgId: orgId().primaryKey(),
  settings: jsonb("settings").$type<AssessmentSettings>().notNull(),
  ...timestamps,
});

/** A recorded, justified exception to a lifecycle gate (e.g. contracting without due diligence). */
export const partnerLifecycleExceptions = pgTable(
  "partner_lifecycle_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    toStatus: text("to_status").notNull(),
    justification: text("justification").notNull(),
    createdBy: userRef("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("partner_lifecycle_exceptions_partner_idx").on(t.partnerId, t.createdAt)],
);

/**
 * Invitations of partner users. Only the SHA-256 of the one-time token is kept; the user row is
 * created when the invitation is accepted. One pending invitation per email.
 */
export const userInvitations = pgTable(
  "user_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").references(() => partnerContacts.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    emailStatus: text("email_status").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    invitedBy: userRef("invited_by"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("user_invitations_token_key").on(t.tokenHash),
    uniqueIndex("user_invitations_pending_email_key")
      .on(t.orgId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("user_invitations_partner_idx").on(t.partnerId, t.createdAt),
  ],
);
