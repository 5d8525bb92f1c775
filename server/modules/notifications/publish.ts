import { and, arrayOverlaps, eq, inArray, ne, or } from "drizzle-orm";
import {
  DEFAULT_PREFERENCE,
  type NotificationType,
  type SubjectType,
} from "../../../domain/notifications.js";
import type { StaffRole } from "../../../domain/roles.js";
import { chainAuditEvents, insertAuditEvents } from "../../platform/audit/audit.batch.js";
import { type AuditActor, type AuditEntry, lockChainHead } from "../../platform/audit/audit.service.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { users } from "../users/users.tables.js";
import {
  notificationEvents,
  notificationPreferences,
  notifications,
  webhookDeliveries,
  webhooks,
} from "./notifications.tables.js";

/** One event to tell people about. */
export interface EventToPublish {
  type: NotificationType;
  /** Names the occurrence, unique per organization: publishing the same key again is a no-op. */
  key: string;
  title: string;
  body: string;
  /** A path in the web app, e.g. `/contracts/<id>`. */
  link: string | null;
  subject: { type: SubjectType; id: string } | null;
  data?: Record<string, unknown>;
  /** User ids of the organization to tell; inactive users are skipped, partner users unless the type is for them. */
  recipients: readonly string[];
}

/**
 * The only events partner-portal users may receive: their assessments being sent, due, late or
 * sent back (issue 6), and documents shared with them (issue 7).
 */
