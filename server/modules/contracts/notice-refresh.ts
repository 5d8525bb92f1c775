import { and, eq, inArray, sql } from "drizzle-orm";
import { storedNoticeDeadline } from "../../../domain/contract-terms.js";
import type { Queryable } from "../../platform/db/index.js";
import { contracts } from "./contracts.tables.js";

/**
 * Moves the stored notice deadline of auto-renewing contracts whose term has rolled over since
 * their last write, so sorting and the `noticeDueWithinDays` filter see the current term. Only
 * terms that ended before `today` can be stale, which keeps the candidates few. The column is
 * derived (not user data), so the refresh is not audited. Run before list queries; the nightly
 * job of a later session can call it for every organization.
 */
export async function refreshNoticeDeadlines(q: Queryable, orgId: string, today: string) {
  const stale = await q
    .select({
      id: contracts.id,
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
  for (const c of stale) {
    const next = storedNoticeDeadline(c, today);
    if (next !== c.noticeDeadline)
      await q.update(contracts).set({ noticeDeadline: next }).where(eq(contracts.id, c.id));
  }
}
