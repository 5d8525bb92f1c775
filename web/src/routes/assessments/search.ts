/** Search params of the assessments board (placeholder: being built). */
export type AssessmentsSearch = Record<string, never>;

/** Validates the board's search params. */
export function parseAssessmentsSearch(_search: Record<string, unknown>): AssessmentsSearch {
  return {};
}
