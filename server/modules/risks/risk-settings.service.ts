import type { RiskRegisterSettings } from "../../../domain/risk-settings.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { Tx } from "../../platform/db/index.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { refreshPartnerRisk } from "./partner-risk.js";
import { loadRiskSettings } from "./risk-settings.load.js";

import { riskRegisterSettings } from "./risks.tables.js";

/**
 * Saves the settings, audited, then re-evaluates every signal (the bounds changed) and every
 * partner's tier (the thresholds changed) in the same transaction.
 */
export async function saveRiskSettings(tx: Tx, actor: Actor, settings: RiskRegisterSettings) {
  const before = await loadRiskSettings(tx, actor.orgId);
  await tx
    .insert(riskRegisterSettings)
    .values({ orgId: actor.orgId, settings })
    .onConflictDoUpdate({
      target: riskRegisterSettings.orgId,
      set: { settings, updatedAt: new Date() },
    });
  await recordAudit(tx, actor.orgId, auditActorOf(actor), {
    action: "risk_settings.update",
    entityType: "risk_settings",
    entityId: actor.orgId,
    before,
    after: settings,
  });
  await reevaluateSignals(tx, actor.orgId, auditActorOf(actor), "all");
  await refreshPartnerRisk(tx, actor.orgId, "all");
  return settings;
}
