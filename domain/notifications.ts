import { z } from "zod";
import { Id, OptionalText, PageQuery } from "./common.js";

/**
 * Notifications: the events the product tells people about, in-app and by email, and the
 * organization's outgoing webhooks.
 */

/** Every kind of event, with the words the preferences page and emails use. */
export const NOTIFICATION_TYPES = [
  "notice_deadline",
  "contract_ending",
  "obligation_due",
  "obligation_overdue",
  "contract_review_due",
  "risk_review_due",
  "kpi_breach",
  "kpi_anomaly",
  "assessment_sent",
  "assessment_due",
  "assessment_overdue",
  "assessment_submitted",
  "assessment_clarification",
  "assessment_drafted",
  "nda_expiring",
  "document_shared",
] as const;
export const NotificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationType>;

export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, { label: string; description: string }> = {
  notice_deadline: {
    label: "Notice deadlines",
    description: "30 and 7 days before the last day to give notice on a contract, and on the day",
  },
  contract_ending: { label: "Contracts ending", description: "30 days before a contract's end date" },
  obligation_due: { label: "Obligations due", description: "7 days before an open obligation is due" },
  obligation_overdue: {
    label: "Obligations overdue",
    description: "When an open obligation passes its due date",
  },
  contract_review_due: {
    label: "Contract reviews due",
    description: "When a contract's next review date arrives",
  },
  risk_review_due: { label: "Risk reviews due", description: "When a risk's next review date arrives" },
  kpi_breach: { label: "KPI breaches", description: "A measurement crosses a KPI's breach threshold" },
  kpi_anomaly: {
    label: "KPI anomalies",
    description: "Statistical process control sees a KPI drifting before a threshold is crossed",
  },
  assessment_sent: {
    label: "Questionnaires to answer",
    description: "A questionnaire is sent to your company (partner users)",
  },
  assessment_due: {
    label: "Questionnaires due",
    description: "7, 3 and 1 days before a questionnaire's due date while it is unanswered",
  },
  assessment_overdue: {
    label: "Questionnaires overdue",
    description: "When a questionnaire passes its due date without being submitted",
  },
  assessment_submitted: {
    label: "Questionnaires submitted",
    description: "A partner submits a questionnaire for review",
  },
  assessment_clarification: {
    label: "Clarifications requested",
    description: "A reviewer asks your company to clarify answers (partner users)",
  },
  assessment_drafted: {
    label: "Reassessments drafted",
    description: "The scheduler drafts a partner's next assessment by its tier's cadence",
  },
  nda_expiring: { label: "NDAs expiring", description: "30 and 7 days before an NDA expires" },
  document_shared: {
    label: "Documents shared with you",
    description: "A document is shared with your company or with you (partner users, by email)",
  },
};

/** Where an event points to in the product. */
export const SUBJECT_TYPES = ["contract", "obligation", "risk", "kpi", "assessment", "nda"] as const;
export const SubjectType = z.enum(SUBJECT_TYPES);
export type SubjectType = z.infer<typeof SubjectType>;

/** One in-app notification of the signed-in user. */
export const Notification = z.object({
  id: Id,
  type: NotificationType,
  title: z.string(),
  body: z.string(),
  /** A path in the web app, e.g. `/contracts/…`. */
  link: z.string().nullable(),
  subject: z.object({ type: SubjectType, id: Id }).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** Query of `GET /api/v1/notifications`. */
export const ListNotificationsQuery = PageQuery.extend({
  unread: z.enum(["true", "false"]).optional(),
  type: NotificationType.optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

/** Answer of `GET /api/v1/notifications`: the page plus the unread count for the bell. */
export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});

/** Answer of `GET /api/v1/notifications/unread-count` (polled by the bell). */
export const UnreadCount = z.object({ unread: z.number().int() });

/** Body of `POST /api/v1/notifications/read`: the ids to mark read, or all of them. */
export const MarkRead = z.union([
  z.object({ ids: z.array(Id).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkRead = z.infer<typeof MarkRead>;

/** One line of the user's preferences: which channels a type of event uses. */
export const NotificationPreference = z.object({
  type: NotificationType,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

/** Answer of `GET /api/v1/notification-preferences`: every type, defaults filled in. */
export const NotificationPreferences = z.object({
  items: z.array(NotificationPreference),
  /** False when the server has no `SMTP_URL`: email choices are kept but nothing is sent. */
  emailEnabled: z.boolean(),
});

/** Body of `PUT /api/v1/notification-preferences`: the types to change. */
export const UpdateNotificationPreferences = z.object({
  items: z.array(NotificationPreference).min(1).max(NOTIFICATION_TYPES.length),
});
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;

/** Both channels on: the default for every type until a user changes it. */
export const DEFAULT_PREFERENCE = { inApp: true, email: true } as const;

// ── Webhooks ──────────────────────────────────────────────────────────────────────────────────

/** An https URL (http only to localhost, for development and tests). */
export const WebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine(
    (u) => {
      const url = new URL(u);
      return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    },
    { message: "Use https (plain http only to localhost)" },
  );

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

/** A webhook as listed (the secret is shown once, at creation). */
export const Webhook = z.object({
  id: Id,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(NotificationType),
  active: z.boolean(),
  createdAt: z.string(),
  /** The most recent delivery attempt's outcome, if any. */
  lastDelivery: z
    .object({
      status: z.enum(DELIVERY_STATUSES),
      at: z.string(),
      responseStatus: z.number().int().nullable(),
    })
    .nullable(),
});
export type Webhook = z.infer<typeof Webhook>;

/** Answer of `POST /api/v1/webhooks`: the webhook and its signing secret, shown this once. */
export const CreatedWebhook = Webhook.extend({ secret: z.string() });

/** Body of `POST /api/v1/webhooks`. */
export const CreateWebhook = z.object({
  url: WebhookUrl,
  description: OptionalText(300),
  events: z.array(NotificationType).min(1).max(NOTIFICATION_TYPES.length),
  active: z.boolean().default(true),
});
export type CreateWebhook = z.infer<typeof CreateWebhook>;

/**
 * Body of `PATCH /api/v1/webhooks/:id`. `active` loses its default here: a partial schema would
 * still fill it in, so any patch would silently switch a paused webhook back on.
 */
export const UpdateWebhook = CreateWebhook.extend({ active: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, {
    message: "Nothing to update",
  });
export type UpdateWebhook = z.infer<typeof UpdateWebhook>;

/** One delivery of an event to a webhook, with its attempts. */
export const WebhookDelivery = z.object({
  id: Id,
  eventType: NotificationType,
  eventTitle: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/**
 * Retry schedule of webhook deliveries: the wait before attempt n+1 after n failures. After the
 * last one the delivery is `failed`.
 */
export const WEBHOOK_BACKOFF_SECONDS = [60, 300, 1800, 7200, 43_200] as const;

/** The JSON body every webhook receives (signed: `X-Outsight-Signature: sha256=<hex HMAC>`). */
export interface WebhookPayload {
  id: string;
  type: NotificationType;
  occurredAt: string;
  organizationId: string;
  title: string;
  body: string;
  link: string | null;
  subject: { type: string; id: string } | null;
  data: Record<string, unknown>;
}

/** Answer of `POST /api/v1/webhooks/:id/test`: how one signed `ping` sent just now fared. */
export const WebhookTestResult = z.object({
  delivered: z.boolean(),
  /** The receiver's HTTP status, or null when no answer came (refused, timed out). */
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;
