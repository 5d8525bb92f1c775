import { describe, expect, it } from "vitest";
import { call, login, PASSWORD, problem, useTestApp } from "../../test/harness.js";

const env = useTestApp({ LOGIN_MAX_FAILURES: "3" });
const setupBody = {
  organizationName: "Acme Outsourcing",
  name: "Ann Admin",
  email: "ann@acme.test",
  password: PASSWORD,
};

describe("setup, sign-in and sessions", () => {
  it("reports that set-up is needed, then allows it exactly once", async () => {
    expect((await env.app.inject({ url: "/api/v1/setup" })).json()).toEqual({ needsSetup: true });
    problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { ...setupBody, password: "short" },
      }),
      400,
      "validation_failed",
    );
    const res = await env.app.inject({ method: "POST", url: "/api/v1/setup", payload: setupBody });
    expect(res.statusCode).toBe(201);
    expect(res.json().organization.name).toBe("Acme Outsourcing");
    expect(res.json().user.role).toBe("admin");
    const cookie = res.cookies.find((c) => c.name === "outsight_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { ...setupBody, email: "other@acme.test" },
      }),
      409,
      "already_set_up",
    );
    expect((await env.app.inject({ url: "/api/v1/setup" })).json()).toEqual({ needsSetup: false });
  });

  it("signs in, answers /me, and signs out", async () => {
    const cookie = await login(env.app, "ANN@acme.test");
    const me = await env.app.inject({ url: "/api/v1/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("ann@acme.test");
    expect(me.json().abilities.partner.create).toBe(true);
    expect(me.json().limits).toEqual({ documentMaxBytes: env.ctx.config.documentMaxBytes });
    const out = await env.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    problem(await env.app.inject({ url: "/api/v1/me", headers: { cookie } }), 401, "unauthenticated");
  });

  it("refuses a wrong password with 401 and never reveals whether the email exists", async () => {
    const wrong = problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "ann@acme.test", password: "nope nope nope" },
      }),
      401,
      "invalid_credentials",
    );
    const unknown = problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "nobody@acme.test", password: "nope nope nope" },
      }),
      401,
      "invalid_credentials",
    );
    expect(wrong.detail).toBe(unknown.detail);
  });

  it("throttles repeated failures, even for the right password", async () => {
    const email = "throttle@acme.test";
    for (let i = 0; i < 3; i++) {
      problem(
        await env.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email, password: "wrong password" },
        }),
        401,
      );
    }
    problem(
      await env.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password: PASSWORD },
      }),
      429,
      "too_many_requests",
    );
  });

  it("changing the password ends the other sessions and keeps the current one", async () => {
    const a = await login(env.app, "ann@acme.test");
    const b = await login(env.app, "ann@acme.test");
    problem(
      await call(env, null, {
        method: "POST",
        url: "/api/v1/me/password",
        headers: { cookie: a },
        payload: { currentPassword: "wrong wrong wrong", newPassword: "another good passphrase" },
      }),
      422,
      "validation_failed",
    );
    const res = await env.app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: a },
      payload: { currentPassword: PASSWORD, newPassword: "another good passphrase" },
    });
    expect(res.statusCode).toBe(204);
    expect((await env.app.inject({ url: "/api/v1/me", headers: { cookie: a } })).statusCode).toBe(200);
    expect((await env.app.inject({ url: "/api/v1/me", headers: { cookie: b } })).statusCode).toBe(401);
    await login(env.app, "ann@acme.test", "another good passphrase");
  });

  it("expires idle sessions", async () => {
    const cookie = await login(env.app, "ann@acme.test", "another good passphrase");
    await env.ctx.database.pool.query("UPDATE sessions SET last_seen_at = now() - interval '1 day'");
    problem(await env.app.inject({ url: "/api/v1/me", headers: { cookie } }), 401);
  });

  it("records sign-ins in the audit trail and never logs the password", async () => {
    const { rows } = await env.ctx.database.pool.query(
      "SELECT action, after::text AS after FROM audit_events ORDER BY seq",
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toContain("auth.login");
    expect(actions).toContain("auth.login_failed");
    expect(actions).toContain("user.password_change");
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});
