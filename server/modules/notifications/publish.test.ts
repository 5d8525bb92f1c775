import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor, verifyChain } from "../../platform/audit/audit.service.js";
import { buildOrg, buildPartner, buildUser, type Session, useTestApp } from "../../test/harness.js";
import { users } from "../users/users.tables.js";
import {
  notificationEvents,
  notificationPreferences,
  notifications,
  webhookDeliveries,
  webhooks,
} from "./notifications.tables.js";
import { type EventToPublish, publishEvents, staffRecipients } from "./publish.js";

// An SMTP URL nothing listens on: publishing only queues email, it never sends.
const env = useTestApp({ SMTP_URL: "smtp://127.0.0.1:2" });

let admin: Session;
let other: Session;
let riskManager: Session;
let viewer: Session;
let auditor: Session;
let compliance: Session;
let inactive: Session;
let partnerUser: Session;

const event = (key: string, recipients: string[], over: Partial<EventToPublish> = {}): EventToPublish => ({
  type: "kpi_breach",
  key,
  title: `Breach ${key}`,
  body: "Availability fell below 99%",
  link: "/kpis/x",
  subject: null,
  recipients,
  ...over,
});

const publish = (orgId: string, events: EventToPublish[]) =>
  env.ctx.database.db.transaction((tx) => publishEvents(tx, orgId, systemActor("test"), events));

async function delivered(key: string, orgId = admin.orgId) {
  const { db } = env.ctx.database;
  const [e] = await db.select().from(notificationEvents).where(eq(notificationEvents.key, key));
  const rows = await db.select().from(notifications).where(eq(notifications.eventId, e.id));
  const hooks = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, e.id));
  expect(e.orgId).toBe(orgId);
  return { event: e, byUser: new Map(rows.map((r) => [r.userId, r])), hooks };
}

beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  riskManager = await buildUser(env, admin.orgId, "risk_manager");
  viewer = await buildUser(env, admin.orgId, "viewer");
  auditor = await buildUser(env, admin.orgId, "auditor");
  compliance = await buildUser(env, admin.orgId, "compliance_officer");
  inactive = await buildUser(env, admin.orgId, "risk_manager");
  partnerUser = await buildUser(env, admin.orgId, "partner", (await buildPartner(env, admin)).id);
  const { db } = env.ctx.database;
  await db.update(users).set({ active: false }).where(eq(users.id, inactive.userId));
  await db.insert(notificationPreferences).values([
    { orgId: admin.orgId, userId: riskManager.userId, type: "kpi_breach", inApp: false, email: true },
    { orgId: admin.orgId, userId: viewer.userId, type: "kpi_breach", inApp: true, email: false },
    { orgId: admin.orgId, userId: auditor.userId, type: "kpi_breach", inApp: false, email: false },
    // Another type's choice does not apply to kpi_breach.
    { orgId: admin.orgId, userId: compliance.userId, type: "kpi_anomaly", inApp: false, email: false },
  ]);
});

