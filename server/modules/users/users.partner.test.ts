import { describe, expect, it } from "vitest";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  login,
  PASSWORD,
  problem,
  useTestApp,
} from "../../test/harness.js";
import { auditActions, expectField } from "./invitations.testkit.js";

const env = useTestApp();

describe("partner users created directly (installations without mail)", () => {
  it("lets an admin create a portal user for a partner of the organization", async () => {
    const admin = await buildOrg(env);
    const partner = await buildPartner(env, admin);
    const res = await call(env, admin, {
      method: "POST",
      url: "/api/v1/users",
      payload: {
        name: "Pat Portal",
        email: "Pat@Partner.example.test",
        role: "partner",
        partnerId: partner.id,
        password: PASSWORD,
      },
    });
    expect(res.statusCode).toBe(201);
    const pat = res.json();
    expect(pat).toMatchObject({
      email: "pat@partner.example.test",
      role: "partner",
      partnerId: partner.id,
      partner: { id: partner.id, name: partner.name },
    });
    expect(await auditActions(env, admin.orgId, pat.id)).toEqual(["user.create"]);

    const cookie = await login(env.app, "pat@partner.example.test");
    const me = await env.app.inject({ url: "/api/v1/me", headers: { cookie } });
    expect(me.json().user).toMatchObject({ role: "partner", partnerId: partner.id });
    problem(await env.app.inject({ url: "/api/v1/users", headers: { cookie } }), 403, "forbidden");

    // Listed with their partner; staff have none; filterable by role and by the partner's name.
    const list = await call(env, admin, { url: "/api/v1/users?role=partner" });
    expect(list.json().items).toEqual([expect.objectContaining({ id: pat.id, partner: pat.partner })]);
    const byName = await call(env, admin, { url: `/api/v1/users?q=${encodeURIComponent(partner.name)}` });
    expect(byName.json().items.map((u: { id: string }) => u.id)).toEqual([pat.id]);
    const self = await call(env, admin, { url: `/api/v1/users/${admin.userId}` });
    expect(self.json().partner).toBeNull();

    // A portal user keeps the partner role; other changes work and keep the partner.
    expectField(
      problem(
        await call(env, admin, {
          method: "PATCH",
          url: `/api/v1/users/${pat.id}`,
          payload: { role: "viewer" },
        }),
        422,
        "validation_failed",
      ),
      "body.role",
    );
    const renamed = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/users/${pat.id}`,
      payload: { name: "Pat P." },
    });
    expect(renamed.json()).toMatchObject({ name: "Pat P.", partner: { id: partner.id, name: partner.name } });
  });

  it("needs a partner of the organization, and a partner for the partner role", async () => {
    const admin = await buildOrg(env);
    const other = await buildOrg(env);
    const theirs = await buildPartner(env, other);
    const body = { name: "P", email: "p.other@partner.example.test", role: "partner", password: PASSWORD };
    problem(
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/users",
        payload: { ...body, partnerId: theirs.id },
      }),
      404,
      "not_found",
    );
    expectField(
      problem(
        await call(env, admin, { method: "POST", url: "/api/v1/users", payload: body }),
        400,
        "validation_failed",
      ),
      "body.partnerId",
    );
    // A staff user cannot be given a partner.
    const mine = await buildPartner(env, admin);
    problem(
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/users",
        payload: { ...body, role: "viewer", partnerId: mine.id },
      }),
      400,
      "validation_failed",
    );
    // Only admins create users, portal users included.
    const vm = await buildUser(env, admin.orgId, "vendor_manager");
    problem(
      await call(env, vm, { method: "POST", url: "/api/v1/users", payload: { ...body, partnerId: mine.id } }),
      403,
      "forbidden",
    );
    const portal = await buildUser(env, admin.orgId, "partner", mine.id);
    problem(
      await call(env, portal, {
        method: "POST",
        url: "/api/v1/users",
        payload: { ...body, partnerId: mine.id },
      }),
      403,
      "forbidden",
    );
    problem(
      await call(env, null, {
        method: "POST",
        url: "/api/v1/users",
        payload: { ...body, partnerId: mine.id },
      }),
      401,
      "unauthenticated",
    );
  });
});
