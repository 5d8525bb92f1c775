/** Placeholder: being built (issue 6). */
export function AssessmentsPage() {
  return null;
}
