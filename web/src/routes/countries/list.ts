import { INDICATORS, type Indicator, RISK_LEVELS } from "../../../../domain/governance";
import type { CountryListItem } from "./queries";
import type { CountriesSearch, SortField } from "./search";

const isIndicator = (f: string): f is Indicator => (INDICATORS as readonly string[]).includes(f);

/** The value a column sorts by; null sorts last either way. */
function sortValue(c: CountryListItem, field: SortField): string | number | null {
  if (field === "name") return c.name;
  if (field === "region") return c.region;
  if (field === "risk") return c.risk.level ? RISK_LEVELS.indexOf(c.risk.level) : null;
  if (field === "partners") return c.partnerCount;
  if (field === "services") return c.serviceCount;
  if (isIndicator(field)) return c.governance.percentiles[field] ?? null;
  return null;
}

/** Applies the search box, filters and sort of the URL to the full list. */
export function filterCountries(items: CountryListItem[], s: CountriesSearch): CountryListItem[] {
  const q = s.q?.trim().toLowerCase();
  const rows = items.filter(
    (c) =>
      (!q || c.name.toLowerCase().includes(q) || c.code.toLowerCase() === q) &&
      (!s.region || c.region === s.region) &&
      (!s.risk || c.risk.level === s.risk) &&
      (!s.ours || c.partnerCount > 0),
  );
  const sort = s.sort ?? "name";
  const desc = sort.startsWith("-");
  const field = sort.replace(/^-/, "") as SortField;
  return rows.sort((a, b) => {
    const va = sortValue(a, field);
    const vb = sortValue(b, field);
    if (va === null || vb === null) return va === vb ? a.name.localeCompare(b.name) : va === null ? 1 : -1;
    const cmp = typeof va === "string" ? va.localeCompare(String(vb)) : va - (vb as number);
    return (desc ? -cmp : cmp) || a.name.localeCompare(b.name);
  });
}
