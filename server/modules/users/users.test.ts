import { describe, expect, it } from "vitest";
import { buildOrg, buildUser, call, login, PASSWORD, problem, useTestApp } from "../../test/harness.js";

const env = useTestApp();

describe("users", () => {
  it("lets an admin create, list, change the role of and deactivate users", async () => {
    const admin = await buildOrg(env);
    const created = await call(env, admin, {
      method: "POST",
      url: "/api/v1/users",
      payload: { name: "Rita Risk", email: "Rita@Example.test", role: "risk_manager", password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const rita = created.json();
    expect(rita).toMatchObject({ email: "rita@example.test", role: "risk_manager", active: true });
    expect(rita).not.toHaveProperty("passwordHash");

    const list = await call(env, admin, { url: "/api/v1/users?q=rita" });
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([rita.id]);

    const ritaCookie = await login(env.app, "rita@example.test");
    const promoted = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/users/${rita.id}`,
      payload: { role: "vendor_manager" },
    });
    expect(promoted.json().role).toBe("vendor_manager");
    // A role change ends the user's sessions so the new role applies at once.
    expect((await env.app.inject({ url: "/api/v1/me", headers: { cookie: ritaCookie } })).statusCode).toBe(
      401,
    );

    await login(env.app, "rita@example.test");
    const off = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/users/${rita.id}`,
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "rita@example.test", password: PASSWORD },
      }),
      401,
    );

    const { rows } = await env.ctx.database.pool.query(
      "SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq",
      [rita.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      "user.create",
      "auth.login",
      "user.role_change",
      "auth.login",
      "user.deactivate",
      "auth.login_failed",
    ]);
    const back = await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/users/${rita.id}`,
      payload: { active: true },
    });
    expect(back.json().active).toBe(true);
    await login(env.app, "rita@example.test");
    const last = await env.ctx.database.pool.query(
      "SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq DESC LIMIT 2",
      [rita.id],
    );
    expect(last.rows.map((r) => r.action)).toEqual(["auth.login", "user.reactivate"]);
  });

  it("validates input and refuses a duplicate email", async () => {
    const admin = await buildOrg(env);
    // The role picks the shape of the body (staff, or partner with partnerId), so an unknown role
    // is reported alone; with a known role every bad field is.
    const badRole = problem(
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/users",
        payload: { name: "", email: "nope", role: "wizard", password: "short" },
      }),
      400,
      "validation_failed",
    );
    expect(badRole.errors?.map((e) => e.path)).toEqual(["body.role"]);
    const bad = problem(
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/users",
        payload: { name: "", email: "nope", role: "viewer", password: "short" },
      }),
      400,
      "validation_failed",
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(["body.email", "body.name", "body.password"]);
    const body = { name: "Dup", email: "dup@example.test", role: "viewer", password: PASSWORD };
    expect((await call(env, admin, { method: "POST", url: "/api/v1/users", payload: body })).statusCode).toBe(
      201,
    );
    problem(
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/users",
        payload: { ...body, email: "DUP@example.test" },
      }),
      409,
      "conflict",
    );
  });

  it("keeps at least one active admin", async () => {
    const admin = await buildOrg(env);
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: `/api/v1/users/${admin.userId}`,
        payload: { role: "viewer" },
      }),
      409,
      "conflict",
    );
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: `/api/v1/users/${admin.userId}`,
        payload: { active: false },
      }),
      409,
      "conflict",
    );
    const me = await call(env, admin, { url: "/api/v1/me" });
    expect(me.json().user.role).toBe("admin");
  });

  it("is for admins only: 401 anonymous, 403 other roles, 404 across organizations", async () => {
    const admin = await buildOrg(env);
    const other = await buildOrg(env);
    for (const role of [
      "risk_manager",
      "vendor_manager",
      "compliance_officer",
      "auditor",
      "viewer",
    ] as const) {
      const s = await buildUser(env, admin.orgId, role);
      problem(await call(env, s, { url: "/api/v1/users" }), 403, "forbidden");
      problem(
        await call(env, s, {
          method: "POST",
          url: "/api/v1/users",
          payload: { name: "X", email: `x.${role}@example.test`, role: "viewer", password: PASSWORD },
        }),
        403,
      );
      problem(
        await call(env, s, { method: "PATCH", url: `/api/v1/users/${admin.userId}`, payload: { name: "Y" } }),
        403,
      );
    }
    problem(await call(env, null, { url: "/api/v1/users" }), 401, "unauthenticated");
    // Authorization comes before validation: a bad body does not tell outsiders what the schema wants.
    problem(await call(env, null, { method: "POST", url: "/api/v1/users", payload: { bogus: 1 } }), 401);
    const viewer = await buildUser(env, admin.orgId, "viewer");
    problem(await call(env, viewer, { method: "POST", url: "/api/v1/users", payload: { bogus: 1 } }), 403);
    problem(await call(env, viewer, { method: "PATCH", url: "/api/v1/users/not-a-uuid", payload: {} }), 403);
    problem(
      await call(env, null, {
        method: "PATCH",
        url: `/api/v1/users/${admin.userId}`,
        payload: { name: "Y" },
      }),
      401,
    );
    problem(await call(env, other, { url: `/api/v1/users/${admin.userId}` }), 404, "not_found");
    problem(
      await call(env, other, {
        method: "PATCH",
        url: `/api/v1/users/${admin.userId}`,
        payload: { active: false },
      }),
      404,
      "not_found",
    );
    const list = await call(env, other, { url: "/api/v1/users" });
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([other.userId]);
  });

  it("pages through users with a cursor", async () => {
    const admin = await buildOrg(env);
    for (let i = 0; i < 5; i++) await buildUser(env, admin.orgId, "viewer");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(env, admin, {
        url: `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((u: { id: string }) => u.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});
