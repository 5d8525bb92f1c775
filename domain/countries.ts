import ctz from "countries-and-timezones";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };

countries.registerLocale(en);

/** True when `code` is an assigned ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

// CLDR's everyday English names ("China", "South Korea") from the runtime's ICU, rather than the
// ISO official forms ("People's Republic of China") that read badly in tables.
const displayNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** English short name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. */
export function countryName(code: string): string {
  if (!isCountryCode(code)) return code;
  return displayNames.of(code) ?? countries.getName(code, "en") ?? code;
}

/** All ISO 3166-1 alpha-2 codes with their English names, sorted by name. */
export function listCountries(): { code: string; name: string }[] {
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The continental regions used to group countries (the top level of the UN M49 scheme). */
export const REGIONS = ["Africa", "Americas", "Antarctica", "Asia", "Europe", "Oceania"] as const;
export type Region = (typeof REGIONS)[number];

// The continent follows from a country's IANA time-zone areas ("Europe/…", "America/…"); the
// ocean areas and a few countries whose zones span continents are pinned here, following the UN
// M49 regions (e.g. Russia → Europe, Cyprus → Asia, Australia → Oceania).
const REGION_OF_AREA: Record<string, Region> = {
  Africa: "Africa",
  America: "Americas",
  Antarctica: "Antarctica",
  Asia: "Asia",
  Europe: "Europe",
  Pacific: "Oceania",
  Australia: "Oceania",
};
const REGION_EXCEPTIONS: Record<string, Region> = {
  AU: "Oceania",
  RU: "Europe",
  ES: "Europe",
  PT: "Europe",
  FO: "Europe",
  IS: "Europe",
  XK: "Europe",
  CY: "Asia",
  MV: "Asia",
  IO: "Asia",
  CX: "Oceania",
  CC: "Oceania",
  MU: "Africa",
  RE: "Africa",
  SC: "Africa",
  CV: "Africa",
  SH: "Africa",
  TF: "Antarctica",
  BV: "Antarctica",
  HM: "Antarctica",
  GS: "Antarctica",
  AQ: "Antarctica",
  BM: "Americas",
  FK: "Americas",
  EC: "Americas",
  CL: "Americas",
  NZ: "Oceania",
};

// Kosovo (user-assigned XK) is missing from countries-and-timezones; it keeps Central European Time.
const TIME_ZONE_EXCEPTIONS: Record<string, string[]> = { XK: ["Europe/Belgrade"] };

/** The IANA time zones used in a country (countries-and-timezones), or [] when none is known. */
export function countryTimeZones(code: string): string[] {
  return TIME_ZONE_EXCEPTIONS[code] ?? ctz.getCountry(code)?.timezones ?? [];
}

/** The continental region of a country (see REGIONS), or null when it cannot be told. */
export function countryRegion(code: string): Region | null {
  const pinned = REGION_EXCEPTIONS[code];
  if (pinned) return pinned;
  const counts = new Map<Region, number>();
  for (const tz of countryTimeZones(code)) {
    const region = REGION_OF_AREA[tz.split("/")[0]];
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
