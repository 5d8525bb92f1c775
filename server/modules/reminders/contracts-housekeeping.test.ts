import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { type JobRunner, startJobRunner } from "../../platform/jobs/runner.js";
import { buildPartner, call, type Session, useTestApp } from "../../test/harness.js";
import { buildContract, buildContractSessions, buildService } from "../contracts/contracts.testkit.js";
import { runContractHousekeeping } from "./contracts-housekeeping.js";
import { REMINDER_JOBS } from "./reminders.jobs.js";

const env = useTestApp();
const today = todayUtc();

let admin: Session;
let other: Session;
let partnerId: string;
let serviceId: string;
const ids: Record<string, string> = {};

/** A contract's status as its organization reads it through the API. */
const statusOf = async (s: Session, id: string) =>
  (await call(env, s, { url: `/api/v1/contracts/${id}` })).json().status;
/** The audit events of one record as [action, actor name, before, after]. */
async function audit(id: string) {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT action, actor_name, before, after FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((r) => [r.action, r.actor_name, r.before, r.after]);
}
const openExitPlanSignals = async () =>
  (
    await env.ctx.database.pool.query(
      "SELECT 1 FROM risk_signals WHERE partner_id = $1 AND service_id = $2 AND rule = 'no_exit_plan' AND status = 'open'",
      [partnerId, serviceId],
    )
  ).rowCount;

beforeAll(async () => {
  ({ admin, other } = await buildContractSessions(env));
  partnerId = (await buildPartner(env, admin)).id;
  serviceId = (await buildService(env, admin, partnerId, { criticality: "critical" })).id;
  // Ended five days ago without renewing, and the only cover (with an exit plan) of a critical service.
  ids.ended = (
    await buildContract(env, admin, partnerId, {
      endDate: addDays(today, -5),
      serviceIds: [serviceId],
      exitPlan: { has: true },
    })
  ).id;
  // Ended too, but renews automatically: never expired.
  ids.renewing = (
    await buildContract(env, admin, partnerId, {
      endDate: addDays(today, -10),
      autoRenewal: true,
      renewalTermMonths: 12,
      noticePeriodDaysOurs: 0,
    })
  ).id;
  // Ends tomorrow: still active after tonight.
  ids.tomorrow = (await buildContract(env, admin, partnerId, { endDate: addDays(today, 1) })).id;
  const theirPartner = await buildPartner(env, other);
  ids.theirs = (await buildContract(env, other, theirPartner.id, { endDate: addDays(today, -1) })).id;
  // As if the renewing contract had last been written before its term rolled over.
  await env.ctx.database.pool.query("UPDATE contracts SET notice_deadline = $1 WHERE id = $2", [
    addDays(today, -10),
    ids.renewing,
  ]);
});

describe("nightly contract housekeeping", () => {
  it("expires ended fixed-term contracts, refreshes stale deadlines, audits both as the scheduler", async () => {
    expect(await openExitPlanSignals()).toBe(0);
    const run = await runContractHousekeeping(env.ctx.database.db, today);
    expect(run).toEqual({ organizations: 2, noticeRefreshed: 1, expired: 2 });

    expect(await statusOf(admin, ids.ended)).toBe("expired");
    expect(await statusOf(other, ids.theirs)).toBe("expired");
    const statuses = await env.ctx.database.pool.query(
      "SELECT id, status, notice_deadline::text AS d FROM contracts WHERE id = ANY($1)",
      [[ids.renewing, ids.tomorrow]],
    );
    const byId = Object.fromEntries(statuses.rows.map((r) => [r.id, r]));
    expect(byId[ids.renewing].status).toBe("active");
    expect(byId[ids.renewing].d > today).toBe(true);
    expect(byId[ids.tomorrow].status).toBe("active");

    expect((await audit(ids.ended)).at(-1)).toEqual([
      "contract.expire",
      "scheduler",
      { status: "active" },
      { status: "expired" },
    ]);
    expect((await audit(ids.renewing)).at(-1)).toEqual([
      "contract.notice_refresh",
      "scheduler",
      { noticeDeadline: addDays(today, -10) },
      { noticeDeadline: byId[ids.renewing].d },
    ]);
    // The expired contract no longer covers the critical service: its signal is raised at once.
    expect(await openExitPlanSignals()).toBe(1);
  });

  it("is idempotent: a second night finds nothing to do", async () => {
    expect(await runContractHousekeeping(env.ctx.database.db, today)).toEqual({
      organizations: 2,
      noticeRefreshed: 0,
      expired: 0,
    });
  });
});

describe("the reminder jobs through pg-boss", () => {
  let runner: JobRunner;
  beforeAll(async () => {
    runner = await startJobRunner(env.ctx, env.ctx.database.url, REMINDER_JOBS, {
      pollingIntervalSeconds: 0.5,
      schedule: false,
    });
  }, 60_000);
  afterAll(async () => runner?.stop());

  it("declares both jobs with their UTC schedules", () => {
    expect(REMINDER_JOBS.map((j) => [j.name, j.cron])).toEqual([
      ["reminders-daily", "0 6 * * *"],
      ["contracts-nightly", "30 1 * * *"],
    ]);
  });

  it("runs contracts-nightly and reminders-daily in a worker", async () => {
    expect(await runner.runNow("contracts-nightly")).toEqual({
      organizations: 2,
      noticeRefreshed: 0,
      expired: 0,
    });
    const first = await runner.runNow("reminders-daily");
    expect(first).toMatchObject({ organizations: 2 });
    // "Tomorrow" ends within 30 days: its ending and notice reminders are published once.
    expect(first.due).toMatchObject({ contract_ending: 1, notice_deadline: 1 });
    expect(first.published).toBe(2);
    expect(await runner.runNow("reminders-daily")).toMatchObject({ published: 0 });
  }, 30_000);
});
