import { beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "../../../domain/contract-terms.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildOrg, buildPartner, buildUser, call, type Session, useTestApp } from "../../test/harness.js";
import { buildTemplate } from "../questionnaires/questionnaires.testkit.js";
import { eventsLike, insertAssessment, setTier } from "./cadence.testkit.js";
import { runReassessments } from "./scheduler.js";

const env = useTestApp();
const today = todayUtc();
const SETTINGS = "/api/v1/assessment-settings";

let admin: Session;
let other: Session;
let vendorManager: Session;
let runner: Session;
let templateId: string;
let configuredTemplateId: string;

/** A partner of `s`'s organization at `status` and `tier`, with a primary contact who has an email. */
async function partnerAt(s: Session, status: string, tier: number) {
  const p = await buildPartner(env, s, { status });
  await setTier(env, p.id, tier);
  const tag = Math.random().toString(36).slice(2, 8);
  const contact = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${p.id}/contacts`,
    payload: { name: `Contact ${tag}`, email: `c.${tag}@partner.example.test`, isPrimary: true },
  });
  if (contact.statusCode !== 201) throw new Error(contact.body);
  return { id: p.id, contact: contact.json() as { id: string; name: string; email: string } };
}

/** A completed assessment of the partner, completed `monthsAgo` months (and `daysLater` days) ago. */
const completed = (
  s: Session,
  p: Awaited<ReturnType<typeof partnerAt>>,
  monthsAgo: number,
  daysLater = 0,
  tpl = templateId,
) =>
  insertAssessment(env, {
    orgId: s.orgId,
    partnerId: p.id,
    templateId: tpl,
    status: "completed",
    dueDate: addMonths(today, -monthsAgo),
    completedAt: `${addDays(addMonths(today, -monthsAgo), daysLater)}T12:00:00Z`,
    createdBy: runner.userId,
    recipients: [{ contactId: p.contact.id, name: p.contact.name, email: p.contact.email }],
  });

/** The organization's assessments of a partner, oldest first. */
async function assessmentsOf(partnerId: string) {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT id, status, purpose, template_id, template_version, due_date, previous_id, created_by
       FROM assessments WHERE partner_id = $1 ORDER BY created_at, id`,
    [partnerId],
  );
  return rows;
}

beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  vendorManager = await buildUser(env, admin.orgId, "vendor_manager");
  runner = await buildUser(env, admin.orgId, "compliance_officer");
  templateId = (await buildTemplate(env, admin)).id;
  configuredTemplateId = (await buildTemplate(env, admin)).id;
  const saved = await call(env, admin, {
    method: "PUT",
    url: SETTINGS,
    payload: {
      cadenceMonths: { "1": 12, "2": 24, "3": null, "4": null },
      reassessmentTemplateId: configuredTemplateId,
      leadDays: 30,
      answerDays: 21,
    },
  });
  expect(saved.statusCode).toBe(200);
  // The other organization reassesses nobody.
  const theirs = await call(env, other, {
    method: "PUT",
    url: SETTINGS,
    payload: {
      cadenceMonths: { "1": null, "2": null, "3": null, "4": null },
      reassessmentTemplateId: null,
      leadDays: 0,
      answerDays: 30,
    },
  });
  expect(theirs.statusCode).toBe(200);
});

