import { addMonths, daysBetween, noticeDeadline } from "../../../domain/contract-terms.js";
import type { EventToPublish } from "../notifications/publish.js";

/*
 * The reminders as pure functions of the rows the daily job loads: what is due on `today`, worded,
 * keyed and addressed. No I/O, so the stages and the wording are unit-tested without a database;
 * `reminders.service.ts` loads the rows and publishes.
 */

/** A draft or active contract whose notice deadline may be near. */
export interface NoticeRow {
  id: string;
  title: string;
  partnerName: string;
  ownerId: string | null;
  status: string;
  endDate: string | null;
  autoRenewal: boolean;
  renewalTermMonths: number | null;
  noticePeriodDaysOurs: number | null;
}

/** An active contract that ends without renewing. */
export interface EndingRow {
  id: string;
  title: string;
  partnerName: string;
  ownerId: string | null;
  endDate: string;
}

/** An open obligation due soon or overdue. */
export interface ObligationRow {
  id: string;
  title: string;
  side: string;
  dueDate: string;
  contractId: string;
  contractTitle: string;
  partnerName: string;
  ownerId: string | null;
}

/** An active contract whose next review date has arrived. */
export interface ContractReviewRow {
  id: string;
  title: string;
  partnerName: string;
  ownerId: string | null;
  nextReviewDate: string;
}

/** A risk, not closed, whose next review date has arrived. */
export interface RiskReviewRow {
  id: string;
  title: string;
  partnerName: string | null;
  ownerId: string | null;
  nextReviewDate: string;
}

/** The staff told about each kind of reminder besides the record's owner (from `staffRecipients`). */
export interface ReminderAudience {
  /** Admins and vendor managers: notice deadlines, contracts ending, contract reviews. */
  contracts: readonly string[];
  /** Vendor managers and compliance officers: obligations. */
  obligations: readonly string[];
  /** Risk managers: risk reviews. */
  risks: readonly string[];
}

/** How far ahead each reminder looks, in days. */
export const HORIZON = { notice: 30, ending: 30, obligation: 7 } as const;

/** Notice reminder stages: 30 days ahead, 7 days ahead and on the day. */
export type NoticeStage = "30" | "7" | "0";

/**
 * The stage a deadline `daysUntil` away falls in, or null: within 30 days "30", within 7 "7", on
 * the day "0". Ranges rather than exact days, so a job that missed a day still reminds once per
 * stage (the key carries the stage); a deadline that has passed is no longer worth a reminder.
 */
