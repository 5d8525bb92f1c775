/** Placeholder: being built (issue 6). */
export function AcceptInvitationPage() {
  return null;
}
