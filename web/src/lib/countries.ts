import type { ComboboxItem, OptionsFilter } from "@mantine/core";
import { countryName, listCountries } from "../../../domain/countries";
import { flagEmoji } from "./format";

/**
 * Country options for selects: value is the ISO code, label shows the flag and the everyday English
 * name ("China", "South Korea"), from `Intl.DisplayNames` like the API's `countryName`.
 */
export const COUNTRY_OPTIONS = listCountries().map((c) => ({
  value: c.code,
  label: `${flagEmoji(c.code)} ${c.name}`,
}));

const NAMES = new Map(COUNTRY_OPTIONS.map((o) => [o.value, countryName(o.value).toLowerCase()]));

/**
 * Search for the country selects: Mantine's default keeps list order, so "India" + Enter picked
 * "British Indian Ocean Territory". Names starting with the query (or its exact ISO code) come
 * first, then names with a word starting with it ("korea" → South Korea), then any other match.
 */
export const countryFilter: OptionsFilter = ({ options, search, limit }) => {
  const q = search.trim().toLowerCase();
  const items = options as ComboboxItem[];
  if (!q) return items.slice(0, limit);
  const rank = (o: ComboboxItem) => {
    const name = NAMES.get(o.value) ?? o.label.toLowerCase();
    if (name.startsWith(q) || o.value.toLowerCase() === q) return 0;
    if (name.split(/[\s(-]+/).some((w) => w.startsWith(q))) return 1;
    return name.includes(q) ? 2 : 3;
  };
  return items
    .map((o) => ({ o, r: rank(o) }))
    .filter(({ r }) => r < 3)
    .sort((a, b) => a.r - b.r)
    .slice(0, limit)
    .map(({ o }) => o);
};

/** The everyday English name of a country code (the server sends `countryName` too where it can). */
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