describe("publishEvents", () => {
  it("tells each recipient by their preferences and skips inactive, partner and other-org users", async () => {
    const everyone = [
      admin.userId,
      riskManager.userId,
      viewer.userId,
      auditor.userId,
      compliance.userId,
      inactive.userId,
      partnerUser.userId,
      other.userId,
      admin.userId, // twice: told once
      "not-a-uuid",
    ];
    expect(await publish(admin.orgId, [event("prefs", everyone)])).toBe(1);
    const { byUser } = await delivered("prefs");
    expect([...byUser.keys()].sort()).toEqual(
      [admin.userId, riskManager.userId, viewer.userId, compliance.userId].sort(),
    );
    const channels = (id: string) => {
      const r = byUser.get(id);
      return r && { inApp: r.inApp, email: r.emailStatus };
    };
    expect(channels(admin.userId)).toEqual({ inApp: true, email: "pending" }); // no row: the default
    expect(channels(riskManager.userId)).toEqual({ inApp: false, email: "pending" });
    expect(channels(viewer.userId)).toEqual({ inApp: true, email: "none" });
    expect(channels(compliance.userId)).toEqual({ inApp: true, email: "pending" });
  });

  it("publishes a key once: again later, or twice in one call, is a no-op", async () => {
    expect(await publish(admin.orgId, [event("once", [admin.userId]), event("once", [viewer.userId])])).toBe(
      1,
    );
    expect(await publish(admin.orgId, [event("once", [admin.userId])])).toBe(0);
    const { byUser } = await delivered("once");
    expect([...byUser.keys()]).toEqual([admin.userId]);
    // Keys are per organization: the other one may use the same.
    expect(await publish(other.orgId, [event("once", [other.userId])])).toBe(1);
    expect(await publish(admin.orgId, [])).toBe(0);
  });

  it("publishes many events in one call and counts only the new ones", async () => {
    const many = Array.from({ length: 1_500 }, (_, i) => event(`many:${i}`, [admin.userId, viewer.userId]));
    expect(await publish(admin.orgId, many.slice(0, 10))).toBe(10);
    expect(await publish(admin.orgId, many)).toBe(1_490);
    const { rows } = await env.ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN notification_events e ON e.id = n.event_id
        WHERE e.key LIKE 'many:%'`,
    );
    expect(rows[0].n).toBe(3_000);
  });

  it("queues a webhook delivery only for active webhooks of the organization subscribed to the type", async () => {
    const { db } = env.ctx.database;
    const hook = (orgId: string, events: string[], active = true) =>
      db
        .insert(webhooks)
        .values({ orgId, url: "https://example.test/hook", events, secret: "whsec_x", active })
        .returning()
        .then((r) => r[0].id);
    const subscribed = await hook(admin.orgId, ["kpi_breach", "kpi_anomaly"]);
    await hook(admin.orgId, ["notice_deadline"]);
    await hook(admin.orgId, ["kpi_breach"], false);
    await hook(other.orgId, ["kpi_breach"]);
    expect(
      await publish(admin.orgId, [
        event("hooked", [admin.userId]),
        event("hooked-deadline", [], { type: "contract_ending" }),
      ]),
    ).toBe(2);
    const { hooks } = await delivered("hooked");
    expect(hooks.map((h) => [h.webhookId, h.status, h.attempts, h.orgId])).toEqual([
      [subscribed, "pending", 0, admin.orgId],
    ]);
    expect(hooks[0].nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await delivered("hooked-deadline")).hooks).toEqual([]);
  });

  it("audits one event per published event, keeping the chain valid", async () => {
    const subject = { type: "contract" as const, id: admin.userId };
    await publish(admin.orgId, [
      event("audited-1", [admin.userId], { subject }),
      event("audited-2", [admin.userId, viewer.userId]),
    ]);
    await publish(admin.orgId, [event("audited-1", [admin.userId])]);
    const ids = await Promise.all(["audited-1", "audited-2"].map(async (k) => (await delivered(k)).event.id));
    const { rows } = await env.ctx.database.pool.query(
      `SELECT entity_id, action, entity_type, actor_type, after FROM audit_events
        WHERE org_id = $1 AND entity_id = ANY($2::uuid[]) ORDER BY seq`,
      [admin.orgId, ids],
    );
    expect(rows.map((r) => [r.entity_id, r.action, r.entity_type, r.actor_type])).toEqual([
      [ids[0], "notification_event.publish", "notification_event", "system"],
      [ids[1], "notification_event.publish", "notification_event", "system"],
    ]);
    expect(rows[0].after).toMatchObject({ key: "audited-1", subject, recipients: 1 });
    expect(rows[1].after).toMatchObject({ recipients: 2 });
    expect((await verifyChain(env.ctx.database.db, admin.orgId)).ok).toBe(true);
  });
});

describe("staffRecipients", () => {
  it("lists active staff of the roles plus active staff extras, deduplicated", async () => {
    const ids = await staffRecipients(
      env.ctx.database.db,
      admin.orgId,
      ["risk_manager", "admin"],
      [admin.userId, viewer.userId, partnerUser.userId, inactive.userId, other.userId, null, undefined, "x"],
    );
    expect([...ids].sort()).toEqual([admin.userId, riskManager.userId, viewer.userId].sort());
    expect(await staffRecipients(env.ctx.database.db, admin.orgId, [], [])).toEqual([]);
    expect(await staffRecipients(env.ctx.database.db, admin.orgId, [], [auditor.userId])).toEqual([
      auditor.userId,
    ]);
  });
});
