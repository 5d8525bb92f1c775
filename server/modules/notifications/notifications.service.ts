import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import {
  DEFAULT_PREFERENCE,
  type ListNotificationsQuery,
  type MarkRead,
  NOTIFICATION_TYPES,
  type Notification,
  type NotificationPreference,
  type NotificationType,
  type UpdateNotificationPreferences,
} from "../../../domain/notifications.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { mailerFor } from "../../platform/mail/mailer.js";
import { keysetOrdering, type SortSpec } from "../partners/partners.query.js";
import { notificationEvents, notificationPreferences, notifications } from "./notifications.tables.js";

/** Newest first; the only order the bell and the inbox need. */
const SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${notifications.createdAt}`, cast: "timestamptz" },
};

type Row = { n: typeof notifications.$inferSelect; e: typeof notificationEvents.$inferSelect };

/** The API shape of one in-app notification (whitelisted fields only). */
function presentNotification({ n, e }: Row): Notification {
  return {
    id: n.id,
    type: e.type as NotificationType,
    title: e.title,
    body: e.body,
    link: e.link,
    subject:
      e.subjectType && e.subjectId
        ? { type: e.subjectType as NonNullable<Notification["subject"]>["type"], id: e.subjectId }
        : null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/** The signed-in user's own in-app notifications: every query is scoped to org and user. */
const mine = (actor: Actor) =>
  and(
    eq(notifications.orgId, actor.orgId),
    eq(notifications.userId, actor.userId),
    eq(notifications.inApp, true),
  );

/** Every type with the user's choice, or the default when they never chose. */
async function preferencesOf(q: Queryable, actor: Actor): Promise<NotificationPreference[]> {
  const rows = await q
    .select()
    .from(notificationPreferences)
    .where(
      and(eq(notificationPreferences.orgId, actor.orgId), eq(notificationPreferences.userId, actor.userId)),
    );
  const byType = new Map(rows.map((r) => [r.type, r]));
  return NOTIFICATION_TYPES.map((type) => {
    const r = byType.get(type) ?? DEFAULT_PREFERENCE;
    return { type, inApp: r.inApp, email: r.email };
  });
}

/** The signed-in user's notifications (the bell and the inbox) and their channel preferences. */
export function createNotificationService(ctx: AppContext) {
  const { db } = ctx.database;
  // Tells the process whether mail is on, so `publishEvents` queues email only when it can go.
  const emailEnabled = mailerFor(ctx.config) !== null;

  async function unread(q: Queryable, actor: Actor): Promise<number> {
    const [r] = await q
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine(actor), isNull(notifications.readAt)));
    return r.n;
  }

  return {
    /** One page of the user's in-app notifications, newest first, with the unread count. */
    async list(actor: Actor, q: ListNotificationsQuery) {
      const order = keysetOrdering(SORTS, notifications.id, "-createdAt", q.cursor);
      const where: (SQL | undefined)[] = [mine(actor)];
      if (q.unread === "true") where.push(isNull(notifications.readAt));
      if (q.unread === "false") where.push(sql`${notifications.readAt} IS NOT NULL`);
      if (q.type) where.push(eq(notificationEvents.type, q.type));
      if (order.after) where.push(order.after);
      const rows = await db
        .select({ n: notifications, e: notificationEvents, sortValue: order.sortValue })
        .from(notifications)
        .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      const pageOf = order.page(rows, q.limit, (r) => r.n.id, presentNotification);
      return { ...pageOf, unread: await unread(db, actor) };
    },

    /** How many unread notifications the user has (the bell polls this: one index scan). */
    async unreadCount(actor: Actor) {
      return { unread: await unread(db, actor) };
    },

    /**
     * Marks the given notifications (or all) read. Ids of other users or organizations match
     * nothing, silently: answering differently would reveal that they exist.
     */
    async markRead(actor: Actor, body: MarkRead): Promise<void> {
      await db.transaction(async (tx) => {
        const which = "ids" in body ? inArray(notifications.id, body.ids) : undefined;
        const marked = await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(mine(actor), isNull(notifications.readAt), which))
          .returning({ id: notifications.id });
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "notification.read",
          entityType: "user",
          entityId: actor.userId,
          after: { count: marked.length, all: !("ids" in body) },
        });
      });
    },

    /** Every type with the user's channels (defaults filled) and whether email is sent at all. */
    async preferences(actor: Actor) {
      return { items: await preferencesOf(db, actor), emailEnabled };
    },

    /** Changes the given types' channels (upserted), audited with before and after. */
    async updatePreferences(actor: Actor, body: UpdateNotificationPreferences) {
      return db.transaction(async (tx) => {
        const before = await preferencesOf(tx, actor);
        // The last choice for a type wins when a body names it twice.
        const items = [...new Map(body.items.map((i) => [i.type, i])).values()];
        await tx
          .insert(notificationPreferences)
          .values(items.map((i) => ({ ...i, orgId: actor.orgId, userId: actor.userId })))
          .onConflictDoUpdate({
            target: [notificationPreferences.userId, notificationPreferences.type],
            set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, updatedAt: new Date() },
          });
        const after = await preferencesOf(tx, actor);
        const changed = new Set(items.map((i) => i.type));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "notification_preferences.update",
          entityType: "user",
          entityId: actor.userId,
          before: before.filter((p) => changed.has(p.type)),
          after: after.filter((p) => changed.has(p.type)),
        });
        return { items: after, emailEnabled };
      });
    },
  };
}
