/** Placeholder: being built (issue 6). */
export function PortalLayout() {
  return null;
}
