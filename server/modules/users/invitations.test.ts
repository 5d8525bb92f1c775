import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, buildUser, call, PASSWORD, problem, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildInvitationSessions,
  expectField,
  expire,
  type InvitationSessions,
  invite,
  inviteeEmail,
  MISSING,
  sha256,
} from "./invitations.testkit.js";

// No SMTP_URL: invitations are created but not mailed (`not_configured`); the link is the answer.
const env = useTestApp();
let s: InvitationSessions;
beforeAll(async () => {
  s = await buildInvitationSessions(env);
});

const preview = (token: string) => env.app.inject({ url: `/api/v1/invitations/accept/${token}` });

describe("invitations: creating and listing", () => {
  it("lets an admin invite a partner user: the link is answered once, only its hash is stored", async () => {
    const email = inviteeEmail();
    const res = await call(env, s.admin, {
      method: "POST",
      url: "/api/v1/invitations",
      payload: { email: email.toUpperCase(), name: " Priya ", partnerId: s.partner.id },
    });
    expect(res.statusCode).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({
      email,
      name: "Priya",
      partner: s.partner,
      status: "pending",
      emailStatus: "not_configured",
      acceptedAt: null,
      userId: null,
      invitedBy: { id: s.admin.userId },
    });
    expect(inv.acceptUrl).toMatch(/^http:\/\/localhost:\d+\/invitations\/[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const token = inv.acceptUrl.split("/").at(-1);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT token_hash FROM user_invitations WHERE id = $1",
      [inv.id],
    );
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(await auditActions(env, s.admin.orgId, inv.id)).toEqual(["invitation.create"]);

    const list = await call(env, s.admin, { url: `/api/v1/invitations?partnerId=${s.partner.id}` });
    const listed = list.json().items.find((i: { id: string }) => i.id === inv.id);
    expect(listed).toMatchObject({ id: inv.id, status: "pending" });
    expect(listed).not.toHaveProperty("acceptUrl");
    expect(JSON.stringify(list.json())).not.toContain(token);
  });

  it("lets a vendor manager invite for a contact, and filters by partner and status", async () => {
    const partner = await buildPartner(env, s.admin);
    const contact = await call(env, s.admin, {
      method: "POST",
      url: `/api/v1/partners/${partner.id}/contacts`,
      payload: { name: "Chandra Contact", email: "chandra@partner.example.test" },
    });
    expect(contact.statusCode).toBe(201);
    const a = await invite(env, s.vendorManager, partner.id, { contactId: contact.json().id });
    expect(a.contactId).toBe(contact.json().id);
    const b = await invite(env, s.vendorManager, partner.id);
    await expire(env, b.id);
    const byPartner = await call(env, s.vendorManager, {
      url: `/api/v1/invitations?partnerId=${partner.id}`,
    });
    expect(byPartner.json().items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    const expired = await call(env, s.admin, {
      url: `/api/v1/invitations?partnerId=${partner.id}&status=expired`,
    });
    expect(expired.json().items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [b.id, "expired"],
    ]);
    // A contact of another partner is not this partner's: 404.
    problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: inviteeEmail(), name: "X", partnerId: s.partner.id, contactId: contact.json().id },
      }),
      404,
      "not_found",
    );
  });

  it("pages through invitations with a cursor", async () => {
    const partner = await buildPartner(env, s.admin);
    for (let i = 0; i < 5; i++) await invite(env, s.admin, partner.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/invitations?partnerId=${partner.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const body: { items: { id: string }[]; nextCursor: string | null } = (
        await call(env, s.admin, { url })
      ).json();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
  });

  it("validates the body", async () => {
    const bad = problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: "nope", name: "", partnerId: "x", extra: 1 },
      }),
      400,
      "validation_failed",
    );
    for (const path of ["body.email", "body.name", "body.partnerId"]) expectField(bad, path);
    problem(await call(env, s.admin, { url: "/api/v1/invitations?status=lost" }), 400, "validation_failed");
  });

  it("re-issues a pending invitation, replaces an expired one, and refuses taken emails", async () => {
    const first = await invite(env, s.admin, s.partner.id);
    const again = await invite(env, s.admin, s.partner.id, { email: first.email, name: "Priya P." });
    expect(again.id).toBe(first.id);
    expect(again.name).toBe("Priya P.");
    expect(again.token).not.toBe(first.token);
    problem(await preview(first.token), 404, "invitation_not_found");
    expect((await preview(again.token)).statusCode).toBe(200);

    // Pending for another partner: revoke that one first.
    const otherPartner = await buildPartner(env, s.admin);
    problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: first.email, name: "Priya", partnerId: otherPartner.id },
      }),
      409,
      "already_invited",
    );

    await expire(env, first.id);
    const replaced = await invite(env, s.admin, otherPartner.id, { email: first.email });
    expect(replaced.id).not.toBe(first.id);
    const old = await call(env, s.admin, {
      url: `/api/v1/invitations?partnerId=${s.partner.id}&status=revoked`,
    });
    expect(old.json().items.map((i: { id: string }) => i.id)).toContain(first.id);
    expect(await auditActions(env, s.admin.orgId, first.id)).toEqual([
      "invitation.create",
      "invitation.create",
      "invitation.revoke",
    ]);

    const staff = await buildUser(env, s.admin.orgId, "viewer");
    problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: staff.email, name: "V", partnerId: s.partner.id },
      }),
      409,
      "email_taken",
    );
    problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: s.partnerUser.email, name: "P", partnerId: s.partner.id },
      }),
      409,
      "already_a_user",
    );
    const otherOrgUser = await buildUser(env, s.other.orgId, "viewer");
    problem(
      await call(env, s.admin, {
        method: "POST",
        url: "/api/v1/invitations",
        payload: { email: otherOrgUser.email, name: "O", partnerId: s.partner.id },
      }),
      409,
      "email_taken",
    );
  });

  it("is for admins and vendor managers: 401 anonymous, 403 other roles and portal users, 404 across organizations", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    const body = { email: inviteeEmail(), name: "X", partnerId: s.partner.id };
    const requests = [
      { method: "GET" as const, url: "/api/v1/invitations" },
      { method: "POST" as const, url: "/api/v1/invitations", payload: body },
      { method: "POST" as const, url: `/api/v1/invitations/${inv.id}/resend` },
      { method: "DELETE" as const, url: `/api/v1/invitations/${inv.id}` },
    ];
    for (const r of requests) {
      problem(await call(env, null, r), 401, "unauthenticated");
      for (const who of [s.viewer, s.riskManager, s.partnerUser])
        problem(await call(env, who, r), 403, "forbidden");
    }
    // Authorization comes before validation.
    problem(
      await call(env, s.viewer, { method: "POST", url: "/api/v1/invitations", payload: { x: 1 } }),
      403,
    );

    problem(
      await call(env, s.other, { method: "POST", url: "/api/v1/invitations", payload: body }),
      404,
      "not_found",
    );
    problem(await call(env, s.other, { method: "POST", url: `/api/v1/invitations/${inv.id}/resend` }), 404);
    problem(await call(env, s.other, { method: "DELETE", url: `/api/v1/invitations/${inv.id}` }), 404);
    problem(await call(env, s.admin, { method: "DELETE", url: `/api/v1/invitations/${MISSING}` }), 404);
    const theirs = await call(env, s.other, { url: "/api/v1/invitations" });
    expect(theirs.json().items).toEqual([]);
    expect((await preview(inv.token)).statusCode).toBe(200);
  });
});

