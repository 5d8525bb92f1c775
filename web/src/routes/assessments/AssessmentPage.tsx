/** Placeholder: being built (issue 6). */
export function AssessmentPage() {
  return null;
}
