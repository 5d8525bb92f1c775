import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_BACKOFF_SECONDS } from "../../../domain/notifications.js";
import { systemActor } from "../../platform/audit/audit.service.js";
import { buildOrg, buildUser, call, type Session, useTestApp } from "../../test/harness.js";
import { deliverPendingEmails, EMAIL_MAX_ATTEMPTS } from "./notifications.email.js";
import { notificationEvents, notifications, webhookDeliveries } from "./notifications.tables.js";
import { startReceiver, startSmtpSink, type WebhookReceiver } from "./notifications.testkit.js";
import { type EventToPublish, publishEvents } from "./publish.js";
import { deliverDueWebhooks } from "./webhooks.delivery.js";

// The app's configuration is read when the file is collected, so the sink must be up first.
const sink = await startSmtpSink();
const env = useTestApp({ SMTP_URL: sink.url, PUBLIC_URL: "https://outsight.example.test/" });
afterAll(() => sink.close());

let admin: Session;
let viewer: Session;
let n = 0;

const event = (recipients: string[], over: Partial<EventToPublish> = {}): EventToPublish => ({
  type: "notice_deadline",
  key: `delivery-test:${n++}`,
  title: `Notice deadline in 30 days (${n})`,
  body: "Give notice on the MSA by 2027-01-31 or it renews for a year.",
  link: "/contracts/abc",
  subject: null,
  recipients,
  ...over,
});

const publish = (e: EventToPublish) =>
  env.ctx.database.db.transaction((tx) => publishEvents(tx, admin.orgId, systemActor("test"), [e]));

/** The notifications of the event published under `key`, by user. */
async function rowsOf(key: string) {
  const { db } = env.ctx.database;
  const [e] = await db.select().from(notificationEvents).where(eq(notificationEvents.key, key));
  const rows = await db.select().from(notifications).where(eq(notifications.eventId, e.id));
  return new Map(rows.map((r) => [r.userId, r]));
}

beforeAll(async () => {
  admin = await buildOrg(env);
  viewer = await buildUser(env, admin.orgId, "viewer");
});

describe("email delivery", () => {
  it("sends each pending email once, with the title, an absolute link and the preferences footer", async () => {
    const e = event([admin.userId, viewer.userId]);
    await publish(e);
    expect(await deliverPendingEmails(env.ctx, { limit: 50 })).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
    const prefs = await call(env, admin, { method: "GET", url: "/api/v1/notification-preferences" });
    expect(prefs.json().emailEnabled).toBe(true);
    const mine = sink.received.find((m) => m.to.includes(admin.email));
    expect(mine).toBeDefined();
    expect(mine!.text).toContain(`Subject: ${e.title}`);
    expect(mine!.text).toContain("https://outsight.example.test/contracts/abc");
    expect(mine!.text).toContain("https://outsight.example.test/account/notifications");
    expect(mine!.text).toContain("Give notice on the MSA");
    expect(mine!.from).toBe("outsight@localhost");
    const rows = await rowsOf(e.key);
    expect(rows.get(admin.userId)).toMatchObject({ emailStatus: "sent", emailAttempts: 1, emailError: null });
    expect(rows.get(admin.userId)?.emailSentAt).toBeInstanceOf(Date);
    // Nothing left: a second run sends nothing again.
    expect((await deliverPendingEmails(env.ctx, { limit: 50 })).sent).toBe(0);
    expect(sink.received.filter((m) => m.text.includes(e.title))).toHaveLength(2);
  });

  it("retries when the server refuses, then gives up after the last attempt", async () => {
    const e = event([admin.userId]);
    await publish(e);
    sink.rejecting = true;
    try {
      for (let attempt = 1; attempt < EMAIL_MAX_ATTEMPTS; attempt++) {
        expect(await deliverPendingEmails(env.ctx, { limit: 50 })).toMatchObject({ retrying: 1, sent: 0 });
        const row = (await rowsOf(e.key)).get(admin.userId)!;
        expect(row).toMatchObject({ emailStatus: "pending", emailAttempts: attempt });
        expect(row.emailError).toMatch(/reject|unavailable|550/i);
      }
      expect(await deliverPendingEmails(env.ctx, { limit: 50 })).toMatchObject({ failed: 1 });
      const row = (await rowsOf(e.key)).get(admin.userId)!;
      expect(row).toMatchObject({ emailStatus: "failed", emailAttempts: EMAIL_MAX_ATTEMPTS });
      expect((await deliverPendingEmails(env.ctx, { limit: 50 })).failed).toBe(0);
    } finally {
      sink.rejecting = false;
    }
    expect(sink.received.some((m) => m.text.includes(e.title))).toBe(false);
  });
});

