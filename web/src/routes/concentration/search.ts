import { CRITICALITIES, type Criticality } from "../../../../domain/partners";
import type { Me } from "../../api/types";

// Kept apart from queries.ts: the router and the navigation import these, and should not pull the page's code.

export type Weighting = "count" | "critical2x";
export type CountryRule = "dataLocation" | "partnerCountry";

/** The page's URL state: the analysis parameters, so a view can be shared by link. */
export interface ConcentrationSearch {
  criticality?: Criticality[];
  threshold?: number;
  weighting?: Weighting;
  by?: CountryRule;
}

export const DEFAULT_CRITICALITY: Criticality[] = ["critical", "important"];
export const DEFAULT_THRESHOLD = 0.4;

/** Reads the search params defensively: unknown values fall back to the defaults. */
export function parseConcentrationSearch(raw: Record<string, unknown>): ConcentrationSearch {
  const crit = (Array.isArray(raw.criticality) ? raw.criticality : [raw.criticality]).filter(
    (v): v is Criticality => CRITICALITIES.includes(v as Criticality),
  );
  const threshold = Number(raw.threshold);
  return {
    criticality: crit.length ? [...new Set(crit)] : undefined,
    threshold: threshold >= 0.1 && threshold <= 0.9 ? Math.round(threshold * 100) / 100 : undefined,
    weighting: raw.weighting === "critical2x" ? "critical2x" : undefined,
    by: raw.by === "partnerCountry" ? "partnerCountry" : undefined,
  };
}

/** The parameters with defaults filled in. */
export function resolveSearch(s: ConcentrationSearch) {
  return {
    criticality: s.criticality ?? DEFAULT_CRITICALITY,
    threshold: s.threshold ?? DEFAULT_THRESHOLD,
    weighting: s.weighting ?? ("count" as Weighting),
    by: s.by ?? ("dataLocation" as CountryRule),
  };
}

/**
 * Whether `/me` allows reading the concentration analysis; servers that do not report the ability
 * yet fall back to the policy (every staff role).
 */
export function canReadConcentration(me: Me): boolean {
  const ability = (me.abilities as Record<string, Record<string, boolean> | undefined>).concentration;
  return ability ? ability.read === true : me.user.role !== "partner";
}
