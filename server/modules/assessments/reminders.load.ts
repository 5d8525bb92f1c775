import { and, eq, inArray, sql } from "drizzle-orm";
import { addDays } from "../../../domain/time.js";
import type { Tx } from "../../platform/db/index.js";
import type { EventToPublish } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import { questionnaireTemplates } from "../questionnaires/questionnaires.tables.js";
import { assessments } from "./assessments.tables.js";
import {
  ASSESSMENT_HORIZON,
  type AssessmentReminderRow,
  assessmentReminderEvents,
  REMINDED_STATUSES,
} from "./reminders.js";

/**
 * The assessment reminders due on `today` in one organization: one query for the assessments
 * waiting on the partner with a due date within the horizon or past (each overdue one is reminded
 * once, whatever its age), with the active partner users answering for their recipients.
 */
export async function assessmentReminders(tx: Tx, orgId: string, today: string): Promise<EventToPublish[]> {
  const rows: AssessmentReminderRow[] = await tx
    .select({
      id: assessments.id,
      partnerName: partners.name,
      templateTitle: questionnaireTemplates.title,
      dueDate: sql<string>`${assessments.dueDate}::text`,
      // A reassessment drafted by the scheduler has no creator: whoever ran the one it repeats
      // is the person following it.
      createdBy: sql<string | null>`COALESCE(${assessments.createdBy},
        (SELECT p.created_by FROM assessments p WHERE p.id = ${assessments.previousId} AND p.org_id = ${orgId}))`,
      // Only users of this partner, active and with the partner role: a recipient row naming a
      // user who was since deactivated or moved must not keep receiving the partner's reminders.
      partnerUserIds: sql<string[]>`ARRAY(
        SELECT DISTINCT u.id FROM assessment_recipients r JOIN users u ON u.id = r.user_id
         WHERE r.assessment_id = ${assessments.id} AND u.org_id = ${orgId} AND u.active
           AND u.role = 'partner' AND u.partner_id = ${assessments.partnerId}
         ORDER BY u.id)`,
    })
    .from(assessments)
    .innerJoin(partners, eq(partners.id, assessments.partnerId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, assessments.templateId))
    .where(
      and(
        eq(assessments.orgId, orgId),
        inArray(assessments.status, [...REMINDED_STATUSES]),
        sql`${assessments.dueDate} <= ${addDays(today, ASSESSMENT_HORIZON)}::date`,
      ),
    );
  return assessmentReminderEvents(rows, today);
}
