/**
 * Defensive readers for URL search params: hand-edited or stale URLs drop unknown values instead
 * of breaking a page, and a list param accepts one value or many.
 */

/** The values of a (possibly repeated) param that are in `allowed` (any string when null). */
export function listParam<T extends string>(raw: unknown, allowed: readonly T[] | null): T[] | undefined {
  const values = (Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : []).filter(
    (v): v is T => typeof v === "string" && (allowed === null || allowed.includes(v as T)),
  );
  return values.length ? values : undefined;
}

/** A non-blank string param, capped at 200 characters. */
export const textParam = (raw: unknown): string | undefined =>
  typeof raw === "string" && raw.trim() ? raw.slice(0, 200) : undefined;

/** One of `allowed`, or undefined. */
export const enumParam = <T extends string>(raw: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(raw as T) ? (raw as T) : undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID param, or undefined. */
export const idParam = (raw: unknown): string | undefined =>
  typeof raw === "string" && UUID.test(raw) ? raw : undefined;

/** A page size among the pager's choices. */
export const limitParam = (raw: unknown): number | undefined => {
  const limit = Number(raw);
  return [10, 25, 50, 100].includes(limit) ? limit : undefined;
};

/** An object of filters as a query string, lists as repeated keys, empty values left out. */
export function toQueryString(values: Record<string, string | number | boolean | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}
