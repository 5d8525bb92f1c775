import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AssessmentSettings } from "../../../domain/assessments.js";
import { type AuditActor, recordAudit, systemActor } from "../../platform/audit/audit.service.js";
import type { Db, Tx } from "../../platform/db/index.js";
import { type EventToPublish, publishEvents, staffRecipients } from "../notifications/publish.js";
import {
  questionnaireTemplates,
  questionnaireTemplateVersions,
} from "../questionnaires/questionnaires.tables.js";
import { forEachOrganization } from "../reminders/run-per-org.js";
import { assessmentSnapshot } from "./assessments.present.js";
import { assessmentRecipients, assessments } from "./assessments.tables.js";
import { cadencedTiers, REASSESSED_PARTNER_STATUSES, reassessmentDue } from "./scheduler.plan.js";
import { loadAssessmentSettings } from "./settings.service.js";

/** A partner in a cadenced tier, with its last completed assessment and no open one. */
type Candidate = {
  partnerId: string;
  partnerName: string;
  tier: number;
  lastId: string;
  lastTemplateId: string;
  lastCreatedBy: string | null;
  completedOn: string;
};

/** What one run drafted, and the due partners it could not draft for (no usable template). */
export interface ReassessmentRun {
  organizations: number;
  drafted: number;
  skipped: number;
}

/**
 * Partners working with us (onboarding, active) in a tier with a cadence, whose latest assessment
 * of any purpose is completed and who have nothing open. A partner never assessed is not a
 * candidate: its first due diligence is a human decision, not the calendar's.
 */
async function candidates(tx: Tx, orgId: string, tiers: number[]): Promise<Candidate[]> {
  const { rows } = await tx.execute<Candidate>(sql`
    SELECT p.id AS "partnerId", p.name AS "partnerName", p.risk_tier AS tier,
           last.id AS "lastId", last.template_id AS "lastTemplateId",
           last.created_by AS "lastCreatedBy", (last.completed_at AT TIME ZONE 'UTC')::date::text AS "completedOn"
      FROM partners p
      JOIN LATERAL (
        SELECT a.id, a.template_id, a.created_by, a.completed_at FROM assessments a
         WHERE a.org_id = ${orgId} AND a.partner_id = p.id AND a.status = 'completed'
           AND a.completed_at IS NOT NULL
         ORDER BY a.completed_at DESC, a.id DESC LIMIT 1) last ON true
     WHERE p.org_id = ${orgId}
       AND p.status IN (${sql.join(
         REASSESSED_PARTNER_STATUSES.map((s) => sql`${s}`),
         sql`, `,
       )})
       AND p.risk_tier IN (${sql.join(
         tiers.map((t) => sql`${t}`),
         sql`, `,
       )})
       AND NOT EXISTS (SELECT 1 FROM assessments o
                        WHERE o.org_id = ${orgId} AND o.partner_id = p.id
                          AND o.status NOT IN ('completed', 'cancelled'))
     ORDER BY p.name, p.id`);
  return rows;
}

/** The active template to draft from: the configured one, else the last assessment's; null if both are archived. */
async function templateFor(tx: Tx, orgId: string, settings: AssessmentSettings, lastTemplateId: string) {
  const ids = [settings.reassessmentTemplateId, lastTemplateId].filter((id): id is string => !!id);
  const rows = await tx
    .select({
      id: questionnaireTemplates.id,
      title: questionnaireTemplates.title,
      version: questionnaireTemplates.currentVersion,
    })
    .from(questionnaireTemplates)
    .where(
      and(
        eq(questionnaireTemplates.orgId, orgId),
        inArray(questionnaireTemplates.id, ids),
        eq(questionnaireTemplates.archived, false),
      ),
    );
  return ids.map((id) => rows.find((r) => r.id === id)).find((r) => r !== undefined) ?? null;
}

/**
 * The previous assessment's recipients whose contacts still exist (with their current name and
 * address), or else the partner's primary contact with an email. May be empty: the draft is
 * still made, and whoever checks it adds the recipients before sending.
 */
async function recipientsFor(tx: Tx, orgId: string, partnerId: string, previousId: string) {
  const { rows } = await tx.execute<{ contactId: string; name: string; email: string }>(sql`
    SELECT DISTINCT ON (lower(c.email)) c.id AS "contactId", c.name, lower(c.email) AS email
      FROM assessment_recipients r JOIN partner_contacts c ON c.id = r.contact_id
     WHERE r.assessment_id = ${previousId} AND c.org_id = ${orgId} AND c.partner_id = ${partnerId}
       AND c.email IS NOT NULL AND c.email <> ''
     ORDER BY lower(c.email), c.id`);
  if (rows.length) return rows;
  const { rows: primary } = await tx.execute<{ contactId: string; name: string; email: string }>(sql`
    SELECT c.id AS "contactId", c.name, lower(c.email) AS email FROM partner_contacts c
     WHERE c.org_id = ${orgId} AND c.partner_id = ${partnerId} AND c.is_primary
       AND c.email IS NOT NULL AND c.email <> ''
     ORDER BY c.created_at, c.id LIMIT 1`);
  return primary;
}

