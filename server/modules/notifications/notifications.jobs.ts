import { z } from "zod";
import { defineJob, type JobDefinition } from "../../platform/jobs/jobs.js";
import { deliverPendingEmails } from "./notifications.email.js";
import { deliverDueWebhooks } from "./webhooks.delivery.js";

/** The email outbox: sends what `publishEvents` queued, every minute. */
const emailOutbox = defineJob({
  name: "notifications-email",
  description: "Send pending notification emails (retried up to 5 times)",
  payload: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
  cron: "* * * * *",
  async handler(ctx, data) {
    return { ...(await deliverPendingEmails(ctx, { limit: data.limit ?? 200 })) };
  },
});

/** Webhook deliveries that are due (new ones and retries), every minute. */
const webhookOutbox = defineJob({
  name: "webhooks-deliver",
  description: "Deliver due webhook calls, retrying failures with backoff",
  payload: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
  cron: "* * * * *",
  async handler(ctx, data) {
    return { ...(await deliverDueWebhooks(ctx, { limit: data.limit ?? 100 })) };
  },
});

/** The email outbox and webhook delivery jobs (spread into the product's job list). */
export const NOTIFICATION_JOBS: readonly JobDefinition[] = [emailOutbox, webhookOutbox];
