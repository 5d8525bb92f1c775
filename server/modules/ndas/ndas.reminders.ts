import { and, eq, sql } from "drizzle-orm";
import { daysBetween } from "../../../domain/contract-terms.js";
import { NDA_EXPIRING_DAYS } from "../../../domain/ndas.js";
import { addDays } from "../../../domain/time.js";
import type { Tx } from "../../platform/db/index.js";
import { type EventToPublish, staffRecipients } from "../notifications/publish.js";
import { partners } from "../partners/partners.tables.js";
import { ndas } from "./ndas.tables.js";

/** An NDA whose expiry date is near (what the daily job loads). */
export interface NdaExpiryRow {
  id: string;
  partnerName: string;
  scope: string;
  expiryDate: string;
  createdBy: string | null;
}

/**
 * The stage of an expiry `daysUntil` away: "30" within 30 days, "7" within a week, else null.
 * Ranges rather than exact days, so a job that missed a day still reminds once per stage.
 */
export function ndaExpiryStage(daysUntil: number): "30" | "7" | null {
  if (daysUntil < 0 || daysUntil > NDA_EXPIRING_DAYS) return null;
  return daysUntil <= 7 ? "7" : "30";
}

const inDays = (n: number) => (n === 0 ? "today" : n === 1 ? "in 1 day" : `in ${n} days`);

/**
 * `nda_expiring` events, 30 and 7 days ahead. The key carries the expiry date, so an NDA renewed
 * (expiry moved on) reminds again for its new term. `staff` are told of every NDA; each NDA's
 * creator is added when still an active staff member (`activeCreators`).
 */
export function ndaExpiringEvents(
  rows: readonly NdaExpiryRow[],
  today: string,
  staff: readonly string[],
  activeCreators: ReadonlySet<string>,
): EventToPublish[] {
  return rows.flatMap((n) => {
    const days = daysBetween(today, n.expiryDate);
    const stage = ndaExpiryStage(days);
    if (!stage) return [];
    const creator = n.createdBy && activeCreators.has(n.createdBy) ? [n.createdBy] : [];
    return [
      {
        type: "nda_expiring" as const,
        key: `nda_expiring:${n.id}:${n.expiryDate}:${stage}`,
        title: `NDA expiring ${inDays(days)}: ${n.partnerName}`,
        body: `The NDA with ${n.partnerName} (${n.scope.length > 120 ? `${n.scope.slice(0, 117)}…` : n.scope}) expires on ${n.expiryDate} (${inDays(days)}). Renew it before sharing anything confidential after that date.`,
        link: "/ndas",
        subject: { type: "nda" as const, id: n.id },
        data: { ndaId: n.id, expiryDate: n.expiryDate, stage, daysUntil: days },
        recipients: [...new Set([...staff, ...creator])],
      },
    ];
  });
}

/**
 * The NDA reminders due on `today` in one organization: one query for the NDAs that expire
 * within the horizon, told to vendor managers, compliance officers and their creators.
 */
export async function ndaReminders(tx: Tx, orgId: string, today: string): Promise<EventToPublish[]> {
  const rows: NdaExpiryRow[] = await tx
    .select({
      id: ndas.id,
      partnerName: partners.name,
      scope: ndas.scope,
      expiryDate: sql<string>`${ndas.expiryDate}::text`,
      createdBy: ndas.createdBy,
    })
    .from(ndas)
    .innerJoin(partners, eq(partners.id, ndas.partnerId))
    .where(
      and(
        eq(ndas.orgId, orgId),
        sql`${ndas.expiryDate} BETWEEN ${today}::date AND ${addDays(today, NDA_EXPIRING_DAYS)}::date`,
      ),
    );
  if (!rows.length) return [];
  const staff = await staffRecipients(tx, orgId, ["vendor_manager", "compliance_officer"]);
  // Creators who left or became partner users must not keep receiving the reminders.
  const creators = new Set(
    await staffRecipients(
      tx,
      orgId,
      [],
      rows.map((r) => r.createdBy),
    ),
  );
  return ndaExpiringEvents(rows, today, staff, creators);
}
