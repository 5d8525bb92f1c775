import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, PASSWORD, useTestApp } from "../../test/harness.js";
import { startSmtpSink } from "../notifications/notifications.testkit.js";
import {
  accept,
  buildInvitationSessions,
  cookieOf,
  type InvitationSessions,
  invite,
  inviteeEmail,
} from "./invitations.testkit.js";

// The app's configuration is read when the file is collected, so the sink must be up first.
const sink = await startSmtpSink();
const env = useTestApp({
  SMTP_URL: sink.url,
  PUBLIC_URL: "https://outsight.example.test/",
  MAIL_FROM: "Outsight <outsight@example.test>",
});
afterAll(() => sink.close());

let s: InvitationSessions;
beforeAll(async () => {
  s = await buildInvitationSessions(env);
});

const mailTo = (email: string) => sink.received.filter((m) => m.to.includes(email));

describe("invitation emails (real SMTP)", () => {
  it("mails the link; following it accepts the invitation and signs the person in", async () => {
    const email = inviteeEmail();
    const inv = await invite(env, s.admin, s.partner.id, { email, name: "Priya Partner" });
    expect(inv.emailStatus).toBe("sent");
    expect(inv.acceptUrl).toBe(`https://outsight.example.test/invitations/${inv.token}`);

    const [mail] = mailTo(email);
    expect(mail).toBeDefined();
    expect(mail.from).toBe("outsight@example.test");
    expect(mail.text).toMatch(/Subject: Org .+ invites you to answer in Outsight/);
    expect(mail.text).toContain(s.partner.name);
    expect(mail.text).toContain("Hello Priya Partner");
    // Follow the link found in the mail, not the one the API answered.
    const link = mail.text.match(/https:\/\/outsight\.example\.test\/invitations\/([A-Za-z0-9_-]+)/);
    expect(link?.[1]).toBe(inv.token);

    const res = await accept(env, link![1], { password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const me = await env.app.inject({ url: "/api/v1/me", headers: { cookie: cookieOf(res)! } });
    expect(me.json().user).toMatchObject({ email, role: "partner", partnerId: s.partner.id });

    const listed = await call(env, s.admin, { url: `/api/v1/invitations?partnerId=${s.partner.id}` });
    expect(listed.json().items.find((i: { id: string }) => i.id === inv.id)).toMatchObject({
      status: "accepted",
      emailStatus: "sent",
    });
  });

  it("records a failed send without failing the invitation, and a resend mails a new link", async () => {
    const email = inviteeEmail();
    sink.rejecting = true;
    let inv: Awaited<ReturnType<typeof invite>>;
    try {
      inv = await invite(env, s.vendorManager, s.partner.id, { email });
    } finally {
      sink.rejecting = false;
    }
    expect(inv.emailStatus).toBe("failed");
    expect(inv.status).toBe("pending");
    expect(mailTo(email)).toHaveLength(0);

    const res = await call(env, s.vendorManager, {
      method: "POST",
      url: `/api/v1/invitations/${inv.id}/resend`,
    });
    expect(res.statusCode).toBe(201);
    const resent = res.json();
    expect(resent.emailStatus).toBe("sent");
    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(resent.acceptUrl);
    expect(mails[0].text).not.toContain(inv.token);
  });
});