describe("webhook delivery", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver(204);
  });
  afterAll(() => receiver?.close());

  async function createHook(events = ["notice_deadline"]) {
    const res = await call(env, admin, {
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: receiver.url, events, description: "Receiver" },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; secret: string };
  }

  async function deliveriesOf(webhookId: string) {
    return env.ctx.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, webhookId));
  }

  it("POSTs the signed payload with the documented headers and records the delivery", async () => {
    const hook = await createHook();
    const e = event([], { subject: { type: "contract", id: admin.userId }, data: { days: 30 } });
    await publish(e);
    receiver.calls.length = 0;
    expect(await deliverDueWebhooks(env.ctx, { limit: 50 })).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });
    expect(receiver.calls).toHaveLength(1);
    const { headers, body } = receiver.calls[0];
    const [d] = await deliveriesOf(hook.id);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe("Outsight-Webhooks/1");
    expect(headers["x-outsight-event"]).toBe("notice_deadline");
    expect(headers["x-outsight-delivery"]).toBe(d.id);
    const ts = Number(headers["x-outsight-timestamp"]);
    expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(60);
    // What a receiver does: HMAC of "<timestamp>.<raw body>" with the secret, compared in constant time.
    const expected = `sha256=${createHmac("sha256", hook.secret).update(`${ts}.${body}`).digest("hex")}`;
    const given = String(headers["x-outsight-signature"]);
    expect(given.length).toBe(expected.length);
    expect(timingSafeEqual(Buffer.from(given), Buffer.from(expected))).toBe(true);
    expect(JSON.parse(body)).toMatchObject({
      id: d.eventId,
      type: "notice_deadline",
      organizationId: admin.orgId,
      title: e.title,
      body: e.body,
      link: "/contracts/abc",
      subject: { type: "contract", id: admin.userId },
      data: { days: 30 },
    });
    expect(d).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 204, error: null });
    expect(d.deliveredAt).toBeInstanceOf(Date);
    const listed = await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${hook.id}/deliveries` });
    expect(listed.json().items[0]).toMatchObject({ id: d.id, status: "delivered", eventTitle: e.title });
    const got = await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${hook.id}` });
    expect(got.json().lastDelivery).toMatchObject({ status: "delivered", responseStatus: 204 });
    // Delivered once: the next run has nothing to do.
    expect(await deliverDueWebhooks(env.ctx, { limit: 50 })).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
    await call(env, admin, { method: "DELETE", url: `/api/v1/webhooks/${hook.id}` });
  });

  it("retries a failing receiver with backoff, then marks the delivery failed", async () => {
    const hook = await createHook(["obligation_due"]);
    await publish(event([], { type: "obligation_due" }));
    receiver.status = 500;
    receiver.calls.length = 0;
    const { db } = env.ctx.database;
    for (const [i, wait] of WEBHOOK_BACKOFF_SECONDS.entries()) {
      const before = Date.now();
      expect(await deliverDueWebhooks(env.ctx, { limit: 50 })).toEqual({
        delivered: 0,
        retrying: 1,
        failed: 0,
      });
      const [d] = await deliveriesOf(hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: i + 1, responseStatus: 500 });
      expect(d.error).toContain("HTTP 500");
      const due = d.nextAttemptAt!.getTime();
      expect(due).toBeGreaterThanOrEqual(before + wait * 1000 - 2000);
      expect(due).toBeLessThanOrEqual(Date.now() + wait * 1000 + 2000);
      // Not due yet: a run now leaves it alone.
      expect((await deliverDueWebhooks(env.ctx, { limit: 50 })).retrying).toBe(0);
      // Time passes.
      await db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(eq(webhookDeliveries.id, d.id));
    }
    expect(await deliverDueWebhooks(env.ctx, { limit: 50 })).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 1,
    });
    const [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({
      status: "failed",
      attempts: WEBHOOK_BACKOFF_SECONDS.length + 1,
      nextAttemptAt: null,
    });
    expect(receiver.calls).toHaveLength(WEBHOOK_BACKOFF_SECONDS.length + 1);
    // Every retry carries the same delivery id, so receivers can de-duplicate.
    expect(new Set(receiver.calls.map((c) => c.headers["x-outsight-delivery"]))).toEqual(new Set([d.id]));
    receiver.status = 204;
  });

  it("fails deliveries of a webhook switched off since they were queued, without calling it", async () => {
    const hook = await createHook(["contract_ending"]);
    await publish(event([], { type: "contract_ending" }));
    await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/webhooks/${hook.id}`,
      payload: { active: false },
    });
    receiver.calls.length = 0;
    expect(await deliverDueWebhooks(env.ctx, { limit: 50 })).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 1,
    });
    expect(receiver.calls).toHaveLength(0);
    const [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ status: "failed", attempts: 0 });
  });

  it("the test button sends one signed ping and reports the receiver's answer", async () => {
    const hook = await createHook();
    receiver.calls.length = 0;
    const ok = await call(env, admin, { method: "POST", url: `/api/v1/webhooks/${hook.id}/test` });
    expect(ok.json()).toEqual({ delivered: true, responseStatus: 204, error: null });
    expect(receiver.calls[0].headers["x-outsight-event"]).toBe("ping");
    const { body, headers } = receiver.calls[0];
    const ts = headers["x-outsight-timestamp"];
    expect(headers["x-outsight-signature"]).toBe(
      `sha256=${createHmac("sha256", hook.secret).update(`${ts}.${body}`).digest("hex")}`,
    );
    receiver.status = 503;
    const bad = await call(env, admin, { method: "POST", url: `/api/v1/webhooks/${hook.id}/test` });
    expect(bad.json()).toMatchObject({ delivered: false, responseStatus: 503 });
    receiver.status = 204;
    // Nothing was queued by the test button.
    expect(await deliveriesOf(hook.id)).toEqual([]);
  });
});

describe("without SMTP", () => {
  it("drops pending email instead of keeping a backlog", async () => {
    const e = event([admin.userId]);
    await publish(e);
    expect((await rowsOf(e.key)).get(admin.userId)?.emailStatus).toBe("pending");
    const noSmtp = { ...env.ctx, config: { ...env.ctx.config, smtpUrl: undefined } };
    expect(await deliverPendingEmails(noSmtp, { limit: 50 })).toMatchObject({ skipped: 1, sent: 0 });
    expect((await rowsOf(e.key)).get(admin.userId)?.emailStatus).toBe("none");
    // Each run clears what was queued since: in-app notifications stay.
    const later = event([admin.userId, viewer.userId]);
    await publish(later);
    expect(await deliverPendingEmails(noSmtp, { limit: 50 })).toMatchObject({ skipped: 2, sent: 0 });
    const rows = await rowsOf(later.key);
    expect([...rows.values()].map((r) => [r.inApp, r.emailStatus])).toEqual([
      [true, "none"],
      [true, "none"],
    ]);
    const ids = [...rows.values()].map((r) => r.id);
    expect(
      (await env.ctx.database.db.select().from(notifications).where(inArray(notifications.id, ids))).length,
    ).toBe(2);
  });
});
