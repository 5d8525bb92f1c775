import { and, eq, inArray, sql } from "drizzle-orm";
import { type AssessmentStatus, canMoveAssessment } from "../../../domain/assessments.js";
import { todayUtc } from "../../../domain/time.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { partnerContacts } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import type { AssessmentRow } from "./assessments.present.js";
import { assessments } from "./assessments.tables.js";

/** Checks shared by the assessment services: locking, status moves, due dates and recipients. */

/** Loads an assessment of the organization for update, or 404 (also for other organizations' ids). */
export async function lockAssessment(tx: Tx, orgId: string, id: string): Promise<AssessmentRow> {
  const [a] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.orgId, orgId)))
    .for("update");
  if (!a) throw notFound("Assessment");
  return a;
}

const words = (s: string) => s.replace(/_/g, " ");

/** Refuses a status move the flow does not allow: 409 `invalid_transition`, saying from and to. */
export function assertMove(from: string, to: AssessmentStatus): void {
  if (!canMoveAssessment(from as AssessmentStatus, to))
    throw conflict(`An assessment cannot move from ${words(from)} to ${words(to)}`, "invalid_transition");
}

/** A due date in the past is refused (422 on `body.dueDate`); today is allowed. */
export function assertDueDate(dueDate: string | undefined) {
  if (dueDate !== undefined && dueDate < todayUtc())
    throw invalid("The due date is in the past", [
      { path: "body.dueDate", message: "Must be today or later" },
    ]);
}

/**
 * The recipients named by contact ids: each must be a contact of this partner with an email, and no
 * two may share an address (one portal user per email). 422 on `body.recipientContactIds.N`.
 */
export async function resolveRecipients(
  q: Queryable,
  orgId: string,
  partnerId: string,
  contactIds: string[],
) {
  const found = await q
    .select({ id: partnerContacts.id, name: partnerContacts.name, email: partnerContacts.email })
    .from(partnerContacts)
    .where(
      and(
        eq(partnerContacts.orgId, orgId),
        eq(partnerContacts.partnerId, partnerId),
        inArray(partnerContacts.id, contactIds),
      ),
    );
  const byId = new Map(found.map((c) => [c.id, c]));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const out: { contactId: string; name: string; email: string }[] = [];
  for (const [i, id] of contactIds.entries()) {
    const path = `body.recipientContactIds.${i}`;
    const c = byId.get(id);
    const email = c?.email?.toLowerCase();
    if (!c) errors.push({ path, message: "Not a contact of this partner" });
    else if (!email) errors.push({ path, message: "The contact has no email address" });
    else if (seen.has(email)) errors.push({ path, message: "Another recipient has the same email" });
    else {
      seen.add(email);
      out.push({ contactId: c.id, name: c.name, email });
    }
  }
  if (errors.length) throw invalid("Some recipients cannot receive the questionnaire", errors);
  return out;
}

/**
 * The partner user a recipient's email belongs to, if any. Emails are unique across the
 * installation, so an address used by staff, by another partner's user or in another organization
 * cannot become this partner's portal user: 409 `recipient_conflict`.
 */
export async function existingPartnerUser(tx: Tx, a: AssessmentRow, email: string): Promise<string | null> {
  const [u] = await tx
    .select({
      id: users.id,
      orgId: users.orgId,
      role: users.role,
      partnerId: users.partnerId,
      active: users.active,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!u) return null;
  if (u.orgId === a.orgId && u.role === "partner" && u.partnerId === a.partnerId && u.active) return u.id;
  throw conflict(
    `${email} belongs to another account (staff, another partner or a deactivated user); choose another contact`,
    "recipient_conflict",
    [{ path: "recipients", message: email }],
  );
}
