import { and, eq, inArray, sql } from "drizzle-orm";
import {
  type NotificationType,
  WEBHOOK_BACKOFF_SECONDS,
  type WebhookPayload,
} from "../../../domain/notifications.js";
import type { AppContext } from "../../platform/context.js";
import { notificationEvents, webhookDeliveries, webhooks } from "./notifications.tables.js";
import { postWebhook } from "./webhooks.send.js";

/** How long a receiver may take to answer one delivery. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** Calls in flight at once, so one slow receiver does not hold up everyone else's deliveries. */
const CONCURRENCY = 8;
/**
 * A claimed delivery is pushed this far into the future before its call: other instances skip
 * it meanwhile, and if this process dies mid-call it becomes due again once the lease runs out.
 */
const LEASE = "10 minutes";

/** The body a webhook receives for an event. */
export function webhookPayload(e: typeof notificationEvents.$inferSelect): WebhookPayload {
  return {
    id: e.id,
    type: e.type as NotificationType,
    occurredAt: e.createdAt.toISOString(),
    organizationId: e.orgId,
    title: e.title,
    body: e.body,
    link: e.link,
    subject: e.subjectType && e.subjectId ? { type: e.subjectType, id: e.subjectId } : null,
    data: e.data,
  };
}

/** What one run did. */
export interface WebhookRunResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers due webhook deliveries (pending, `next_attempt_at` passed), at most `limit` a run.
 * Rows are claimed with `FOR UPDATE SKIP LOCKED` in a short transaction that moves their next
 * attempt out by a lease and commits; the HTTP calls happen outside any transaction; each
 * outcome is then written on its own. Failures wait `WEBHOOK_BACKOFF_SECONDS[attempts - 1]`;
 * once the schedule is exhausted the delivery is `failed`. Deliveries of a webhook switched off
 * since they were queued are failed without a call.
 */
export async function deliverDueWebhooks(
  ctx: AppContext,
  opts: { limit: number },
): Promise<WebhookRunResult> {
  const { db } = ctx.database;
  const claimed = await db.execute<{ id: string }>(sql`
    WITH due AS (
      SELECT id FROM ${webhookDeliveries}
       WHERE status = 'pending' AND next_attempt_at <= now()
       ORDER BY next_attempt_at
       LIMIT ${opts.limit}
       FOR UPDATE SKIP LOCKED)
    UPDATE ${webhookDeliveries} d SET next_attempt_at = now() + ${LEASE}::interval
      FROM due WHERE d.id = due.id
    RETURNING d.id`);
  const ids = claimed.rows.map((r) => r.id);
  const result: WebhookRunResult = { delivered: 0, retrying: 0, failed: 0 };
  if (!ids.length) return result;
  const rows = await db
    .select({ d: webhookDeliveries, hook: webhooks, event: notificationEvents })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(notificationEvents, eq(notificationEvents.id, webhookDeliveries.eventId))
    .where(inArray(webhookDeliveries.id, ids));

  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const { d, hook, event } = row;
      const outcome = hook.active
        ? await postWebhook({
            url: hook.url,
            secret: hook.secret,
            deliveryId: d.id,
            event: event.type,
            payload: webhookPayload(event),
            timeoutMs: DELIVERY_TIMEOUT_MS,
          })
        : { delivered: false, responseStatus: null, error: "The webhook was switched off" };
      const attempts = d.attempts + 1;
      const wait = hook.active ? WEBHOOK_BACKOFF_SECONDS[attempts - 1] : undefined;
      const status = outcome.delivered ? "delivered" : wait === undefined ? "failed" : "pending";
      result[status === "pending" ? "retrying" : status] += 1;
      await db
        .update(webhookDeliveries)
        .set({
          status,
          attempts: hook.active ? attempts : d.attempts,
          responseStatus: outcome.responseStatus,
          error: outcome.error,
          deliveredAt: outcome.delivered ? new Date() : null,
          nextAttemptAt: status === "pending" ? sql`now() + make_interval(secs => ${wait})` : null,
        })
        .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, "pending")));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
  return result;
}
