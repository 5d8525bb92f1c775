import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";

dayjs.extend(relativeTime);

/** "12 Mar 2025" for an ISO timestamp or date; an em dash for nothing. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format("D MMM YYYY") : "—";
}

/** "12 Mar 2025, 14:03" in the viewer's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format("D MMM YYYY, HH:mm") : "—";
}

/** "3 hours ago". */
export function fromNow(value: string | null | undefined): string {
  return value ? dayjs(value).fromNow() : "—";
}

/**
 * The flag emoji of an ISO 3166-1 alpha-2 code, built from regional indicator symbols (no image
 * assets to ship); an empty string for anything that is not two letters.
 */
export function flagEmoji(code: string | null | undefined): string {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return "";
  const base = 0x1f1e6 - 65;
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => base + c.charCodeAt(0)));
}

/** The current wall-clock time in an IANA time zone, e.g. "14:05 (Tue)". */
export function localTimeIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    }).format(now);
  } catch {
    return "—";
  }
}

/** Whole days until an ISO timestamp (negative when past). */
export function daysUntil(value: string): number {
  return Math.ceil((new Date(value).getTime() - Date.now()) / 86_400_000);
}