describe("reassessment scheduler", () => {
  it("drafts a partner's reassessment when its tier's cadence comes round, once, audited and announced", async () => {
    const p = await partnerAt(admin, "active", 1);
    // Completed 12 months minus 10 days ago: due in 10 days, inside the 30 lead days.
    const last = await completed(admin, p, 12, 10);
    const run = await runReassessments(env.ctx.database.db, today);
    expect(run.drafted).toBeGreaterThanOrEqual(1);
    const [, draft] = await assessmentsOf(p.id);
    expect(draft).toMatchObject({
      status: "draft",
      purpose: "reassessment",
      template_id: configuredTemplateId,
      template_version: 1,
      previous_id: last,
      created_by: null,
      // Next due in 10 days, but the partner is given 21 days to answer.
      due_date: addDays(today, 21),
    });
    const { rows: recipients } = await env.ctx.database.pool.query(
      "SELECT contact_id, email FROM assessment_recipients WHERE assessment_id = $1",
      [draft.id],
    );
    expect(recipients).toEqual([{ contact_id: p.contact.id, email: p.contact.email }]);
    const { rows: version } = await env.ctx.database.pool.query(
      "SELECT in_use_at FROM questionnaire_template_versions WHERE template_id = $1 AND version = 1",
      [configuredTemplateId],
    );
    expect(version[0].in_use_at).not.toBeNull();
    const { rows: audit } = await env.ctx.database.pool.query(
      "SELECT actor_type, actor_name, after FROM audit_events WHERE entity_id = $1 AND action = 'assessment.create'",
      [draft.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_type: "system",
        actor_name: "scheduler",
        after: expect.objectContaining({ previousId: last, purpose: "reassessment", status: "draft" }),
      }),
    ]);
    const [event] = await eventsLike(env, admin.orgId, `assessment_drafted:${draft.id}`);
    expect(event.link).toBe(`/assessments/${draft.id}`);
    expect(event.users.sort()).toEqual([vendorManager.userId, runner.userId].sort());
    // Not twice: the draft is open, so the partner is no longer a candidate.
    await runReassessments(env.ctx.database.db, today);
    await runReassessments(env.ctx.database.db, addDays(today, 1));
    expect(await assessmentsOf(p.id)).toHaveLength(2);
  });

  it("uses the next due date when it is far enough, and the primary contact when the old ones are gone", async () => {
    const p = await partnerAt(admin, "onboarding", 2);
    const gone = await call(env, admin, {
      method: "POST",
      url: `/api/v1/partners/${p.id}/contacts`,
      payload: { name: "Gone Soon", email: "gone@partner.example.test" },
    });
    // Completed about 24 months minus 29 days ago: next due in about 29 days, more than the 21.
    const completedOn = addDays(addMonths(today, -24), 29);
    const last = await insertAssessment(env, {
      orgId: admin.orgId,
      partnerId: p.id,
      templateId,
      status: "completed",
      dueDate: addMonths(today, -24),
      completedAt: `${completedOn}T08:00:00Z`,
      recipients: [{ contactId: gone.json().id, name: "Gone Soon", email: "gone@partner.example.test" }],
    });
    await call(env, admin, { method: "DELETE", url: `/api/v1/partners/${p.id}/contacts/${gone.json().id}` });
    await runReassessments(env.ctx.database.db, today);
    const [, draft] = await assessmentsOf(p.id);
    const nextDue = addMonths(completedOn, 24);
    expect(nextDue > addDays(today, 21)).toBe(true);
    expect(draft).toMatchObject({ previous_id: last, due_date: nextDue });
    const { rows } = await env.ctx.database.pool.query(
      "SELECT contact_id FROM assessment_recipients WHERE assessment_id = $1",
      [draft.id],
    );
    expect(rows).toEqual([{ contact_id: p.contact.id }]);
  });

  it("leaves alone: an open assessment, a tier without cadence, not yet due, never assessed, not working with us, another organization", async () => {
    const open = await partnerAt(admin, "active", 1);
    await completed(admin, open, 30);
    await insertAssessment(env, {
      orgId: admin.orgId,
      partnerId: open.id,
      templateId,
      status: "sent",
      dueDate: addDays(today, 5),
    });
    const noCadence = await partnerAt(admin, "active", 3);
    await completed(admin, noCadence, 60);
    const notYet = await partnerAt(admin, "active", 1);
    await completed(admin, notYet, 10); // due in two months: beyond the 30 lead days
    const never = await partnerAt(admin, "active", 1);
    const exiting = await partnerAt(admin, "exiting", 1);
    await completed(admin, exiting, 30);
    const theirs = await partnerAt(other, "active", 1);
    await insertAssessment(env, {
      orgId: other.orgId,
      partnerId: theirs.id,
      templateId: (await buildTemplate(env, other)).id,
      status: "completed",
      dueDate: addMonths(today, -30),
      completedAt: `${addMonths(today, -30)}T12:00:00Z`,
    });
    await runReassessments(env.ctx.database.db, today);
    expect((await assessmentsOf(open.id)).map((a) => a.status)).toEqual(["completed", "sent"]);
    for (const p of [noCadence, notYet, exiting, theirs])
      expect((await assessmentsOf(p.id)).map((a) => a.status)).toEqual(["completed"]);
    expect(await assessmentsOf(never.id)).toEqual([]);
  });
});
