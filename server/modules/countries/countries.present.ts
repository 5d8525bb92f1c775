import type { IndicatorFigure } from "../../../domain/governance.js";
import type { countryOverrides, governanceIndicators } from "./countries.tables.js";
import { DATA_PROTECTION, DATA_PROTECTION_AS_OF, DATA_PROTECTION_SOURCES } from "./data/data-protection.js";

export type GovernanceRow = typeof governanceIndicators.$inferSelect;
type OverrideRow = typeof countryOverrides.$inferSelect;

/** One stored figure as the API shows it (the 90% interval grouped). */
export function presentFigure(r: GovernanceRow): IndicatorFigure {
  return {
    year: r.year,
    estimate: r.estimate,
    percentileRank: r.percentileRank,
    stdErr: r.stdErr,
    numSources: r.numSources,
    interval90: { lower: r.pctLower, upper: r.pctUpper },
  };
}

/** The override fields the API shows (no ids, no org). */
export function presentOverride(o: OverrideRow) {
  return {
    internalRating: o.internalRating,
    sanctioned: o.sanctioned,
    sanctionsNote: o.sanctionsNote,
    travelWarning: o.travelWarning,
    notes: o.notes,
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of an override. */
export function overrideSnapshot(o: OverrideRow) {
  const { updatedAt: _u, orgId: _o, ...rest } = o;
  return rest;
}

/** The curated data-protection entry, or an explicit "unknown". */
export function presentDataProtection(code: string) {
  const e = DATA_PROTECTION[code];
  const base = { asOf: DATA_PROTECTION_AS_OF, sources: [...DATA_PROTECTION_SOURCES] };
  if (!e)
    return {
      status: "unknown" as const,
      comprehensiveLaw: null,
      law: null,
      euStatus: null,
      note: null,
      ...base,
    };
  return {
    status: "known" as const,
    comprehensiveLaw: e.comprehensiveLaw,
    law: e.law,
    euStatus: e.euStatus,
    note: e.note ?? null,
    ...base,
  };
}