const PARTNER_EVENT_TYPES: ReadonlySet<NotificationType> = new Set<NotificationType>([
  "document_shared",
  "assessment_sent",
  "assessment_due",
  "assessment_overdue",
  "assessment_clarification",
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows per multi-row INSERT (well under PostgreSQL's 65,535 parameters per statement). */
const CHUNK = 1_000;

const chunks = <T>(rows: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
};

/**
 * Publishes events in the caller's transaction: one `notification_events` row per new key, an
 * in-app notification and/or a pending email per recipient by their preferences, a pending
 * delivery per active webhook subscribed to the type, and an audit event per new event. Returns
 * how many events were new (duplicates by key are skipped silently).
 *
 * Email is queued (`email_status = 'pending'`) when the user wants it and has an address; the
 * mail job sends it, or (with no `SMTP_URL`) sets it to `none`, so configuring SMTP later does
 * not flood people with stale reminders.
 */
export async function publishEvents(
  tx: Tx,
  orgId: string,
  who: AuditActor,
  events: readonly EventToPublish[],
): Promise<number> {
  // The same key twice in one call is one occurrence: the first wins.
  const byKey = new Map<string, EventToPublish>();
  for (const e of events) if (!byKey.has(e.key)) byKey.set(e.key, e);
  if (!byKey.size) return 0;
  // Take the audit chain's lock first, as every audited writer does, so writers of one
  // organization queue in one order rather than deadlock.
  const head = await lockChainHead(tx, orgId);

  const inserted: (typeof notificationEvents.$inferSelect)[] = [];
  for (const part of chunks([...byKey.values()]))
    inserted.push(
      ...(await tx
        .insert(notificationEvents)
        .values(
          part.map((e) => ({
            orgId,
            type: e.type,
            key: e.key,
            title: e.title,
            body: e.body,
            link: e.link,
            subjectType: e.subject?.type ?? null,
            subjectId: e.subject?.id ?? null,
            data: e.data ?? {},
          })),
        )
        .onConflictDoNothing({ target: [notificationEvents.orgId, notificationEvents.key] })
        .returning()),
    );
  if (!inserted.length) return 0;

  // A malformed id would make PostgreSQL refuse the whole query; it can name nobody anyway.
  const recipientsOf = (key: string) =>
    [...new Set(byKey.get(key)?.recipients ?? [])].filter((id) => UUID.test(id));
  const wanted = [...new Set(inserted.flatMap((e) => recipientsOf(e.key)))];
  const people = wanted.length
    ? await tx
        .select({ id: users.id, email: users.email, role: users.role })
        .from(users)
        .where(and(eq(users.orgId, orgId), inArray(users.id, wanted), eq(users.active, true)))
    : [];
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  const partnerUsers = new Set(people.filter((p) => p.role === "partner").map((p) => p.id));
  const types = [...new Set(inserted.map((e) => e.type))];
  const prefs = people.length
    ? await tx
        .select()
        .from(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.orgId, orgId),
            inArray(
              notificationPreferences.userId,
              people.map((p) => p.id),
            ),
            inArray(notificationPreferences.type, types),
          ),
        )
    : [];
  const prefOf = new Map(prefs.map((p) => [`${p.userId}:${p.type}`, p]));

  const rows: (typeof notifications.$inferInsert)[] = [];
  const told = new Map<string, number>();
  for (const e of inserted) {
    for (const userId of recipientsOf(e.key)) {
      const address = emailOf.get(userId);
      if (address === undefined) continue; // inactive, another org's or unknown
      // Partner users only hear about their own assessments, never about internal events.
      if (partnerUsers.has(userId) && !PARTNER_EVENT_TYPES.has(e.type as NotificationType)) continue;
      // The portal has no inbox: partner users are told by email only.
      const pref = partnerUsers.has(userId)
        ? { inApp: false, email: true }
        : (prefOf.get(`${userId}:${e.type}`) ?? DEFAULT_PREFERENCE);
      const emailStatus = pref.email && address ? "pending" : "none";
      if (!pref.inApp && emailStatus === "none") continue;
      rows.push({ orgId, eventId: e.id, userId, inApp: pref.inApp, emailStatus });
      told.set(e.id, (told.get(e.id) ?? 0) + 1);
    }
  }
  for (const part of chunks(rows)) await tx.insert(notifications).values(part).onConflictDoNothing();

  const hooks = await tx
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(and(eq(webhooks.orgId, orgId), eq(webhooks.active, true), arrayOverlaps(webhooks.events, types)));
  const deliveries: (typeof webhookDeliveries.$inferInsert)[] = [];
  const hooked = new Map<string, number>();
  for (const e of inserted)
    for (const h of hooks)
      if (h.events.includes(e.type)) {
        deliveries.push({
          orgId,
          webhookId: h.id,
          eventId: e.id,
          status: "pending",
          nextAttemptAt: new Date(),
        });
        hooked.set(e.id, (hooked.get(e.id) ?? 0) + 1);
      }
  for (const part of chunks(deliveries))
    await tx.insert(webhookDeliveries).values(part).onConflictDoNothing();

  const entries: AuditEntry[] = inserted.map((e) => ({
    action: "notification_event.publish",
    entityType: "notification_event",
    entityId: e.id,
    after: {
      type: e.type,
      key: e.key,
      title: e.title,
      link: e.link,
      subject: e.subjectType ? { type: e.subjectType, id: e.subjectId } : null,
      recipients: told.get(e.id) ?? 0,
      webhooks: hooked.get(e.id) ?? 0,
    },
  }));
  // The batched chain gives the same events as one `recordAudit` each, in fewer statements.
  await insertAuditEvents(tx, orgId, await chainAuditEvents(head, orgId, who, entries));
  return inserted.length;
}

/**
 * The active staff users of the organization with one of `roles`, plus the given extra users
 * (e.g. a contract's owner) when active; de-duplicated.
 */
export async function staffRecipients(
  q: Queryable,
  orgId: string,
  roles: readonly StaffRole[],
  also: readonly (string | null | undefined)[] = [],
): Promise<string[]> {
  // A malformed id would make PostgreSQL refuse the whole query; it can name nobody anyway.
  const extra = [...new Set(also.filter((id): id is string => typeof id === "string" && UUID.test(id)))];
  if (!roles.length && !extra.length) return [];
  const byRoleOrId = [
    ...(roles.length ? [inArray(users.role, [...roles])] : []),
    ...(extra.length ? [inArray(users.id, extra)] : []),
  ];
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.active, true),
        ne(users.role, "partner"),
        byRoleOrId.length === 1 ? byRoleOrId[0] : or(...byRoleOrId),
      ),
    )
    .orderBy(users.id);
  return [...new Set(rows.map((r) => r.id))];
}
