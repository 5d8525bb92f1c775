/** ISO 8601 of a timestamp column, keeping null as null. */
export function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** ISO 8601 of a non-null timestamp column. */
export function isoRequired(d: Date): string {
  return d.toISOString();
}
