import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Notifications are personal: every staff user reads and manages their own (and only their own).
 * Webhooks send the organization's events elsewhere, so only admins manage them.
 */
export const notificationPolicy = { read: STAFF_READ };

export const webhookPolicy = { read: anyOf("admin"), manage: anyOf("admin") };
