import { Classification } from "../../../../domain/documents";
import { enumParam, idParam, limitParam, textParam } from "../../lib/searchParams";

/** The document list's URL state: filters and page size (cursors stay in memory). */
export interface DocumentsSearch {
  q?: string;
  classification?: Classification;
  partnerId?: string;
  limit?: number;
}

/** Reads the list's search params defensively (a stale URL drops unknown values). */
export function parseDocumentsSearch(raw: Record<string, unknown>): DocumentsSearch {
  return {
    q: textParam(raw.q),
    classification: enumParam(raw.classification, Classification.options),
    partnerId: idParam(raw.partnerId),
    limit: limitParam(raw.limit),
  };
}

/** True when any filter narrows the list (page size does not count). */
export const hasFilters = (s: DocumentsSearch) => Boolean(s.q || s.classification || s.partnerId);
