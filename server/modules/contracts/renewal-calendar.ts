import { addMonths } from "../../../domain/contract-terms.js";
import type { ContractStatus, ContractType, RenewalEvent } from "../../../domain/contracts.js";
import { addDays } from "../../../domain/time.js";
import type { contracts } from "./contracts.tables.js";

interface CalendarRow {
  contract: typeof contracts.$inferSelect;
  partner: { id: string; name: string };
}

/**
 * The renewal calendar's events in `[from, to]`: for each term end (the end date, then every
 * renewal of an auto-renewing contract) the term end itself and the notice deadline before it.
 * Sorted by date, notice deadlines before end dates on the same day.
 */
export function calendarEvents(rows: CalendarRow[], from: string, to: string): RenewalEvent[] {
  const out: RenewalEvent[] = [];
  for (const { contract: c, partner } of rows) {
    if (!c.endDate) continue;
    const period = c.noticePeriodDaysOurs ?? 0;
    const months = c.autoRenewal ? (c.renewalTermMonths ?? 0) : 0;
    const base = {
      contract: {
        id: c.id,
        title: c.title,
        type: c.type as ContractType,
        status: c.status as ContractStatus,
      },
      partner,
      autoRenewal: c.autoRenewal,
    };
    // Skip the terms ending before the window whose notice deadline is before it too.
    let k = 0;
    const termEnd = (n: number) => (n === 0 ? c.endDate! : addMonths(c.endDate!, n * months));
    if (months) while (termEnd(k) < from) k++;
    for (; ; k++) {
      const end = termEnd(k);
      const notice = addDays(end, -period);
      if (notice > to) break;
      if (notice >= from) out.push({ ...base, date: notice, kind: "notice_deadline" });
      if (end >= from && end <= to) out.push({ ...base, date: end, kind: "end_date" });
      if (!months) break;
    }
  }
  return out.sort(
    (a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === "notice_deadline" ? -1 : 1),
  );
}
