import type { NotificationType } from "../../../domain/notifications.js";
import type { StaffRole } from "../../../domain/roles.js";
import type { AuditActor } from "../../platform/audit/audit.service.js";
import type { Queryable, Tx } from "../../platform/db/index.js";

// STUB (signatures fixed): implemented by the notifications author.

/** One event to tell people about. */
export interface EventToPublish {
  type: NotificationType;
  /** Names the occurrence, unique per organization: publishing the same key again is a no-op. */
  key: string;
  title: string;
  body: string;
  /** A path in the web app, e.g. `/contracts/<id>`. */
  link: string | null;
  subject: { type: "contract" | "obligation" | "risk" | "kpi"; id: string } | null;
  data?: Record<string, unknown>;
  /** User ids of the organization to tell; inactive users and partner users are skipped. */
  recipients: readonly string[];
}

/**
 * Publishes events in the caller's transaction: one `notification_events` row per new key, an
 * in-app notification and/or a pending email per recipient by their preferences, a pending
 * delivery per active webhook subscribed to the type, and an audit event per new event. Returns
 * how many events were new (duplicates by key are skipped silently).
 */
export async function publishEvents(
  _tx: Tx,
  _orgId: string,
  _who: AuditActor,
  _events: readonly EventToPublish[],
): Promise<number> {
  throw new Error("not implemented");
}

/**
 * The active staff users of the organization with one of `roles`, plus the given extra users
 * (e.g. a contract's owner) when active; de-duplicated.
 */
export async function staffRecipients(
  _q: Queryable,
  _orgId: string,
  _roles: readonly StaffRole[],
  _also: readonly (string | null | undefined)[] = [],
): Promise<string[]> {
  throw new Error("not implemented");
}