/**
 * Drafts the due reassessments of one organization in the caller's transaction: each a `draft`
 * of purpose `reassessment` linked to the assessment it repeats, its template version marked in
 * use, audited as the scheduler, and announced (`assessment_drafted`) to the vendor managers and
 * whoever ran the previous one. Never twice: the draft is itself an open assessment, which takes
 * the partner out of the candidates.
 */
export async function draftReassessments(
  tx: Tx,
  orgId: string,
  today: string,
  who: AuditActor = systemActor("scheduler"),
) {
  const settings = await loadAssessmentSettings(tx, orgId);
  const tiers = cadencedTiers(settings);
  if (!tiers.length) return { drafted: 0, skipped: 0 };
  const due = (await candidates(tx, orgId, tiers)).flatMap((c) => {
    const d = reassessmentDue(settings, c.tier, c.completedOn, today);
    return d ? [{ ...c, ...d }] : [];
  });
  if (!due.length) return { drafted: 0, skipped: 0 };
  const vendorManagers = await staffRecipients(tx, orgId, ["vendor_manager"]);
  const events: EventToPublish[] = [];
  let skipped = 0;
  for (const c of due) {
    const template = await templateFor(tx, orgId, settings, c.lastTemplateId);
    if (!template) {
      skipped++;
      continue;
    }
    const recipients = await recipientsFor(tx, orgId, c.partnerId, c.lastId);
    const [a] = await tx
      .insert(assessments)
      .values({
        orgId,
        partnerId: c.partnerId,
        templateId: template.id,
        templateVersion: template.version,
        purpose: "reassessment",
        status: "draft",
        dueDate: c.dueDate,
        previousId: c.lastId,
        createdBy: null,
      })
      .returning();
    if (recipients.length)
      await tx
        .insert(assessmentRecipients)
        .values(recipients.map((r) => ({ assessmentId: a.id, orgId, ...r })));
    // The version is fixed from now on: editing the template makes a new one (first use only).
    await tx
      .update(questionnaireTemplateVersions)
      .set({ inUseAt: new Date() })
      .where(
        and(
          eq(questionnaireTemplateVersions.templateId, template.id),
          eq(questionnaireTemplateVersions.version, template.version),
          isNull(questionnaireTemplateVersions.inUseAt),
        ),
      );
    await recordAudit(tx, orgId, who, {
      action: "assessment.create",
      entityType: "assessment",
      entityId: a.id,
      relatedIds: [c.partnerId, template.id],
      // The same snapshot as a staff-created draft, plus why the scheduler made it.
      after: {
        ...assessmentSnapshot(
          a,
          recipients.map((r) => ({ email: r.email, contactId: r.contactId })),
        ),
        reason: `Tier ${c.tier} cadence: last completed ${c.completedOn}, next due ${c.nextDue}`,
      },
    });
    const noOne = recipients.length
      ? ""
      : " No contact of theirs has an email: add recipients before sending.";
    events.push({
      type: "assessment_drafted",
      key: `assessment_drafted:${a.id}`,
      title: `Reassessment drafted: ${c.partnerName} (${template.title})`,
      body: `${c.partnerName} (tier ${c.tier}) was last assessed on ${c.completedOn} and is due again on ${c.nextDue}. A draft of '${template.title}' due on ${c.dueDate} is ready: check the recipients and due date, then send it.${noOne}`,
      link: `/assessments/${a.id}`,
      subject: { type: "assessment", id: a.id },
      data: { assessmentId: a.id, partnerId: c.partnerId, previousId: c.lastId, dueDate: c.dueDate },
      recipients: [...new Set([...vendorManagers, ...(c.lastCreatedBy ? [c.lastCreatedBy] : [])])],
    });
  }
  if (events.length) await publishEvents(tx, orgId, who, events);
  return { drafted: events.length, skipped };
}

/** The daily reassessment drafting for every organization, one transaction each. */
export async function runReassessments(db: Db, today: string): Promise<ReassessmentRun> {
  const run: ReassessmentRun = { organizations: 0, drafted: 0, skipped: 0 };
  await forEachOrganization(db, async (tx, orgId) => {
    const r = await draftReassessments(tx, orgId, today);
    run.organizations++;
    run.drafted += r.drafted;
    run.skipped += r.skipped;
  });
  return run;
}
