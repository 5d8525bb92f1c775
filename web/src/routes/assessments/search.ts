import {
  ASSESSMENT_PURPOSES,
  ASSESSMENT_SORTS,
  ASSESSMENT_STATUSES,
  type AssessmentPurpose,
  type AssessmentStatus,
} from "../../../../domain/assessments";
import { enumParam, idParam, listParam, textParam } from "../../lib/searchParams";

export type AssessmentSort = (typeof ASSESSMENT_SORTS)[number];
export type AssessmentsView = "board" | "table";

/** The assessments page's URL state: the view, filters and sort (cursors stay in memory). */
export interface AssessmentsSearch {
  view?: AssessmentsView;
  q?: string;
  status?: AssessmentStatus[];
  partnerId?: string;
  purpose?: AssessmentPurpose;
  /** Only those past their due date while the partner still has to answer. */
  overdue?: boolean;
  sort?: AssessmentSort;
}

/** Reads the page's search params defensively: unknown values are dropped, not fatal. */
export function parseAssessmentsSearch(raw: Record<string, unknown>): AssessmentsSearch {
  return {
    view: enumParam(raw.view, ["board", "table"] as const),
    q: textParam(raw.q),
    status: listParam(raw.status, ASSESSMENT_STATUSES),
    partnerId: idParam(raw.partnerId),
    purpose: enumParam(raw.purpose, ASSESSMENT_PURPOSES),
    // The router may hand back a boolean (JSON search) or the string of a hand-typed URL.
    overdue: raw.overdue === true || raw.overdue === "true" ? true : undefined,
    sort: enumParam(raw.sort, ASSESSMENT_SORTS),
  };
}

/** True when any filter narrows the list (view and sort do not count). */
export function hasFilters(s: AssessmentsSearch): boolean {
  return Boolean(s.q || s.status?.length || s.partnerId || s.purpose || s.overdue);
}

/**
 * The API query of the filters. `status` travels comma-separated (the API's format); the board
 * leaves cancelled assessments out unless the user asks for them, since it has no column for them.
 */
export function toListQuery(s: AssessmentsSearch, forBoard = false) {
  const statuses = s.status?.length
    ? s.status
    : forBoard
      ? ASSESSMENT_STATUSES.filter((x) => x !== "cancelled")
      : undefined;
  return {
    q: s.q,
    status: statuses?.join(","),
    partnerId: s.partnerId,
    purpose: s.purpose,
    overdue: s.overdue ? ("true" as const) : undefined,
    sort: s.sort ?? ("dueDate" as const),
  };
}
