import { beforeAll, describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES } from "../../../domain/notifications.js";
import { systemActor } from "../../platform/audit/audit.service.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { auditActions } from "../contracts/contracts.testkit.js";
import { type EventToPublish, publishEvents } from "./publish.js";

// No SMTP_URL: in-app only, and the preferences say email is off.
const env = useTestApp();

let admin: Session;
let viewer: Session;
let other: Session;
let partnerUser: Session;
let n = 0;

const event = (recipients: string[], over: Partial<EventToPublish> = {}): EventToPublish => ({
  type: "obligation_due",
  key: `routes-test:${n++}`,
  title: `Obligation due (${n})`,
  body: "The quarterly security report is due in 7 days.",
  link: "/contracts/x/obligations",
  subject: { type: "obligation", id: "7d0b5c55-1111-4222-8333-444455556666" },
  recipients,
  ...over,
});

async function publish(orgId: string, events: EventToPublish[]) {
  await env.ctx.database.db.transaction((tx) => publishEvents(tx, orgId, systemActor("test"), events));
}

const list = (s: Session | null, query = "") =>
  call(env, s, { method: "GET", url: `/api/v1/notifications${query}` });
const unread = async (s: Session) =>
  (await call(env, s, { method: "GET", url: "/api/v1/notifications/unread-count" })).json().unread as number;
const markRead = (s: Session | null, payload: object) =>
  call(env, s, { method: "POST", url: "/api/v1/notifications/read", payload });

beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  viewer = await buildUser(env, admin.orgId, "viewer");
  partnerUser = await buildUser(env, admin.orgId, "partner", (await buildPartner(env, admin)).id);
  // Published one by one so their times differ and the order is certain.
  for (let i = 0; i < 3; i++) await publish(admin.orgId, [event([admin.userId])]);
  await publish(admin.orgId, [event([admin.userId, viewer.userId], { type: "kpi_breach", subject: null })]);
  await publish(other.orgId, [event([other.userId])]);
});