describe("invitations: resending and revoking", () => {
  it("resends with a new link and expiry, even when expired; the old link stops working", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    await expire(env, inv.id);
    problem(await preview(inv.token), 410, "invitation_expired");
    const res = await call(env, s.vendorManager, {
      method: "POST",
      url: `/api/v1/invitations/${inv.id}/resend`,
    });
    expect(res.statusCode).toBe(201);
    const resent = res.json();
    expect(resent).toMatchObject({ id: inv.id, status: "pending", emailStatus: "not_configured" });
    expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const token = resent.acceptUrl.split("/").at(-1);
    expect(token).not.toBe(inv.token);
    problem(await preview(inv.token), 404, "invitation_not_found");
    expect((await preview(token)).json()).toMatchObject({ email: inv.email, partner: s.partner.name });
    expect(await auditActions(env, s.admin.orgId, inv.id)).toEqual([
      "invitation.create",
      "invitation.resend",
    ]);
  });

  it("revokes: the link stops working, revoking again is harmless, a revoked one cannot be resent", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    const del = await call(env, s.admin, { method: "DELETE", url: `/api/v1/invitations/${inv.id}` });
    expect(del.statusCode).toBe(204);
    problem(await preview(inv.token), 404, "invitation_not_found");
    expect(
      (await call(env, s.admin, { method: "DELETE", url: `/api/v1/invitations/${inv.id}` })).statusCode,
    ).toBe(204);
    problem(
      await call(env, s.admin, { method: "POST", url: `/api/v1/invitations/${inv.id}/resend` }),
      409,
      "invalid_transition",
    );
    expect(await auditActions(env, s.admin.orgId, inv.id)).toEqual([
      "invitation.create",
      "invitation.revoke",
    ]);
    // The email is free again for a new invitation.
    const again = await invite(env, s.admin, s.partner.id, { email: inv.email });
    expect(again.id).not.toBe(inv.id);
  });

  it("cannot resend or revoke an accepted invitation", async () => {
    const inv = await invite(env, s.admin, s.partner.id);
    const ok = await env.app.inject({
      method: "POST",
      url: `/api/v1/invitations/accept/${inv.token}`,
      payload: { password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    problem(
      await call(env, s.admin, { method: "POST", url: `/api/v1/invitations/${inv.id}/resend` }),
      409,
      "invalid_transition",
    );
    problem(
      await call(env, s.admin, { method: "DELETE", url: `/api/v1/invitations/${inv.id}` }),
      409,
      "invalid_transition",
    );
  });
});
