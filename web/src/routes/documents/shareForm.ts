import dayjs from "dayjs";
import { MAX_SHARE_DAYS } from "../../../../domain/documents";
import { nullIfBlank } from "../../lib/forms";

/** The share form's values, their conversion to the API body, and the checks made before any request. */

export interface ShareValues {
  partnerId: string | null;
  partnerName: string | null;
  /** The whole partner (its portal users now and later) or named users. */
  audience: "partner" | "users";
  userIds: string[];
  /** The last day the share works, "YYYY-MM-DD"; it ends at that day's midnight, local time. */
  expiresOn: string | null;
  allowDownload: boolean;
  note: string;
}

/** The default length of a share: long enough for a piece of work, short enough to be revisited. */
export const DEFAULT_SHARE_DAYS = 30;

/**
 * The latest day a share may run to. The share ends at the end of that day, so the day before the
 * server's limit keeps `expiresAt` within {@link MAX_SHARE_DAYS} of now whatever the time of day.
 */
export const lastShareDay = (today: Date = new Date()) =>
  dayjs(today)
    .add(MAX_SHARE_DAYS - 1, "day")
    .format("YYYY-MM-DD");

/** A new share's values: the document's partner (if any), +30 days, view only. */
export const blankShare = (
  partner: { id: string; name: string } | null,
  today: Date = new Date(),
): ShareValues => ({
  partnerId: partner?.id ?? null,
  partnerName: partner?.name ?? null,
  audience: "partner",
  userIds: [],
  expiresOn: dayjs(today).add(DEFAULT_SHARE_DAYS, "day").format("YYYY-MM-DD"),
  allowDownload: false,
  note: "",
});

/** The instant a share chosen to run "until `day`" ends: the end of that day in the viewer's zone. */
export const endOfDay = (day: string) => dayjs(day).endOf("day").toDate().toISOString();

/** Form errors before any request: the server's rules in words (it checks them again). */
export function validateShare(v: ShareValues, now: Date = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.partnerId) errors.partnerId = "Choose a partner";
  if (v.audience === "users" && v.userIds.length === 0) errors.userIds = "Choose at least one portal user";
  if (v.audience === "users" && v.userIds.length > 100) errors.userIds = "At most 100 users per share";
  if (!v.expiresOn) errors.expiresOn = "Choose until when the share works";
  else if (new Date(endOfDay(v.expiresOn)).getTime() <= now.getTime())
    errors.expiresOn = "Choose a future day";
  else if (v.expiresOn > lastShareDay(now)) errors.expiresOn = `At most ${MAX_SHARE_DAYS} days from today`;
  if (v.note.trim().length > 500) errors.note = "At most 500 characters";
  return errors;
}

/** The API body: either the partner or the named users, never both (the server refuses both). */
export function toShareBody(v: ShareValues) {
  return {
    ...(v.audience === "partner" ? { partnerId: v.partnerId ?? "" } : { userIds: v.userIds }),
    expiresAt: endOfDay(v.expiresOn ?? ""),
    allowDownload: v.allowDownload,
    note: nullIfBlank(v.note) ?? undefined,
  };
}
