import { daysBetween } from "../../../domain/contract-terms.js";
import type { EventToPublish } from "../notifications/publish.js";

/*
 * Assessment reminders as pure functions of the rows the daily job loads (as
 * `reminders/reminders.plan.ts` does for contracts): what is due on `today`, worded, keyed and
 * addressed. `reminders/reminders.service.ts` loads the rows and publishes.
 */

/** An assessment waiting for the partner (sent, in progress or sent back for clarification). */
export interface AssessmentReminderRow {
  id: string;
  partnerName: string;
  templateTitle: string;
  dueDate: string;
  /** The staff user who created it (null when the scheduler drafted it). */
  createdBy: string | null;
  /** Active partner users answering for the assessment's recipients. */
  partnerUserIds: readonly string[];
}

/** Statuses in which the partner still owes answers: the ones reminded of. */
export const REMINDED_STATUSES = ["sent", "in_progress", "clarification_requested"] as const;

/** How far ahead the first reminder comes, in days (the daily query's window). */
export const ASSESSMENT_HORIZON = 7;

/** Reminder stages before the due date: a week, three days, the day before. */
export type AssessmentStage = "7" | "3" | "1";

/**
 * The stage a due date `daysUntil` away falls in, or null: 4–7 days "7", 2–3 days "3", the day
 * before or the day itself "1". Ranges rather than exact days, as for notice deadlines, so a job
 * that missed a day still sends the nearest reminder once (the key carries the stage), and a job
 * that missed a whole stage does not send a stale one next to the current one.
 */
export function assessmentStage(daysUntil: number): AssessmentStage | null {
  if (daysUntil < 0 || daysUntil > ASSESSMENT_HORIZON) return null;
  return daysUntil <= 1 ? "1" : daysUntil <= 3 ? "3" : "7";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const inDays = (n: number) => (n === 0 ? "today" : n === 1 ? "tomorrow" : `in ${plural(n, "day")}`);

/**
 * Due and overdue reminders. Each assessment gives two events, one per audience, because the
 * links differ: the partner's users open it in the portal, its creator on the review screen (that
 * event's key ends in `:staff`). Keys carry the due date, so moving the due date reminds again;
 * overdue is sent once per due date.
 */
export function assessmentReminderEvents(
  rows: readonly AssessmentReminderRow[],
  today: string,
): EventToPublish[] {
  return rows.flatMap((a) => {
    const days = daysBetween(today, a.dueDate);
    const overdue = days < 0;
    const stage = overdue ? null : assessmentStage(days);
    if (!overdue && !stage) return [];
    const type = overdue ? ("assessment_overdue" as const) : ("assessment_due" as const);
    const key = overdue ? `${type}:${a.id}:${a.dueDate}` : `${type}:${a.id}:${a.dueDate}:${stage}`;
    const what = `'${a.templateTitle}'`;
    const subject = { type: "assessment" as const, id: a.id };
    const data = { assessmentId: a.id, dueDate: a.dueDate, daysUntil: days, ...(stage ? { stage } : {}) };
    const events: EventToPublish[] = [];
    if (a.partnerUserIds.length)
      events.push({
        type,
        key,
        title: overdue
          ? `Questionnaire overdue: ${a.templateTitle}`
          : `Questionnaire due ${inDays(days)}: ${a.templateTitle}`,
        body: overdue
          ? `The questionnaire ${what} was due on ${a.dueDate} (${plural(-days, "day")} ago). Please complete and submit it as soon as you can.`
          : `The questionnaire ${what} is due on ${a.dueDate} (${inDays(days)}). Your answers are saved as you go; submit it when every required question is answered.`,
        link: `/portal/assessments/${a.id}`,
        subject,
        data,
        recipients: [...new Set(a.partnerUserIds)],
      });
    if (a.createdBy)
      events.push({
        type,
        key: `${key}:staff`,
        title: overdue
          ? `Assessment overdue: ${a.templateTitle} (${a.partnerName})`
          : `Assessment due ${inDays(days)}: ${a.templateTitle} (${a.partnerName})`,
        body: overdue
          ? `${a.partnerName} has not submitted ${what}, due on ${a.dueDate} (${plural(-days, "day")} ago). Chase the recipients or move the due date.`
          : `${a.partnerName} has not yet submitted ${what}, due on ${a.dueDate} (${inDays(days)}).`,
        link: `/assessments/${a.id}`,
        subject,
        data,
        recipients: [a.createdBy],
      });
    return events;
  });
}
