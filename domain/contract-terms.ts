import { addDays } from "./time.js";

/**
 * Pure contract arithmetic: the notice deadline of the current term and the next occurrence of a
 * recurring obligation. No I/O, so the server, the web app and unit tests share it.
 */

/** How close a notice deadline is; `none` when there is nothing to give notice for. */
export const NOTICE_STATUSES = ["ok", "due_soon", "overdue", "none"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** A deadline within this many days is `due_soon`. */
export const NOTICE_DUE_SOON_DAYS = 30;

/** The fields of a contract the notice deadline depends on. */
export interface NoticeTerms {
  status: string;
  endDate: string | null;
  autoRenewal: boolean;
  renewalTermMonths: number | null;
  noticePeriodDaysOurs: number | null;
}

/** The last day to give notice for the current term, and why. */
export interface NoticeDeadline {
  /** End of the current term (the end date, rolled forward for auto-renewing contracts). */
  termEnd: string | null;
  /** Last date to give notice; null when there is nothing to give notice for. */
  date: string | null;
  /** Days from today to `date` (negative once passed); null with `date`. */
  daysUntil: number | null;
  status: NoticeStatus;
  explanation: string;
}

const MS_PER_DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / MS_PER_DAY);

/**
 * `date` plus `n` calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29),
 * as contract terms are counted.
 */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * The end of the term running on `today`: an auto-renewing contract whose end date has passed has
 * renewed, so it is rolled forward by whole renewal terms (always counted from the original end
 * date, so month-end clamping does not drift) until it lies today or later.
 */
export function currentTermEnd(t: NoticeTerms, today: string): string | null {
  if (!t.endDate) return null;
  if (!t.autoRenewal || !t.renewalTermMonths || t.endDate >= today) return t.endDate;
  let k = 1;
  while (addMonths(t.endDate, k * t.renewalTermMonths) < today) k++;
  return addMonths(t.endDate, k * t.renewalTermMonths);
}

const none = (termEnd: string | null, explanation: string): NoticeDeadline => ({
  termEnd,
  date: null,
  daysUntil: null,
  status: "none",
  explanation,
});

/**
 * The last date to give notice so the contract does not run into another term: the current
 * term's end minus our notice period. Drafts, expired and terminated contracts, contracts without
 * an end date and fixed-term contracts that already ended have none.
 */
export function noticeDeadline(t: NoticeTerms, today: string): NoticeDeadline {
  if (t.status === "expired" || t.status === "terminated") return none(null, `The contract is ${t.status}`);
  if (!t.endDate) return none(null, "No end date: the contract runs until terminated");
  const termEnd = currentTermEnd(t, today)!;
  if (termEnd < today) return none(termEnd, `Ended ${termEnd} without renewal`);
  const period = t.noticePeriodDaysOurs ?? 0;
  const date = addDays(termEnd, -period);
  const daysUntil = daysBetween(today, date);
  const status: NoticeStatus =
    daysUntil < 0 ? "overdue" : daysUntil <= NOTICE_DUE_SOON_DAYS ? "due_soon" : "ok";
  const renewed = termEnd !== t.endDate ? ` (renewed from ${t.endDate})` : "";
  const when =
    daysUntil < 0
      ? `${-daysUntil} days ago`
      : daysUntil === 0
        ? "today"
        : `${daysUntil} day${daysUntil === 1 ? "" : "s"}`;
  return {
    termEnd,
    date,
    daysUntil,
    status,
    explanation: `ends ${termEnd}${renewed}; our notice period is ${period} days → give notice by ${date} (${when})`,
  };
}

/**
 * The stored, sortable notice deadline: the date `noticeDeadline` gives on `today`. It is written
 * with every change of the contract; for auto-renewing contracts it moves on when the term rolls
 * over, which the presented (recomputed) deadline always reflects.
 */
export const storedNoticeDeadline = (t: NoticeTerms, today: string) => noticeDeadline(t, today).date;

export const RECURRENCES = ["none", "monthly", "quarterly", "yearly"] as const;
export type Recurrence = (typeof RECURRENCES)[number];
const MONTHS: Record<Recurrence, number> = { none: 0, monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The due date of the next occurrence of a recurring obligation, counted from its own due date
 * (not the completion date, so a late completion does not shift the schedule); null when the
 * obligation does not recur.
 */
export function nextOccurrence(dueDate: string, recurrence: Recurrence): string | null {
  return recurrence === "none" ? null : addMonths(dueDate, MONTHS[recurrence]);
}
