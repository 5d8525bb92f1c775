import { and, eq, inArray, sql } from "drizzle-orm";
import { storedNoticeDeadline } from "../../../domain/contract-terms.js";
import type { Queryable } from "../../platform/db/index.js";
import { contracts } from "./contracts.tables.js";

/** One stored notice deadline moved on: the contract and its deadline before and after. */
export interface NoticeRefresh {
  id: string;
  partnerId: string;
  before: string | null;
  after: string | null;
}

/**
 * Moves the stored notice deadline of auto-renewing contracts whose term has rolled over since
 * their last write, so sorting and the `noticeDueWithinDays` filter see the current term. Only
 * terms that ended before `today` can be stale, which keeps the candidates few. Returns the
 * changes, so the nightly housekeeping (`server/modules/reminders/contracts-housekeeping.ts`)
 * can audit each one.
 */
export async function refreshNoticeDeadlines(
  q: Queryable,
  orgId: string,
  today: string,
): Promise<NoticeRefresh[]> {
  const stale = await q
    .select({
      id: contracts.id,
      partnerId: contracts.partnerId,
      status: contracts.status,
      endDate: contracts.endDate,
      autoRenewal: contracts.autoRenewal,
      renewalTermMonths: contracts.renewalTermMonths,
      noticePeriodDaysOurs: contracts.noticePeriodDaysOurs,
      noticeDeadline: contracts.noticeDeadline,
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.orgId, orgId),
        eq(contracts.autoRenewal, true),
        inArray(contracts.status, ["draft", "active"]),
        sql`${contracts.renewalTermMonths} IS NOT NULL`,
        // The stored deadline belongs to a term that has ended.
        sql`${contracts.noticeDeadline} + coalesce(${contracts.noticePeriodDaysOurs}, 0) < ${today}::date`,
      ),
    );
  const changes: NoticeRefresh[] = [];
  for (const c of stale) {
    const next = storedNoticeDeadline(c, today);
    if (next !== c.noticeDeadline) {
      await q.update(contracts).set({ noticeDeadline: next }).where(eq(contracts.id, c.id));
      changes.push({ id: c.id, partnerId: c.partnerId, before: c.noticeDeadline, after: next });
    }
  }
  return changes;
}
