import { and, eq, inArray, lt } from "drizzle-orm";
import { type AuditActor, recordAudit, systemActor } from "../../platform/audit/audit.service.js";
import type { Db, Tx } from "../../platform/db/index.js";
import { contracts } from "../contracts/contracts.tables.js";
import { refreshNoticeDeadlines } from "../contracts/notice-refresh.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { forEachOrganization } from "./run-per-org.js";

/** What one nightly run changed. */
export interface HousekeepingRun {
  organizations: number;
  noticeRefreshed: number;
  expired: number;
}

/**
 * Moves stale notice deadlines of auto-renewing contracts on to their current term, auditing
 * each move as `contract.notice_refresh` (before/after deadline). Returns how many moved.
 */
async function refreshDeadlines(tx: Tx, orgId: string, who: AuditActor, today: string) {
  const changes = await refreshNoticeDeadlines(tx, orgId, today);
  for (const c of changes)
    await recordAudit(tx, orgId, who, {
      action: "contract.notice_refresh",
      entityType: "contract",
      entityId: c.id,
      relatedIds: [c.partnerId],
      before: { noticeDeadline: c.before },
      after: { noticeDeadline: c.after },
    });
  return changes.length;
}

/**
 * Expires active contracts whose end date has passed and that do not renew automatically:
 * status `expired` and no notice deadline (as `storedNoticeDeadline` gives for an expired
 * contract), each audited as `contract.expire`; then re-evaluates the signals of their partners,
 * as an expired contract no longer covers its services. Returns how many expired.
 */
async function expireEnded(tx: Tx, orgId: string, who: AuditActor, today: string) {
  const ended = await tx
    .select({ id: contracts.id, partnerId: contracts.partnerId })
    .from(contracts)
    .where(
      and(
        eq(contracts.orgId, orgId),
        eq(contracts.status, "active"),
        eq(contracts.autoRenewal, false),
        lt(contracts.endDate, today),
      ),
    )
    .for("update");
  if (!ended.length) return 0;
  await tx
    .update(contracts)
    .set({ status: "expired", noticeDeadline: null, updatedAt: new Date() })
    .where(
      inArray(
        contracts.id,
        ended.map((c) => c.id),
      ),
    );
  for (const c of ended)
    await recordAudit(tx, orgId, who, {
      action: "contract.expire",
      entityType: "contract",
      entityId: c.id,
      relatedIds: [c.partnerId],
      before: { status: "active" },
      after: { status: "expired" },
    });
  await reevaluateSignals(tx, orgId, who, { partnerIds: [...new Set(ended.map((c) => c.partnerId))] });
  return ended.length;
}

/**
 * The nightly contract housekeeping of one organization in the caller's transaction, as the
 * scheduler: refresh stale notice deadlines, then expire ended fixed-term contracts.
 */
export async function housekeepOrganization(tx: Tx, orgId: string, today: string) {
  const who = systemActor("scheduler");
  const noticeRefreshed = await refreshDeadlines(tx, orgId, who, today);
  const expired = await expireEnded(tx, orgId, who, today);
  return { noticeRefreshed, expired };
}

/** The nightly contract housekeeping for every organization, one transaction each. Idempotent. */
export async function runContractHousekeeping(db: Db, today: string): Promise<HousekeepingRun> {
  const run: HousekeepingRun = { organizations: 0, noticeRefreshed: 0, expired: 0 };
  await forEachOrganization(db, async (tx, orgId) => {
    const r = await housekeepOrganization(tx, orgId, today);
    run.organizations++;
    run.noticeRefreshed += r.noticeRefreshed;
    run.expired += r.expired;
  });
  return run;
}