describe("GET /notifications", () => {
  it("lists only the signed-in user's notifications, newest first, paged, with the unread count", async () => {
    const res = await list(admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unread).toBe(4);
    expect(body.items.map((i: { title: string }) => i.title)).toEqual([
      "Obligation due (4)",
      "Obligation due (3)",
      "Obligation due (2)",
      "Obligation due (1)",
    ]);
    expect(body.items[1]).toMatchObject({
      type: "obligation_due",
      body: "The quarterly security report is due in 7 days.",
      link: "/contracts/x/obligations",
      subject: { type: "obligation", id: "7d0b5c55-1111-4222-8333-444455556666" },
      readAt: null,
    });
    expect(body.items[0].subject).toBeNull();

    const first = (await list(admin, "?limit=3")).json();
    expect(first.items).toHaveLength(3);
    const second = (await list(admin, `?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([body.items[3].id]);
    expect(second.nextCursor).toBeNull();

    const viewers = (await list(viewer)).json();
    expect(viewers.items.map((i: { type: string }) => i.type)).toEqual(["kpi_breach"]);
    expect((await list(other)).json().items).toHaveLength(1);
    expect((await list(admin, "?type=kpi_breach")).json().items).toHaveLength(1);
  });

  it("validates the query, and refuses anonymous callers and partner users", async () => {
    problem(await list(admin, "?limit=0"), 400, "validation_failed");
    problem(await list(admin, "?type=nope"), 400, "validation_failed");
    problem(await list(admin, "?unread=maybe"), 400, "validation_failed");
    problem(await list(admin, "?cursor=garbage"), 422, "validation_failed");
    problem(await list(null), 401);
    problem(await list(partnerUser), 403);
    problem(await call(env, null, { method: "GET", url: "/api/v1/notifications/unread-count" }), 401);
    problem(await call(env, partnerUser, { method: "GET", url: "/api/v1/notifications/unread-count" }), 403);
  });
});

describe("POST /notifications/read", () => {
  it("marks the user's own notifications read and ignores anyone else's ids", async () => {
    const mine = (await list(admin)).json().items;
    const viewersId = (await list(viewer)).json().items[0].id;
    const othersId = (await list(other)).json().items[0].id;
    const res = await markRead(admin, { ids: [mine[3].id, viewersId, othersId] });
    expect(res.statusCode).toBe(204);
    expect(await unread(admin)).toBe(3);
    expect(await unread(viewer)).toBe(1);
    expect(await unread(other)).toBe(1);
    // Someone else marking my notification read changes nothing either.
    expect((await markRead(viewer, { ids: [mine[0].id] })).statusCode).toBe(204);
    expect(await unread(admin)).toBe(3);

    const unreadOnly = (await list(admin, "?unread=true")).json().items;
    expect(unreadOnly.map((i: { id: string }) => i.id)).not.toContain(mine[3].id);
    const readOnly = (await list(admin, "?unread=false")).json().items;
    expect(readOnly.map((i: { id: string }) => i.id)).toEqual([mine[3].id]);
    expect(readOnly[0].readAt).toEqual(expect.any(String));

    expect((await markRead(admin, { all: true })).statusCode).toBe(204);
    expect(await unread(admin)).toBe(0);
    expect(await unread(viewer)).toBe(1);

    const { rows } = await env.ctx.database.pool.query(
      `SELECT after FROM audit_events WHERE org_id = $1 AND action = 'notification.read' AND entity_id = $2
        ORDER BY seq`,
      [admin.orgId, admin.userId],
    );
    expect(rows.map((r) => r.after)).toEqual([
      { count: 1, all: false },
      { count: 3, all: true },
    ]);
  });

  it("validates the body, and refuses anonymous callers and partner users", async () => {
    problem(await markRead(admin, {}), 400, "validation_failed");
    problem(await markRead(admin, { ids: [] }), 400, "validation_failed");
    problem(await markRead(admin, { ids: ["nope"] }), 400, "validation_failed");
    problem(await markRead(admin, { all: false }), 400, "validation_failed");
    problem(await markRead(null, { all: true }), 401);
    problem(await markRead(partnerUser, { all: true }), 403);
  });
});

describe("notification preferences", () => {
  const get = (s: Session | null) => call(env, s, { method: "GET", url: "/api/v1/notification-preferences" });
  const put = (s: Session | null, payload: object) =>
    call(env, s, { method: "PUT", url: "/api/v1/notification-preferences", payload });

  it("lists every type with defaults, stores changes, and audits them", async () => {
    const res = await get(viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: NOTIFICATION_TYPES.map((type) => ({ type, inApp: true, email: true })),
      emailEnabled: false,
    });
    const changed = await put(viewer, {
      items: [
        { type: "kpi_breach", inApp: false, email: true },
        { type: "notice_deadline", inApp: true, email: false },
      ],
    });
    expect(changed.statusCode).toBe(200);
    const byType = new Map(changed.json().items.map((p: { type: string }) => [p.type, p]));
    expect(byType.get("kpi_breach")).toEqual({ type: "kpi_breach", inApp: false, email: true });
    expect(byType.get("notice_deadline")).toEqual({ type: "notice_deadline", inApp: true, email: false });
    expect(byType.get("kpi_anomaly")).toEqual({ type: "kpi_anomaly", inApp: true, email: true });
    // Upserted: changing again updates the row.
    await put(viewer, { items: [{ type: "kpi_breach", inApp: true, email: false }] });
    const again = new Map((await get(viewer)).json().items.map((p: { type: string }) => [p.type, p]));
    expect(again.get("kpi_breach")).toEqual({ type: "kpi_breach", inApp: true, email: false });
    // Someone else's preferences are untouched.
    expect((await get(admin)).json().items.every((p: { inApp: boolean }) => p.inApp)).toBe(true);
    const actions = await auditActions(env, admin.orgId, viewer.userId);
    expect(actions.filter((a) => a.startsWith("notification_preferences"))).toEqual([
      "notification_preferences.update",
      "notification_preferences.update",
    ]);
  });

  it("an in-app choice turned off hides that type from the bell", async () => {
    await put(admin, { items: [{ type: "contract_ending", inApp: false, email: false }] });
    await publish(admin.orgId, [event([admin.userId], { type: "contract_ending" })]);
    expect((await list(admin, "?type=contract_ending")).json().items).toEqual([]);
  });

  it("validates the body, and refuses anonymous callers and partner users", async () => {
    problem(await put(admin, { items: [] }), 400, "validation_failed");
    problem(
      await put(admin, { items: [{ type: "nope", inApp: true, email: true }] }),
      400,
      "validation_failed",
    );
    problem(await put(admin, { items: [{ type: "kpi_breach", inApp: "yes", email: true }] }), 400);
    problem(await get(null), 401);
    problem(await put(null, { items: [{ type: "kpi_breach", inApp: true, email: true }] }), 401);
    problem(await get(partnerUser), 403);
    problem(await put(partnerUser, { items: [{ type: "kpi_breach", inApp: true, email: true }] }), 403);
  });
});
