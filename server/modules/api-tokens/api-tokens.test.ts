import { describe, expect, it } from "vitest";
import { buildOrg, buildUser, call, problem, useTestApp } from "../../test/harness.js";

const env = useTestApp();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("creates a token shown once, stored hashed, usable as Bearer, and revocable", async () => {
    const admin = await buildOrg(env);
    const res = await call(env, admin, {
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { name: "ERP sync", role: "vendor_manager" },
    });
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^ost_/);
    const { rows } = await env.ctx.database.pool.query("SELECT token_hash FROM api_tokens WHERE id = $1", [
      id,
    ]);
    expect(rows[0].token_hash).not.toContain(token);
    expect(JSON.stringify((await call(env, admin, { url: "/api/v1/api-tokens" })).json())).not.toContain(
      token,
    );

    const me = await env.app.inject({ url: "/api/v1/me", headers: bearer(token) });
    expect(me.json()).toMatchObject({ via: "token", user: { role: "vendor_manager" } });
    const created = await env.app.inject({
      method: "POST",
      url: "/api/v1/partners",
      headers: bearer(token),
      payload: { name: "Via token", country: "DE", category: "cloud_saas" },
    });
    expect(created.statusCode).toBe(201);
    const audit = await env.ctx.database.pool.query(
      "SELECT actor_type, actor_id FROM audit_events WHERE entity_id = $1",
      [created.json().id],
    );
    expect(audit.rows[0]).toEqual({ actor_type: "token", actor_id: id });
    // A vendor-manager token cannot do admin things.
    problem(await env.app.inject({ url: "/api/v1/users", headers: bearer(token) }), 403);

    expect((await call(env, admin, { method: "DELETE", url: `/api/v1/api-tokens/${id}` })).statusCode).toBe(
      204,
    );
    problem(await env.app.inject({ url: "/api/v1/me", headers: bearer(token) }), 401, "unauthenticated");
    problem(await call(env, admin, { method: "DELETE", url: `/api/v1/api-tokens/${id}` }), 404);
  });

  it("never grants a role higher than the creator's", async () => {
    const admin = await buildOrg(env);
    const risk = await buildUser(env, admin.orgId, "risk_manager");
    problem(
      await call(env, risk, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "x", role: "admin" },
      }),
      403,
      "forbidden",
    );
    problem(
      await call(env, risk, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "x", role: "compliance_officer" },
      }),
      403,
    );
    expect(
      (
        await call(env, risk, {
          method: "POST",
          url: "/api/v1/api-tokens",
          payload: { name: "x", role: "risk_manager" },
        })
      ).statusCode,
    ).toBe(201);
    const viewer = await buildUser(env, admin.orgId, "viewer");
    problem(
      await call(env, viewer, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "x", role: "auditor" },
      }),
      403,
    );
    const partnerUser = await buildUser(env, admin.orgId, "partner");
    problem(
      await call(env, partnerUser, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "x", role: "viewer" },
      }),
      403,
    );
  });

  it("refuses tokens minted by tokens, expired tokens, and bad input", async () => {
    const admin = await buildOrg(env);
    const { token, id } = (
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "t", role: "admin", expiresInDays: 30 },
      })
    ).json();
    problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/api-tokens",
        headers: bearer(token),
        payload: { name: "t2", role: "viewer" },
      }),
      403,
    );
    await env.ctx.database.pool.query(
      "UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [id],
    );
    problem(await env.app.inject({ url: "/api/v1/me", headers: bearer(token) }), 401);
    problem(
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "", role: "god" },
      }),
      400,
      "validation_failed",
    );
    problem(await env.app.inject({ url: "/api/v1/me", headers: bearer("ost_forged") }), 401);
  });

  it("shows non-admins only their own tokens and hides other organizations' tokens", async () => {
    const admin = await buildOrg(env);
    const other = await buildOrg(env);
    const vm = await buildUser(env, admin.orgId, "vendor_manager");
    const mine = (
      await call(env, vm, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "mine", role: "viewer" },
      })
    ).json();
    const admins = (
      await call(env, admin, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "admins", role: "viewer" },
      })
    ).json();
    expect(
      (await call(env, vm, { url: "/api/v1/api-tokens" })).json().items.map((t: { id: string }) => t.id),
    ).toEqual([mine.id]);
    expect((await call(env, admin, { url: "/api/v1/api-tokens" })).json().items).toHaveLength(2);
    problem(await call(env, vm, { method: "DELETE", url: `/api/v1/api-tokens/${admins.id}` }), 404);
    problem(await call(env, other, { method: "DELETE", url: `/api/v1/api-tokens/${mine.id}` }), 404);
    expect((await call(env, other, { url: "/api/v1/api-tokens" })).json().items).toEqual([]);
    problem(await call(env, null, { url: "/api/v1/api-tokens" }), 401);
    problem(
      await call(env, null, {
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "x", role: "viewer" },
      }),
      401,
    );
  });
});
