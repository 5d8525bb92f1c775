import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildOrg, buildPartner, buildUser, type Session, useTestApp } from "../../test/harness.js";
import { buildTemplate } from "../questionnaires/questionnaires.testkit.js";
import { runReminders } from "../reminders/reminders.service.js";
import { eventsLike, insertAssessment } from "./cadence.testkit.js";

const env = useTestApp();
const today = todayUtc();

let admin: Session;
let other: Session;
let creator: Session;
let partnerUser: Session;
let bystander: Session;
let partnerId: string;
let templateId: string;
beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  creator = await buildUser(env, admin.orgId, "vendor_manager");
  partnerId = (await buildPartner(env, admin)).id;
  partnerUser = await buildUser(env, admin.orgId, "partner", partnerId);
  // A user of the same partner who is not a recipient: not reminded.
  bystander = await buildUser(env, admin.orgId, "partner", partnerId);
  templateId = (await buildTemplate(env, admin)).id;
});

/** An assessment waiting on the partner, answered for by `partnerUser`, created by `creator`. */
const waiting = (dueDate: string, status: "sent" | "in_progress" | "clarification_requested" = "sent") =>
  insertAssessment(env, {
    orgId: admin.orgId,
    partnerId,
    templateId,
    status,
    dueDate,
    createdBy: creator.userId,
    recipients: [
      { contactId: null, name: "Pat Partner", email: partnerUser.email, userId: partnerUser.userId },
    ],
  });

describe("assessment reminders in the daily run", () => {
  it("reminds the recipients' partner users in the portal and the creator on the review screen, once", async () => {
    const due = addDays(today, 7);
    const id = await waiting(due);
    await runReminders(env.ctx.database.db, today);
    const events = await eventsLike(env, admin.orgId, `assessment_due:${id}`);
    expect(events).toEqual([
      {
        key: `assessment_due:${id}:${due}:7`,
        type: "assessment_due",
        link: `/portal/assessments/${id}`,
        users: [partnerUser.userId],
      },
      {
        key: `assessment_due:${id}:${due}:7:staff`,
        type: "assessment_due",
        link: `/assessments/${id}`,
        users: [creator.userId],
      },
    ]);
    expect(events.flatMap((e) => e.users)).not.toContain(bystander.userId);
    // A second run the same day adds nothing.
    const again = await runReminders(env.ctx.database.db, today);
    expect(await eventsLike(env, admin.orgId, `assessment_due:${id}`)).toHaveLength(2);
    expect(again.published).toBe(0);
  });

  it("reminds again at the next stage and when the due date moves", async () => {
    const due = addDays(today, 3);
    const id = await waiting(due, "in_progress");
    await runReminders(env.ctx.database.db, today);
    await runReminders(env.ctx.database.db, addDays(today, 2)); // the "1" stage, the day before
    const moved = addDays(today, 5);
    await env.ctx.database.pool.query("UPDATE assessments SET due_date = $2 WHERE id = $1", [id, moved]);
    await runReminders(env.ctx.database.db, today);
    expect((await eventsLike(env, admin.orgId, `assessment_due:${id}`)).map((e) => e.key)).toEqual([
      `assessment_due:${id}:${due}:1`,
      `assessment_due:${id}:${due}:1:staff`,
      `assessment_due:${id}:${due}:3`,
      `assessment_due:${id}:${due}:3:staff`,
      `assessment_due:${id}:${moved}:7`,
      `assessment_due:${id}:${moved}:7:staff`,
    ]);
  });

  it("says overdue once per due date, and nothing for drafts, submitted or other organizations' assessments", async () => {
    const due = addDays(today, -2);
    const id = await waiting(due, "clarification_requested");
    const draft = await insertAssessment(env, {
      orgId: admin.orgId,
      partnerId,
      templateId,
      status: "draft",
      dueDate: due,
      createdBy: creator.userId,
    });
    const submitted = await insertAssessment(env, {
      orgId: admin.orgId,
      partnerId,
      templateId,
      status: "submitted",
      dueDate: due,
      createdBy: creator.userId,
    });
    const theirPartner = (await buildPartner(env, other)).id;
    const theirs = await insertAssessment(env, {
      orgId: other.orgId,
      partnerId: theirPartner,
      templateId: (await buildTemplate(env, other)).id,
      status: "sent",
      dueDate: due,
      createdBy: other.userId,
    });
    await runReminders(env.ctx.database.db, today);
    await runReminders(env.ctx.database.db, addDays(today, 1));
    expect((await eventsLike(env, admin.orgId, `assessment_overdue:${id}`)).map((e) => e.key)).toEqual([
      `assessment_overdue:${id}:${due}`,
      `assessment_overdue:${id}:${due}:staff`,
    ]);
    for (const quiet of [draft, submitted, theirs])
      expect(await eventsLike(env, admin.orgId, `assessment_%:${quiet}`)).toEqual([]);
    // The other organization's own run told only its own people.
    const theirsEvents = await eventsLike(env, other.orgId, `assessment_overdue:${theirs}`);
    expect(theirsEvents.map((e) => e.users)).toEqual([[other.userId]]);
    expect(await eventsLike(env, other.orgId, `assessment_%:${id}`)).toEqual([]);
  });
});
