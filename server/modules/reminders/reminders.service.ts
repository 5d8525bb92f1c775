import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { addDays } from "../../../domain/time.js";
import { systemActor } from "../../platform/audit/audit.service.js";
import type { Db, Tx } from "../../platform/db/index.js";
import { assessmentReminders } from "../assessments/reminders.load.js";
import { contractObligations, contracts } from "../contracts/contracts.tables.js";
import { ndaReminders } from "../ndas/ndas.reminders.js";
import { publishEvents, staffRecipients } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import { risks } from "../risks/risks.tables.js";
import {
  contractReviewEvents,
  endingEvents,
  HORIZON,
  noticeEvents,
  obligationEvents,
  type ReminderAudience,
  riskReviewEvents,
} from "./reminders.plan.js";
import { forEachOrganization } from "./run-per-org.js";

/** What one daily run found due and how many events were new (the rest were sent before). */
export interface ReminderRun {
  organizations: number;
  due: Record<string, number>;
  published: number;
}

/**
 * Finds everything due on `today` in one organization (one set-based query per kind of reminder)
 * and publishes the events in the caller's transaction, as the scheduler. Publishing dedups by
 * key, so a second run the same day publishes nothing.
 */
export async function remindOrganization(tx: Tx, orgId: string, today: string) {
  const notice = await tx
    .select({
      id: contracts.id,
      title: contracts.title,
      partnerName: partners.name,
      ownerId: contracts.ownerId,
      status: contracts.status,
      endDate: contracts.endDate,
      autoRenewal: contracts.autoRenewal,
      renewalTermMonths: contracts.renewalTermMonths,
      noticePeriodDaysOurs: contracts.noticePeriodDaysOurs,
    })
    .from(contracts)
    .innerJoin(partners, eq(partners.id, contracts.partnerId))
    .where(
      and(
        eq(contracts.orgId, orgId),
        inArray(contracts.status, ["draft", "active"]),
        // Deadlines in the window, plus auto-renewing contracts whose stored deadline is stale
        // (term rolled over since the last write): the plan recomputes those from the terms.
        sql`(${contracts.noticeDeadline} BETWEEN ${today}::date AND ${addDays(today, HORIZON.notice)}::date
             OR (${contracts.autoRenewal} AND ${contracts.noticeDeadline} < ${today}::date))`,
      ),
    );
  const ending = await tx
    .select({
      id: contracts.id,
      title: contracts.title,
      partnerName: partners.name,
      ownerId: contracts.ownerId,
      endDate: sql<string>`${contracts.endDate}::text`,
    })
    .from(contracts)
    .innerJoin(partners, eq(partners.id, contracts.partnerId))
    .where(
      and(
        eq(contracts.orgId, orgId),
        eq(contracts.status, "active"),
        eq(contracts.autoRenewal, false),
        sql`${contracts.endDate} BETWEEN ${today}::date AND ${addDays(today, HORIZON.ending)}::date`,
      ),
    );
  const obligations = await tx
    .select({
      id: contractObligations.id,
      title: contractObligations.title,
      side: contractObligations.side,
      dueDate: sql<string>`${contractObligations.dueDate}::text`,
      contractId: contracts.id,
      contractTitle: contracts.title,
      partnerName: partners.name,
      ownerId: contracts.ownerId,
    })
    .from(contractObligations)
    .innerJoin(contracts, eq(contracts.id, contractObligations.contractId))
    .innerJoin(partners, eq(partners.id, contracts.partnerId))
    .where(
      and(
        eq(contractObligations.orgId, orgId),
        eq(contractObligations.status, "open"),
        // Overdue ones of any age (each reminded once) and those due within the horizon.
        sql`${contractObligations.dueDate} <= ${addDays(today, HORIZON.obligation)}::date`,
      ),
    );
  const contractReviews = await tx
    .select({
      id: contracts.id,
      title: contracts.title,
      partnerName: partners.name,
      ownerId: contracts.ownerId,
      nextReviewDate: sql<string>`${contracts.nextReviewDate}::text`,
    })
    .from(contracts)
    .innerJoin(partners, eq(partners.id, contracts.partnerId))
    .where(
      and(
        eq(contracts.orgId, orgId),
        eq(contracts.status, "active"),
        sql`${contracts.nextReviewDate} <= ${today}::date`,
      ),
    );
  const riskReviews = await tx
    .select({
      id: risks.id,
      title: risks.title,
      partnerName: partners.name,
      ownerId: risks.ownerId,
      nextReviewDate: sql<string>`${risks.nextReviewDate}::text`,
    })
    .from(risks)
    .leftJoin(partners, eq(partners.id, risks.partnerId))
    .where(
      and(eq(risks.orgId, orgId), ne(risks.status, "closed"), sql`${risks.nextReviewDate} <= ${today}::date`),
    );

  // One recipient query per audience, not one per record; owners are added by the plan.
  const to: ReminderAudience = {
    contracts: await staffRecipients(tx, orgId, ["admin", "vendor_manager"]),
    obligations: await staffRecipients(tx, orgId, ["vendor_manager", "compliance_officer"]),
    risks: await staffRecipients(tx, orgId, ["risk_manager"]),
  };
  const events = [
    ...noticeEvents(notice, today, to),
    ...endingEvents(ending, today, to),
    ...obligationEvents(obligations, today, to),
    ...contractReviewEvents(contractReviews, today, to),
    ...riskReviewEvents(riskReviews, today, to),
    ...(await assessmentReminders(tx, orgId, today)),
    ...(await ndaReminders(tx, orgId, today)),
  ];
  const due: Record<string, number> = {};
  for (const e of events) due[e.type] = (due[e.type] ?? 0) + 1;
  const published = events.length ? await publishEvents(tx, orgId, systemActor("scheduler"), events) : 0;
  return { due, published };
}

/**
 * The daily reminders for every organization, one transaction each: notice deadlines (30 days,
 * 7 days, on the day), contracts ending, obligations due and overdue, contract and risk reviews
 * due, assessments due (7, 3, 1 days ahead) and overdue. Idempotent: every event is keyed by what it reminds of and its date.
 */
export async function runReminders(db: Db, today: string): Promise<ReminderRun> {
  const run: ReminderRun = { organizations: 0, due: {}, published: 0 };
  await forEachOrganization(db, async (tx, orgId) => {
    const r = await remindOrganization(tx, orgId, today);
    run.organizations++;
    run.published += r.published;
    for (const [type, n] of Object.entries(r.due)) run.due[type] = (run.due[type] ?? 0) + n;
  });
  return run;
}
