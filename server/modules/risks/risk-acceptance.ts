import { and, eq, lt, sql } from "drizzle-orm";
import { todayUtc } from "../../../domain/time.js";
import { recordAudit, systemActor } from "../../platform/audit/audit.service.js";
import type { Db } from "../../platform/db/index.js";
import { riskSnapshot } from "./risks.present.js";
import { afterRiskChange } from "./risks.service.js";
import { risks } from "./risks.tables.js";

/**
 * Reopens every accepted risk whose acceptance expired before `today`: status back to `open`
 * (treatment and the acceptance record kept, so the page shows what expired), each change audited
 * as the scheduler, one transaction per organization. Returns how many risks were reopened.
 * The nightly job calls it; until it runs, the API already flags such risks `acceptanceExpired`.
 */
export async function reopenExpiredAcceptances(db: Db, today: string = todayUtc()): Promise<number> {
  const expired = and(eq(risks.status, "accepted"), lt(risks.acceptanceExpiresAt, today));
  const orgs = await db.selectDistinct({ orgId: risks.orgId }).from(risks).where(expired);
  const who = systemActor("scheduler");
  let count = 0;
  for (const { orgId } of orgs) {
    count += await db.transaction(async (tx) => {
      const before = await tx
        .select()
        .from(risks)
        .where(and(eq(risks.orgId, orgId), expired))
        .for("update");
      for (const b of before) {
        const [after] = await tx
          .update(risks)
          .set({ status: "open", updatedAt: sql`now()` })
          .where(eq(risks.id, b.id))
          .returning();
        await recordAudit(tx, orgId, who, {
          action: "risk.acceptance_expired",
          entityType: "risk",
          entityId: b.id,
          relatedIds: b.partnerId ? [b.partnerId] : [],
          before: riskSnapshot(b),
          after: riskSnapshot(after),
        });
      }
      await afterRiskChange(
        tx,
        orgId,
        who,
        before.map((b) => b.partnerId),
      );
      return before.length;
    });
  }
  return count;
}
