import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, call, PASSWORD, problem, useTestApp } from "../../test/harness.js";
import { buildTemplate } from "../questionnaires/questionnaires.testkit.js";
import {
  accept,
  auditActions,
  buildInvitationSessions,
  cookieOf,
  expectField,
  expire,
  type InvitationSessions,
  invite,
} from "./invitations.testkit.js";

const env = useTestApp();
let s: InvitationSessions;
beforeAll(async () => {
  s = await buildInvitationSessions(env);
});

const preview = (token: string) => env.app.inject({ url: `/api/v1/invitations/accept/${token}` });

/** An assessment of `partnerId` addressed to `email` (rows as the assessments slice writes them). */
async function assessmentFor(partnerId: string, email: string) {
  const template = await buildTemplate(env, s.admin);
  const { pool } = env.ctx.database;
  const { rows } = await pool.query(
    `INSERT INTO assessments (org_id, partner_id, template_id, template_version, purpose, status, due_date)
     VALUES ($1, $2, $3, 1, 'due_diligence', 'sent', '2027-01-31') RETURNING id`,
    [s.admin.orgId, partnerId, template.id],
  );
  await pool.query(
    "INSERT INTO assessment_recipients (assessment_id, org_id, name, email) VALUES ($1, $2, 'Priya', $3)",
    [rows[0].id, s.admin.orgId, email],
  );
  return rows[0].id as string;
}

const recipientUser = async (assessmentId: string) =>
  (
    await env.ctx.database.pool.query("SELECT user_id FROM assessment_recipients WHERE assessment_id = $1", [
      assessmentId,
    ])
  ).rows[0].user_id as string | null;

describe("accepting an invitation (public)", () => {
  it("previews the link, then creates the partner user, signs them in and links their assessments", async () => {
    const inv = await invite(env, s.admin, s.partner.id, { name: "Priya Partner" });
    const mine = await assessmentFor(s.partner.id, inv.email.toUpperCase());
    const otherPartner = await buildPartner(env, s.admin);
    const notMine = await assessmentFor(otherPartner.id, inv.email);

    const seen = await preview(inv.token);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({
      email: inv.email,
      name: "Priya Partner",
      organization: expect.stringMatching(/^Org /),
      partner: s.partner.name,
      expiresAt: inv.expiresAt,
    });

    const res = await accept(env, inv.token, { password: PASSWORD, name: "Priya P." });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({
      user: { name: "Priya P.", email: inv.email, role: "partner", partnerId: s.partner.id },
      organization: { id: s.admin.orgId },
      via: "session",
    });
    expect(me.abilities.portal.use).toBe(true);
    expect(me.abilities.user.read).toBe(false);

    // Signed in exactly as by the sign-in form: the cookie is an ordinary session.
    const cookie = cookieOf(res);
    expect(cookie).not.toBeNull();
    const again = await env.app.inject({ url: "/api/v1/me", headers: { cookie: cookie! } });
    expect(again.json()).toEqual(me);
    const session = { ...s.partnerUser, userId: me.user.id, cookie: cookie! };
    problem(await call(env, session, { url: "/api/v1/users" }), 403, "forbidden");
    problem(await call(env, session, { url: "/api/v1/invitations" }), 403, "forbidden");

    expect(await recipientUser(mine)).toBe(me.user.id);
    expect(await recipientUser(notMine)).toBeNull();

    const list = await call(env, s.admin, {
      url: `/api/v1/invitations?partnerId=${s.partner.id}&status=accepted`,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: inv.id, status: "accepted", userId: me.user.id }),
    ]);
    const user = await call(env, s.admin, { url: `/api/v1/users/${me.user.id}` });
    expect(user.json()).toMatchObject({ role: "partner", partner: s.partner, active: true });
    expect(await auditActions(env, s.admin.orgId, inv.id)).toEqual([
      "invitation.create",
      "invitation.accept",
    ]);
    expect(await auditActions(env, s.admin.orgId, me.user.id)).toEqual([
      "invitation.accept",
      "user.create",
      "auth.login",
    ]);
    // The password works for signing in later.
    const login = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: inv.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it("works once: a used link answers 404 like an unknown one", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    expect((await accept(env, inv.token, { password: PASSWORD })).statusCode).toBe(200);
    problem(await accept(env, inv.token, { password: PASSWORD }), 404, "invitation_not_found");
    problem(await preview(inv.token), 404, "invitation_not_found");
    problem(await preview("x".repeat(43)), 404, "invitation_not_found");
    problem(await accept(env, "x".repeat(43), { password: PASSWORD }), 404, "invitation_not_found");
  });

  it("is single-use even when two people accept at the same moment", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => accept(env, inv.token, { password: PASSWORD })),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    for (const r of answers.filter((a) => a.statusCode !== 200)) expect([404, 409]).toContain(r.statusCode);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM users WHERE email = $1",
      [inv.email],
    );
    expect(rows[0].n).toBe(1);
  });

  it("answers 410 for an expired link and 404 for a revoked one", async () => {
    const old = await invite(env, s.admin, s.partner.id);
    await expire(env, old.id);
    problem(await preview(old.token), 410, "invitation_expired");
    problem(await accept(env, old.token, { password: PASSWORD }), 410, "invitation_expired");
    const revoked = await invite(env, s.admin, s.partner.id);
    await call(env, s.admin, { method: "DELETE", url: `/api/v1/invitations/${revoked.id}` });
    problem(await accept(env, revoked.token, { password: PASSWORD }), 404, "invitation_not_found");
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM users WHERE email IN ($1, $2)",
      [old.email, revoked.email],
    );
    expect(rows[0].n).toBe(0);
  });

  it("validates the password (policy, and not the email) and the token's shape", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    expectField(
      problem(await accept(env, inv.token, { password: "short" }), 400, "validation_failed"),
      "body.password",
    );
    expectField(
      problem(await accept(env, inv.token, { password: PASSWORD, role: "admin" }), 400, "validation_failed"),
      "body",
    );
    expectField(
      problem(await accept(env, inv.token, { password: inv.email.toUpperCase() }), 422, "validation_failed"),
      "body.password",
    );
    problem(await preview("short"), 400, "validation_failed");
    // Nothing was used up by the failed attempts.
    expect((await preview(inv.token)).statusCode).toBe(200);
    expect((await accept(env, inv.token, { password: PASSWORD })).statusCode).toBe(200);
  });

  it("refuses when the email got an account meanwhile (409), keeping the invitation", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    const created = await call(env, s.admin, {
      method: "POST",
      url: "/api/v1/users",
      payload: {
        name: "Direct",
        email: inv.email,
        role: "partner",
        partnerId: s.partner.id,
        password: PASSWORD,
      },
    });
    expect(created.statusCode).toBe(201);
    problem(await accept(env, inv.token, { password: PASSWORD }), 409, "email_taken");
    expect((await preview(inv.token)).statusCode).toBe(200);
  });
});
