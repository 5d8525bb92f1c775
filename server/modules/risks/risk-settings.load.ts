import { eq } from "drizzle-orm";
import { DEFAULT_RISK_REGISTER_SETTINGS, type RiskRegisterSettings } from "../../../domain/risk-settings.js";
import type { Queryable } from "../../platform/db/index.js";
import { riskRegisterSettings } from "./risks.tables.js";

/** The organization's register settings, or the defaults when it never saved any. */
export async function loadRiskSettings(q: Queryable, orgId: string): Promise<RiskRegisterSettings> {
  const [row] = await q
    .select({ settings: riskRegisterSettings.settings })
    .from(riskRegisterSettings)
    .where(eq(riskRegisterSettings.orgId, orgId));
  // Merge over the defaults so a bound added later has a value for organizations saved before.
  return row
    ? {
        levels: { ...DEFAULT_RISK_REGISTER_SETTINGS.levels, ...row.settings.levels },
        signals: { ...DEFAULT_RISK_REGISTER_SETTINGS.signals, ...row.settings.signals },
      }
    : DEFAULT_RISK_REGISTER_SETTINGS;
}
