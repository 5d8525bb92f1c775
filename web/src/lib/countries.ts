import { countryName, listCountries } from "../../../domain/countries";
import { flagEmoji } from "./format";

/** Country options for selects: value is the ISO code, label shows the flag and English name. */
export const COUNTRY_OPTIONS = listCountries().map((c) => ({
  value: c.code,
  label: `${flagEmoji(c.code)} ${c.name}`,
}));

/** The English name of a country code (the server sends `countryName` too where it can). */
export { countryName };

/** The viewer's own time zone, the natural default for a new site. */
export const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * Every IANA time zone this browser knows, for the site form. Browsers list canonical zones only,
 * which leaves out "UTC" and sometimes the browser's own zone, so both are added.
 */
export const TIME_ZONES: string[] = (() => {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    // Very old browsers: the two below still make the form usable.
  }
  return [...new Set([...zones, BROWSER_TIME_ZONE, "UTC"])].sort();
})();
