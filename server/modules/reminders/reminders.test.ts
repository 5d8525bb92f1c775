import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, type Session, useTestApp } from "../../test/harness.js";
import {
  buildContract,
  buildContractSessions,
  type ContractSessions,
} from "../contracts/contracts.testkit.js";
import { buildRisk } from "../risks/risks.testkit.js";
import { runReminders } from "./reminders.service.js";

const env = useTestApp();
const today = todayUtc();

let c: ContractSessions;
let riskManager: Session;
const ids: Record<string, string> = {};

/** The signed-in user's in-app notifications as [type, title] pairs, oldest first. */
async function inbox(s: Session) {
  const res = await call(env, s, { url: "/api/v1/notifications?limit=100" });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { type: string; title: string; link: string }[]).reverse();
}
const titles = async (s: Session) => (await inbox(s)).map((n) => n.title);

beforeAll(async () => {
  c = await buildContractSessions(env);
  riskManager = c.riskManager;
  const partner = await buildPartner(env, c.admin, { name: "Acme Hosting" });
  const contract = async (key: string, o: object) =>
    (ids[key] = (await buildContract(env, c.admin, partner.id, { title: key, ...o })).id);
  // Notice 30 days before the end: the deadline is 7 days away. Owned by the compliance officer.
  await contract("Seven", {
    endDate: addDays(today, 37),
    noticePeriodDaysOurs: 30,
    ownerId: c.compliance.userId,
  });
  // Fixed term ending in 20 days, no notice period: deadline in 20 days (stage 30) and ending.
  await contract("Twenty", { endDate: addDays(today, 20), noticePeriodDaysOurs: 0 });
  // Auto-renewing, the deadline is today.
  await contract("Today", {
    endDate: addDays(today, 60),
    noticePeriodDaysOurs: 60,
    autoRenewal: true,
    renewalTermMonths: 12,
  });
  // Far away: nothing; and a review that fell due yesterday.
  await contract("Later", { endDate: addDays(today, 400), nextReviewDate: addDays(today, -1) });
  for (const [title, due] of [
    ["Soon report", addDays(today, 3)],
    ["Late report", addDays(today, -2)],
    ["Next month report", addDays(today, 10)],
  ] as const) {
    const res = await call(env, c.admin, {
      method: "POST",
      url: `/api/v1/contracts/${ids.Seven}/obligations`,
      payload: { title, side: "theirs", dueDate: due },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  ids.risk = (
    await buildRisk(env, c.admin, {
      title: "Key person dependency",
      ownerId: c.vendorManager.userId,
      nextReviewDate: today,
    })
  ).id;
  await buildRisk(env, c.admin, { title: "Reviewed later", nextReviewDate: addDays(today, 5) });
  // Another organization with a deadline of its own.
  const theirs = await buildPartner(env, c.other, { name: "Their Partner" });
  await buildContract(env, c.other, theirs.id, {
    title: "Their contract",
    endDate: addDays(today, 37),
    noticePeriodDaysOurs: 30,
  });
});

describe("daily reminders", () => {
  it("tells the right people about what is due, once", async () => {
    const run = await runReminders(env.ctx.database.db, today);
    expect(run.organizations).toBe(2);
    expect(run.due).toMatchObject({
      // Three of ours, one of the other organization.
      notice_deadline: 4,
      contract_ending: 1,
      obligation_due: 1,
      obligation_overdue: 1,
      contract_review_due: 1,
      risk_review_due: 1,
    });
    expect(run.published).toBe(9);

    // Vendor managers: contracts, obligations, and the risk they own.
    expect((await titles(c.vendorManager)).sort()).toEqual(
      [
        "Notice deadline in 7 days: Seven (Acme Hosting)",
        "Notice deadline in 20 days: Twenty (Acme Hosting)",
        "Notice deadline today: Today (Acme Hosting)",
        "Contract ending in 20 days: Twenty (Acme Hosting)",
        "Obligation due in 3 days: Soon report (Seven)",
        "Obligation overdue: Late report (Seven)",
        "Contract review due: Later (Acme Hosting)",
        "Risk review due: Key person dependency",
      ].sort(),
    );
    // Admins: contracts, not obligations; the other organization's admin only theirs.
    expect(await titles(c.admin)).toHaveLength(5);
    expect(await titles(c.other)).toEqual(["Notice deadline in 7 days: Their contract (Their Partner)"]);
    // The compliance officer: obligations, and the notice deadline of the contract they own.
    expect((await titles(c.compliance)).sort()).toEqual([
      "Notice deadline in 7 days: Seven (Acme Hosting)",
      "Obligation due in 3 days: Soon report (Seven)",
      "Obligation overdue: Late report (Seven)",
    ]);
    expect(await titles(riskManager)).toEqual(["Risk review due: Key person dependency"]);
    expect(await titles(c.viewer)).toEqual([]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM notifications WHERE user_id = $1",
      [c.partnerUser.userId],
    );
    expect(rows[0].n).toBe(0);

    const notice = (await inbox(c.vendorManager)).find(
      (n) => n.type === "notice_deadline" && n.title.includes("today"),
    );
    expect(notice?.link).toBe(`/contracts/${ids.Today}`);

    // Idempotent: a second run finds the same things due and publishes nothing.
    const again = await runReminders(env.ctx.database.db, today);
    expect(again.published).toBe(0);
    expect(await titles(c.vendorManager)).toHaveLength(8);
  });

  it("publishes as the scheduler, audited", async () => {
    const { rows } = await env.ctx.database.pool.query(
      `SELECT actor_type, actor_name, after->>'key' AS key FROM audit_events
        WHERE org_id = $1 AND action = 'notification_event.publish'`,
      [c.admin.orgId],
    );
    expect(rows.length).toBe(8);
    expect(rows.every((r) => r.actor_type === "system" && r.actor_name === "scheduler")).toBe(true);
    expect(rows.map((r) => r.key)).toContain(`notice_deadline:${ids.Seven}:${addDays(today, 7)}:7`);
  });

  it("reminds again when a deadline moves, and at the next stage", async () => {
    const moved = await call(env, c.admin, {
      method: "PATCH",
      url: `/api/v1/contracts/${ids.Seven}`,
      payload: { endDate: addDays(today, 36) },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await runReminders(env.ctx.database.db, today)).published).toBe(1);
    expect(await titles(c.compliance)).toContain("Notice deadline in 6 days: Seven (Acme Hosting)");
    // 13 days on, 'Twenty' is 7 days from its deadline: the 7-day stage.
    const later = await runReminders(env.ctx.database.db, addDays(today, 13));
    expect(later.due.notice_deadline).toBeGreaterThanOrEqual(1);
    expect(await titles(c.vendorManager)).toContain("Notice deadline in 7 days: Twenty (Acme Hosting)");
  });

  it("leaves closed risks alone", async () => {
    const closed = await call(env, c.admin, {
      method: "PATCH",
      url: `/api/v1/risks/${ids.risk}`,
      payload: { status: "closed" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const run = await runReminders(env.ctx.database.db, addDays(today, 1));
    // The risk's review date has not moved, but it is closed now.
    expect(run.due.risk_review_due ?? 0).toBe(0);
  });
});
