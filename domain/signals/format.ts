import { countryName } from "../countries.js";
import type { Criticality } from "../partners.js";
import type { CountryFacts, IndicatorFact, PartnerFacts, ServiceFacts } from "./facts.js";
import type { SignalFact } from "./types.js";

/*
 * Wording and scales shared by the rules, so every explanation reads the same way and every
 * rule grades impact alike.
 */

/** Sources named in facts. */
export const SOURCES = {
  register: "Outsight partner register",
  ourSites: "Outsight organization sites",
  wgi: (f: IndicatorFact) => `World Bank WGI ${f.year} (${f.source})`,
  dataProtection: (asOf: string) =>
    `Outsight data-protection table as of ${asOf} (European Commission adequacy decisions)`,
  settings: "Organization risk settings",
} as const;

/**
 * Impact of losing a service, by its criticality: a critical service's failure is severe (5), an
 * important one's major (4), a standard one's moderate (3).
 */
export const IMPACT_BY_CRITICALITY: Record<Criticality, number> = { critical: 5, important: 4, standard: 3 };

const RANK: Record<Criticality, number> = { critical: 0, important: 1, standard: 2 };

// One collator for every sort: `String#localeCompare` builds one per call, which dominates
// evaluations over thousands of partners.
const collator = new Intl.Collator("en");
/** Locale-aware comparison of names. */
export const byName = (a: string, b: string) => collator.compare(a, b);

/** The most critical of `services`' criticalities, or null when there are none. */
export function highestCriticality(services: readonly ServiceFacts[]): Criticality | null {
  let best: Criticality | null = null;
  for (const s of services) if (best === null || RANK[s.criticality] < RANK[best]) best = s.criticality;
  return best;
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "'Payroll' (critical)" for each service, in a stable order. */
export function servicesText(services: readonly ServiceFacts[]): string {
  return listText(
    [...services]
      .sort((a, b) => RANK[a.criticality] - RANK[b.criticality] || byName(a.name, b.name))
      .map((s) => `'${s.name}' (${s.criticality})`),
  );
}

const countryTexts = new Map<string, string>();
/** "Pakistan (PK)" (remembered: rules name the same few countries thousands of times). */
export function countryText(iso2: string): string {
  let text = countryTexts.get(iso2);
  if (text === undefined) {
    text = `${countryName(iso2)} (${iso2})`;
    countryTexts.set(iso2, text);
  }
  return text;
}

/** A percentile with one decimal, as the WGI publishes it. */
export const percentileText = (p: number) => p.toFixed(1);

/** Where a partner is present in each country: its headquarters and its sites, by ISO code. */
export function partnerPresence(p: PartnerFacts): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const add = (iso2: string, what: string) => where.set(iso2, [...(where.get(iso2) ?? []), what]);
  add(p.country, "headquarters");
  for (const s of [...p.sites].sort(
    (a, b) => byName(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  ))
    add(s.country, `site '${s.name}' (${s.city})`);
  return where;
}

/** Data categories that make a service's data personal. */
export const PERSONAL_DATA_CATEGORIES = ["personal_data", "sensitive_personal_data", "health"] as const;
/** The subset whose exposure is most harmful (special categories under the GDPR). */
export const SENSITIVE_DATA_CATEGORIES = ["sensitive_personal_data", "health"] as const;

const includesAny = (list: readonly string[], wanted: readonly string[]) =>
  wanted.some((w) => list.includes(w));

/** True when the service handles personal data of any kind. */
export const handlesPersonalData = (s: ServiceFacts) =>
  includesAny(s.dataCategories, PERSONAL_DATA_CATEGORIES);
/** True when the service handles special-category (sensitive or health) data. */
export const handlesSensitiveData = (s: ServiceFacts) =>
  includesAny(s.dataCategories, SENSITIVE_DATA_CATEGORIES);

/**
 * Countries where a partner processes or stores the personal data of `services`: its
 * headquarters and sites (processed: the partner's staff work there) and the services' data
 * locations (stored), each with how it is involved, by ISO code.
 */
export function personalDataCountries(
  p: PartnerFacts,
  services: readonly ServiceFacts[],
): Map<string, { how: string[]; services: ServiceFacts[] }> {
  const out = new Map<string, { how: string[]; services: ServiceFacts[] }>();
  const entry = (iso2: string) => {
    let e = out.get(iso2);
    if (!e) {
      e = { how: [], services: [] };
      out.set(iso2, e);
    }
    return e;
  };
  for (const [iso2, where] of partnerPresence(p)) {
    const e = entry(iso2);
    e.how.push(...where.map((w) => `processed at ${w}`));
    e.services.push(...services);
  }
  for (const s of services)
    for (const iso2 of s.dataLocations) {
      const e = entry(iso2);
      e.how.push(`'${s.name}' data stored there`);
      if (!e.services.includes(s)) e.services.push(s);
    }
  return out;
}

/** The fact stating one WGI indicator of a country. */
export function governanceFact(label: string, iso2: string, f: IndicatorFact): SignalFact {
  return {
    label: `${label} percentile, ${countryText(iso2)}`,
    value: `${percentileText(f.percentile)} (${f.year})`,
    source: SOURCES.wgi(f),
  };
}

/** The fact stating one bound of the organization's settings. */
export const boundFact = (label: string, value: string): SignalFact => ({
  label,
  value,
  source: SOURCES.settings,
});

/** Country facts, or an "unknown" placeholder for a country the loader had nothing about. */
export function countryFacts(countries: Record<string, CountryFacts>, iso2: string): CountryFacts {
  return (
    countries[iso2] ?? { governance: {}, dataProtection: { status: "unknown", law: null, asOf: "unknown" } }
  );
}

/** A rating kept within 1–5. */
export const clampRating = (n: number) => Math.max(1, Math.min(5, Math.round(n)));
