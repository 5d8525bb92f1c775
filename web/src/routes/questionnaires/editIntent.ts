/**
 * Templates to open straight in edit mode, set by "New blank template" just before it navigates
 * to the new template. Kept in memory rather than in the URL because the template route's search
 * schema lives in the shared router file; a reload simply opens the template read-only.
 */
const pending = new Set<string>();

/** Asks the template page to open `id` in edit mode once. */
export function requestEdit(id: string): void {
  pending.add(id);
}

/** True (once) when `id` was asked to open in edit mode. */
export function takeEditRequest(id: string): boolean {
  return pending.delete(id);
}
