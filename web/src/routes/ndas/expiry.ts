const plural = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The countdown in words: "expires today", "in 12 days", "expired 3 days ago". */
export function expiryCountdown(days: number | null): string {
  if (days === null) return "No expiry";
  if (days === 0) return "Expires today";
  return days > 0 ? `In ${plural(days)}` : `Expired ${plural(-days)} ago`;
}
