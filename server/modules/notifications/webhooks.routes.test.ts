import { beforeAll, describe, expect, it } from "vitest";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { MISSING } from "../contracts/contracts.testkit.js";

const env = useTestApp();

let admin: Session;
let other: Session;
let riskManager: Session;
let viewer: Session;
let partnerUser: Session;

const create = (s: Session | null, payload: object) =>
  call(env, s, { method: "POST", url: "/api/v1/webhooks", payload });
const valid = { url: "https://hooks.example.test/outsight", events: ["kpi_breach"], description: "SIEM" };

beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  riskManager = await buildUser(env, admin.orgId, "risk_manager");
  viewer = await buildUser(env, admin.orgId, "viewer");
  partnerUser = await buildUser(env, admin.orgId, "partner", (await buildPartner(env, admin)).id);
});

/** The audit events about a webhook, oldest first, as stored. */
async function auditOf(id: string) {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY seq",
    [id],
  );
  return rows as { action: string; before: unknown; after: unknown }[];
}

describe("webhooks CRUD", () => {
  it("creates with a secret shown once, lists, reads, updates and deletes, audited without the secret", async () => {
    const res = await create(admin, { ...valid, events: ["kpi_breach", "kpi_breach", "notice_deadline"] });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      url: valid.url,
      description: "SIEM",
      events: ["kpi_breach", "notice_deadline"],
      active: true,
      lastDelivery: null,
    });
    const second = (await create(admin, { ...valid, active: false })).json();
    expect(second.secret).not.toBe(created.secret);

    const listed = await call(env, admin, { method: "GET", url: "/api/v1/webhooks" });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((w: { id: string }) => w.id)).toEqual([second.id, created.id]);
    expect(listed.body).not.toContain("whsec_");
    const paged = (await call(env, admin, { method: "GET", url: "/api/v1/webhooks?limit=1" })).json();
    const next = await call(env, admin, {
      method: "GET",
      url: `/api/v1/webhooks?limit=1&cursor=${paged.nextCursor}`,
    });
    expect(next.json().items.map((w: { id: string }) => w.id)).toEqual([created.id]);

    const got = await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${created.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().secret).toBeUndefined();

    const patched = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/webhooks/${created.id}`,
      payload: { active: false, description: "" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ active: false, description: null, url: valid.url });

    // A patch that does not name `active` leaves a paused webhook paused.
    const renamed = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/webhooks/${created.id}`,
      payload: { url: "https://hooks.example.test/v2" },
    });
    expect(renamed.json()).toMatchObject({ active: false, url: "https://hooks.example.test/v2" });

    const deliveries = await call(env, admin, {
      method: "GET",
      url: `/api/v1/webhooks/${created.id}/deliveries`,
    });
    expect(deliveries.json()).toEqual({ items: [], nextCursor: null });

    const removed = await call(env, admin, { method: "DELETE", url: `/api/v1/webhooks/${created.id}` });
    expect(removed.statusCode).toBe(204);
    problem(
      await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${created.id}` }),
      404,
      "not_found",
    );

    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.create",
      "webhook.update",
      "webhook.update",
      "webhook.delete",
    ]);
    expect(audit[1]).toMatchObject({ before: { active: true }, after: { active: false, description: null } });
    expect(JSON.stringify(audit)).not.toContain(created.secret);
    expect(JSON.stringify(audit)).not.toContain("whsec_");
  });

  it("validates bodies, ids and cursors", async () => {
    problem(await create(admin, { ...valid, url: "http://hooks.example.test/x" }), 400, "validation_failed");
    problem(await create(admin, { ...valid, url: "ftp://localhost/x" }), 400, "validation_failed");
    problem(await create(admin, { ...valid, events: [] }), 400, "validation_failed");
    problem(await create(admin, { ...valid, events: ["nope"] }), 400, "validation_failed");
    problem(await create(admin, { events: ["kpi_breach"] }), 400, "validation_failed");
    const id = (await create(admin, { ...valid, url: "http://localhost:9/x" })).json().id;
    expect(id).toEqual(expect.any(String));
    problem(await call(env, admin, { method: "PATCH", url: `/api/v1/webhooks/${id}`, payload: {} }), 400);
    problem(await call(env, admin, { method: "GET", url: "/api/v1/webhooks/not-a-uuid" }), 400);
    problem(await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${MISSING}` }), 404, "not_found");
    problem(await call(env, admin, { method: "GET", url: "/api/v1/webhooks?cursor=x" }), 422);
  });

  it("refuses anonymous callers (401), non-admins and partner users (403)", async () => {
    const id = (await create(admin, valid)).json().id;
    const routes = [
      { method: "GET", url: "/api/v1/webhooks" },
      { method: "POST", url: "/api/v1/webhooks", payload: valid },
      { method: "GET", url: `/api/v1/webhooks/${id}` },
      { method: "PATCH", url: `/api/v1/webhooks/${id}`, payload: { active: false } },
      { method: "DELETE", url: `/api/v1/webhooks/${id}` },
      { method: "GET", url: `/api/v1/webhooks/${id}/deliveries` },
      { method: "POST", url: `/api/v1/webhooks/${id}/test` },
    ] as const;
    for (const r of routes) {
      problem(await call(env, null, r), 401);
      for (const s of [riskManager, viewer, partnerUser]) problem(await call(env, s, r), 403);
    }
    expect((await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${id}` })).json().active).toBe(
      true,
    );
  });

  it("answers 404 for another organization's webhook, exactly as for a missing one", async () => {
    const id = (await create(admin, valid)).json().id;
    for (const r of [
      { method: "GET", url: `/api/v1/webhooks/${id}` },
      { method: "PATCH", url: `/api/v1/webhooks/${id}`, payload: { active: false } },
      { method: "DELETE", url: `/api/v1/webhooks/${id}` },
      { method: "GET", url: `/api/v1/webhooks/${id}/deliveries` },
      { method: "POST", url: `/api/v1/webhooks/${id}/test` },
    ] as const)
      problem(await call(env, other, r), 404, "not_found");
    expect((await call(env, other, { method: "GET", url: "/api/v1/webhooks" })).json().items).toEqual([]);
    expect((await call(env, admin, { method: "GET", url: `/api/v1/webhooks/${id}` })).json().active).toBe(
      true,
    );
  });

  it("the test button reports an unreachable receiver and audits the attempt", async () => {
    const id = (await create(admin, { ...valid, url: "http://127.0.0.1:9/unreachable" })).json().id;
    const res = await call(env, admin, { method: "POST", url: `/api/v1/webhooks/${id}/test` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ delivered: false, responseStatus: null, error: expect.any(String) });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["webhook.create", "webhook.test"]);
  });
});
