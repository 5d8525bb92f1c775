import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type {
  CreateWebhook,
  NotificationType,
  UpdateWebhook,
  Webhook,
  WebhookDelivery,
  WebhookTestResult,
} from "../../../domain/notifications.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { notificationEvents, webhookDeliveries, webhooks } from "./notifications.tables.js";
import { postWebhook } from "./webhooks.send.js";

type WebhookRow = typeof webhooks.$inferSelect;
type Page = { limit: number; cursor?: string };
type Status = WebhookDelivery["status"];

const WEBHOOK_SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${webhooks.createdAt}`, cast: "timestamptz" },
};
const DELIVERY_SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${webhookDeliveries.createdAt}`, cast: "timestamptz" },
};

/** How long the test button waits for the receiver (someone is watching the screen). */
const TEST_TIMEOUT_MS = 5_000;

/** A fresh signing secret: 32 random bytes, shown once. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/** What the audit trail keeps of a webhook: never the secret. */
const snapshot = (w: WebhookRow) => ({
  url: w.url,
  description: w.description,
  events: w.events,
  active: w.active,
});

/** The API shape of a webhook (whitelisted; the secret never leaves after creation). */
function presentWebhook(w: WebhookRow, last: Webhook["lastDelivery"] | undefined): Webhook {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events as NotificationType[],
    active: w.active,
    createdAt: w.createdAt.toISOString(),
    lastDelivery: last ?? null,
  };
}

/**
 * The newest delivery of each webhook (`at`: when it was delivered, else when it was queued; a
 * delivery keeps no time per attempt).
 */
async function lastDeliveries(q: Queryable, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, NonNullable<Webhook["lastDelivery"]>>();
  const rows = await q
    .selectDistinctOn([webhookDeliveries.webhookId], {
      webhookId: webhookDeliveries.webhookId,
      status: webhookDeliveries.status,
      at: sql<Date>`coalesce(${webhookDeliveries.deliveredAt}, ${webhookDeliveries.createdAt})`.mapWith(
        (v: string | Date) => new Date(v),
      ),
      responseStatus: webhookDeliveries.responseStatus,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), inArray(webhookDeliveries.webhookId, ids)))
    .orderBy(webhookDeliveries.webhookId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  return new Map(
    rows.map((r) => [
      r.webhookId,
      { status: r.status as Status, at: r.at.toISOString(), responseStatus: r.responseStatus },
    ]),
  );
}

/** The organization's outgoing webhooks: CRUD, their deliveries and a test ping. */
export function createWebhookService(ctx: AppContext) {
  const { db } = ctx.database;

  async function find(q: Queryable | Tx, orgId: string, id: string, lock = false): Promise<WebhookRow> {
    const query = q
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.id, id), eq(webhooks.orgId, orgId)));
    const [w] = lock ? await query.for("update") : await query;
    if (!w) throw notFound("Webhook");
    return w;
  }

  async function present(q: Queryable, w: WebhookRow) {
    return presentWebhook(w, (await lastDeliveries(q, w.orgId, [w.id])).get(w.id));
  }

  return {
    /** The organization's webhooks, newest first, each with its latest delivery. */
    async list(actor: Actor, q: Page) {
      const order = keysetOrdering(WEBHOOK_SORTS, webhooks.id, "-createdAt", q.cursor);
      const where: SQL[] = [eq(webhooks.orgId, actor.orgId)];
      if (order.after) where.push(order.after);
      const rows = await db
        .select({ w: webhooks, sortValue: order.sortValue })
        .from(webhooks)
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      const last = await lastDeliveries(
        db,
        actor.orgId,
        rows.map((r) => r.w.id),
      );
      return order.page(
        rows,
        q.limit,
        (r) => r.w.id,
        (r) => presentWebhook(r.w, last.get(r.w.id)),
      );
    },

    /** One webhook of the organization, or 404. */
    async get(actor: Actor, id: string) {
      return present(db, await find(db, actor.orgId, id));
    },

    /** Creates a webhook with a fresh secret, returned this once. */
    async create(actor: Actor, input: CreateWebhook) {
      return db.transaction(async (tx) => {
        const [w] = await tx
          .insert(webhooks)
          .values({
            orgId: actor.orgId,
            url: input.url,
            description: input.description ?? null,
            events: [...new Set(input.events)],
            active: input.active,
            secret: newSecret(),
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "webhook.create",
          entityType: "webhook",
          entityId: w.id,
          after: snapshot(w),
        });
        return { ...presentWebhook(w, null), secret: w.secret };
      });
    },

    /** Changes a webhook's URL, description, events or active flag (the secret stays). */
    async update(actor: Actor, id: string, patch: UpdateWebhook) {
      return db.transaction(async (tx) => {
        const before = await find(tx, actor.orgId, id, true);
        const [after] = await tx
          .update(webhooks)
          .set({
            ...patch,
            ...(patch.events ? { events: [...new Set(patch.events)] } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(webhooks.id, id), eq(webhooks.orgId, actor.orgId)))
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "webhook.update",
          entityType: "webhook",
          entityId: id,
          before: snapshot(before),
          after: snapshot(after),
        });
        return present(tx, after);
      });
    },

    /** Deletes a webhook and its delivery history. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await find(tx, actor.orgId, id, true);
        await tx.delete(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.orgId, actor.orgId)));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "webhook.delete",
          entityType: "webhook",
          entityId: id,
          before: snapshot(before),
        });
      });
    },

    /** A webhook's deliveries, newest first. */
    async deliveries(actor: Actor, id: string, q: Page) {
      await find(db, actor.orgId, id);
      const order = keysetOrdering(DELIVERY_SORTS, webhookDeliveries.id, "-createdAt", q.cursor);
      const where: SQL[] = [eq(webhookDeliveries.orgId, actor.orgId), eq(webhookDeliveries.webhookId, id)];
      if (order.after) where.push(order.after);
      const rows = await db
        .select({
          d: webhookDeliveries,
          type: notificationEvents.type,
          title: notificationEvents.title,
          sortValue: order.sortValue,
        })
        .from(webhookDeliveries)
        .innerJoin(notificationEvents, eq(notificationEvents.id, webhookDeliveries.eventId))
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.d.id,
        ({ d, type, title }): WebhookDelivery => ({
          id: d.id,
          eventType: type as NotificationType,
          eventTitle: title,
          status: d.status as Status,
          attempts: d.attempts,
          nextAttemptAt: d.nextAttemptAt ? d.nextAttemptAt.toISOString() : null,
          responseStatus: d.responseStatus,
          error: d.error,
          deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
          createdAt: d.createdAt.toISOString(),
        }),
      );
    },

    /**
     * Sends one signed `ping` now and reports the outcome; nothing is queued or retried. The call
     * runs outside any transaction; the audit event is written after it.
     */
    async test(actor: Actor, id: string): Promise<WebhookTestResult> {
      const w = await find(db, actor.orgId, id);
      const outcome = await postWebhook({
        url: w.url,
        secret: w.secret,
        deliveryId: randomUUID(),
        event: "ping",
        payload: {
          id: randomUUID(),
          type: "ping",
          occurredAt: new Date().toISOString(),
          organizationId: actor.orgId,
          title: "Test delivery from Outsight",
          body: "Your webhook is reachable and can verify Outsight's signature.",
          link: null,
          subject: null,
          data: {},
        },
        timeoutMs: TEST_TIMEOUT_MS,
      });
      await db.transaction(async (tx) => {
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "webhook.test",
          entityType: "webhook",
          entityId: id,
          after: { delivered: outcome.delivered, responseStatus: outcome.responseStatus },
        });
      });
      return outcome;
    },
  };
}
