/** Placeholder: being built (issue 6). */
export function PortalAssessmentPage() {
  return null;
}
