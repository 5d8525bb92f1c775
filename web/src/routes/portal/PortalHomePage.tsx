/** Placeholder: being built (issue 6). */
export function PortalHomePage() {
  return null;
}
