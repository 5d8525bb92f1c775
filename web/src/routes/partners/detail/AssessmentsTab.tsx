/** Placeholder: being built (issue 6). */
export function AssessmentsTab() {
  return null;
}
