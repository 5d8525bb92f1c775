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
