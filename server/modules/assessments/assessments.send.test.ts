import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../platform/audit/audit.service.js";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { publishEvents } from "../notifications/publish.js";
import {
  type AssessmentSessions,
  auditActions,
  BASE,
  buildAssessment,
  buildAssessmentSessions,
  buildContact,
  notificationsOf,
} from "./assessments.testkit.js";

const env = useTestApp();
const send = (s: Session | null, id: string) => call(env, s, { method: "POST", url: `${BASE}/${id}/send` });

let c: AssessmentSessions;
beforeAll(async () => {
  c = await buildAssessmentSessions(env);
});

const invitationsOf = async (email: string) =>
  (
    await env.ctx.database.pool.query(
      "SELECT partner_id, contact_id, email, accepted_at, revoked_at FROM user_invitations WHERE lower(email) = lower($1)",
      [email],
    )
  ).rows;

describe("POST /api/v1/assessments/:id/send", () => {
  it("invites recipients without an account: an invitation row per recipient, sentAt and invitedAt set", async () => {
    const partner = await buildPartner(env, c.admin);
    const first = await buildContact(env, c.admin, partner.id);
    const second = await buildContact(env, c.admin, partner.id);
    const a = await buildAssessment(env, c.admin, {
      partnerId: partner.id,
      status: "draft",
      contactIds: [first.id, second.id],
    });
    const res = await send(c.vendorManager, a.id);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.status).toBe("sent");
    expect(view.sentAt).not.toBeNull();
    for (const r of view.recipients) expect(r).toMatchObject({ userId: null, invitedAt: expect.any(String) });
    for (const contact of [first, second])
      expect(await invitationsOf(contact.email)).toEqual([
        {
          partner_id: partner.id,
          contact_id: contact.id,
          email: contact.email,
          accepted_at: null,
          revoked_at: null,
        },
      ]);
    expect(await auditActions(env, c.admin.orgId, a.id)).toEqual(["assessment.create", "assessment.send"]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT action FROM audit_events WHERE org_id = $1 AND action = 'invitation.create' AND $2::uuid = ANY(related_ids)",
      [c.admin.orgId, partner.id],
    );
    expect(rows).toHaveLength(2);
  });

  it("links an existing partner user of the partner and tells them (assessment_sent), without inviting", async () => {
    const contact = await buildContact(env, c.admin, c.partnerId, c.partnerUser.email);
    const a = await buildAssessment(env, c.admin, {
      partnerId: c.partnerId,
      status: "draft",
      contactIds: [contact.id],
    });
    const res = await send(c.admin, a.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().recipients).toEqual([
      expect.objectContaining({ email: c.partnerUser.email, userId: c.partnerUser.userId }),
    ]);
    expect(await invitationsOf(c.partnerUser.email)).toEqual([]);
    expect(await notificationsOf(env, c.partnerUser.userId)).toContain(
      `assessment_sent:assessment_sent:${a.id}`,
    );
    const { rows } = await env.ctx.database.pool.query(
      "SELECT link FROM notification_events WHERE key = $1",
      [`assessment_sent:${a.id}`],
    );
    expect(rows[0].link).toBe(`/portal/assessments/${a.id}`);
  });

  it("refuses a recipient whose email belongs to staff or to another partner's user (409 recipient_conflict)", async () => {
    const staff = await buildContact(env, c.admin, c.partnerId, c.viewer.email);
    const draft = await buildAssessment(env, c.admin, {
      partnerId: c.partnerId,
      status: "draft",
      contactIds: [staff.id],
    });
    problem(await send(c.admin, draft.id), 409, "recipient_conflict");
    expect((await call(env, c.admin, { url: `${BASE}/${draft.id}` })).json().status).toBe("draft");

    const elsewhere = await buildPartner(env, c.admin);
    const theirUser = await buildUser(env, c.admin.orgId, "partner", elsewhere.id);
    const contact = await buildContact(env, c.admin, c.partnerId, theirUser.email);
    const other = await buildAssessment(env, c.admin, {
      partnerId: c.partnerId,
      status: "draft",
      contactIds: [contact.id],
    });
    problem(await send(c.admin, other.id), 409, "recipient_conflict");
  });

  it("answers 409 invalid_transition for an assessment already sent", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId });
    const res = problem(await send(c.admin, a.id), 409, "invalid_transition");
    expect(res.detail).toBe("An assessment cannot move from sent to sent");
  });

  it("answers 400 for a malformed id, 401, 403 to viewers and partner users, 404 for another organization", async () => {
    const a = await buildAssessment(env, c.admin, { partnerId: c.partnerId, status: "draft" });
    problem(await send(c.admin, "nope"), 400, "validation_failed");
    problem(await send(null, a.id), 401, "unauthenticated");
    problem(await send(c.viewer, a.id), 403, "forbidden");
    problem(await send(c.partnerUser, a.id), 403, "forbidden");
    problem(await send(c.other, a.id), 404, "not_found");
  });
});

describe("notifications to partner users (publishEvents)", () => {
  it("delivers the assessment types meant for them and still skips every other type", async () => {
    const event = (type: "assessment_due" | "kpi_breach" | "assessment_submitted", key: string) => ({
      type,
      key,
      title: "t",
      body: "b",
      link: null,
      subject: null,
      recipients: [c.partnerUser.userId],
    });
    await env.ctx.database.db.transaction((tx) =>
      publishEvents(tx, c.admin.orgId, systemActor("test"), [
        event("assessment_due", "h1-due"),
        event("kpi_breach", "h1-kpi"),
        event("assessment_submitted", "h1-submitted"),
      ]),
    );
    const got = await notificationsOf(env, c.partnerUser.userId);
    expect(got).toContain("assessment_due:h1-due");
    expect(got).not.toContain("kpi_breach:h1-kpi");
    expect(got).not.toContain("assessment_submitted:h1-submitted");
    // The portal has no inbox: by email only.
    const { rows } = await env.ctx.database.pool.query(
      "SELECT in_app, email_status FROM notifications WHERE user_id = $1",
      [c.partnerUser.userId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual({ in_app: false, email_status: "pending" });
  });
});