export function noticeStage(daysUntil: number): NoticeStage | null {
  if (daysUntil < 0 || daysUntil > HORIZON.notice) return null;
  return daysUntil === 0 ? "0" : daysUntil <= 7 ? "7" : "30";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
/** "today", "in 1 day", "in 12 days". */
const inDays = (n: number) => (n === 0 ? "today" : `in ${plural(n, "day")}`);
const withOwner = (base: readonly string[], ownerId: string | null) => [
  ...new Set(ownerId ? [ownerId, ...base] : base),
];

/** Notice-deadline reminders: one per contract whose deadline (recomputed from its terms) is in a stage. */
export function noticeEvents(
  rows: readonly NoticeRow[],
  today: string,
  to: ReminderAudience,
): EventToPublish[] {
  return rows.flatMap((c) => {
    // Recomputed from the terms, as the contract page shows it, so a stored deadline not yet
    // refreshed after a renewal cannot trigger a reminder for a term that is already over.
    const n = noticeDeadline(c, today);
    if (!n.date || n.daysUntil === null || !n.termEnd) return [];
    const stage = noticeStage(n.daysUntil);
    if (!stage) return [];
    const outcome =
      c.autoRenewal && c.renewalTermMonths
        ? `Without notice it renews automatically for ${plural(c.renewalTermMonths, "month")}, until ${addMonths(n.termEnd, c.renewalTermMonths)}.`
        : `Without notice it ends on ${n.termEnd}.`;
    return [
      {
        type: "notice_deadline" as const,
        key: `notice_deadline:${c.id}:${n.date}:${stage}`,
        title: `Notice deadline ${n.daysUntil === 0 ? "today" : inDays(n.daysUntil)}: ${c.title} (${c.partnerName})`,
        body: `The last day to give notice on '${c.title}' with ${c.partnerName} is ${n.date} (${inDays(n.daysUntil)}); the current term ends on ${n.termEnd} and our notice period is ${plural(c.noticePeriodDaysOurs ?? 0, "day")}. ${outcome}`,
        link: `/contracts/${c.id}`,
        subject: { type: "contract" as const, id: c.id },
        data: { contractId: c.id, deadline: n.date, stage, daysUntil: n.daysUntil, termEnd: n.termEnd },
        recipients: withOwner(to.contracts, c.ownerId),
      },
    ];
  });
}

/** Contracts ending: one reminder per contract and end date (a moved end date reminds again). */
export function endingEvents(
  rows: readonly EndingRow[],
  today: string,
  to: ReminderAudience,
): EventToPublish[] {
  return rows.flatMap((c) => {
    const days = daysBetween(today, c.endDate);
    if (days < 0 || days > HORIZON.ending) return [];
    return [
      {
        type: "contract_ending" as const,
        key: `contract_ending:${c.id}:${c.endDate}`,
        title: `Contract ending ${inDays(days)}: ${c.title} (${c.partnerName})`,
        body: `'${c.title}' with ${c.partnerName} ends on ${c.endDate} and does not renew automatically. Extend or renew it, or make sure the exit is planned.`,
        link: `/contracts/${c.id}`,
        subject: { type: "contract" as const, id: c.id },
        data: { contractId: c.id, endDate: c.endDate, daysUntil: days },
        recipients: withOwner(to.contracts, c.ownerId),
      },
    ];
  });
}

/** Obligations due within 7 days (`obligation_due`) or past due (`obligation_overdue`). */
export function obligationEvents(
  rows: readonly ObligationRow[],
  today: string,
  to: ReminderAudience,
): EventToPublish[] {
  return rows.flatMap((o) => {
    const days = daysBetween(today, o.dueDate);
    if (days > HORIZON.obligation) return [];
    const overdue = days < 0;
    const whose = o.side === "ours" ? "our obligation" : `an obligation of ${o.partnerName}`;
    return [
      {
        type: overdue ? ("obligation_overdue" as const) : ("obligation_due" as const),
        key: `${overdue ? "obligation_overdue" : "obligation_due"}:${o.id}:${o.dueDate}`,
        title: overdue
          ? `Obligation overdue: ${o.title} (${o.contractTitle})`
          : `Obligation due ${inDays(days)}: ${o.title} (${o.contractTitle})`,
        body: overdue
          ? `'${o.title}', ${whose} under '${o.contractTitle}', was due on ${o.dueDate} (${plural(-days, "day")} ago) and is still open.`
          : `'${o.title}', ${whose} under '${o.contractTitle}', is due on ${o.dueDate} (${inDays(days)}).`,
        link: `/contracts/${o.contractId}`,
        subject: { type: "obligation" as const, id: o.id },
        data: { obligationId: o.id, contractId: o.contractId, dueDate: o.dueDate, side: o.side },
        recipients: withOwner(to.obligations, o.ownerId),
      },
    ];
  });
}

/** Contract reviews whose date has arrived: one per contract and review date. */
export function contractReviewEvents(
  rows: readonly ContractReviewRow[],
  today: string,
  to: ReminderAudience,
): EventToPublish[] {
  return rows
    .filter((c) => c.nextReviewDate <= today)
    .map((c) => ({
      type: "contract_review_due" as const,
      key: `contract_review_due:${c.id}:${c.nextReviewDate}`,
      title: `Contract review due: ${c.title} (${c.partnerName})`,
      body: `The periodic review of '${c.title}' with ${c.partnerName} was due on ${c.nextReviewDate}. Record the review to set the next date.`,
      link: `/contracts/${c.id}`,
      subject: { type: "contract" as const, id: c.id },
      data: { contractId: c.id, nextReviewDate: c.nextReviewDate },
      recipients: withOwner(to.contracts, c.ownerId),
    }));
}

/** Risk reviews whose date has arrived: one per risk and review date. */
export function riskReviewEvents(
  rows: readonly RiskReviewRow[],
  today: string,
  to: ReminderAudience,
): EventToPublish[] {
  return rows
    .filter((r) => r.nextReviewDate <= today)
    .map((r) => ({
      type: "risk_review_due" as const,
      key: `risk_review_due:${r.id}:${r.nextReviewDate}`,
      title: `Risk review due: ${r.title}${r.partnerName ? ` (${r.partnerName})` : ""}`,
      body: `The review of the risk '${r.title}' was due on ${r.nextReviewDate}. Review its ratings and treatment and record the review to set the next date.`,
      link: `/risks/${r.id}`,
      subject: { type: "risk" as const, id: r.id },
      data: { riskId: r.id, nextReviewDate: r.nextReviewDate },
      recipients: withOwner(to.risks, r.ownerId),
    }));
}
