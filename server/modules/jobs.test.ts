import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../domain/time.js";
import { type JobRunner, startJobRunner } from "../platform/jobs/runner.js";
import { buildOrg, buildPartner, call, type Session, useTestApp } from "../test/harness.js";
import { JOBS } from "./jobs.js";
import { riskCategories, riskSignals, risks } from "./risks/risks.tables.js";

const env = useTestApp();
const today = new Date().toISOString().slice(0, 10);

describe("scheduled jobs run through pg-boss", () => {
  let runner: JobRunner;
  let admin: Session;
  beforeAll(async () => {
    admin = await buildOrg(env);
    runner = await startJobRunner(env.ctx, env.ctx.database.url, JOBS, { pollingIntervalSeconds: 0.5 });
  }, 60_000);
  afterAll(async () => runner?.stop());

  it("every job has a unique name, a description and a valid five-field cron", () => {
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
    for (const j of JOBS) {
      expect(j.description.length).toBeGreaterThan(10);
      if (j.cron) expect(j.cron.split(" ")).toHaveLength(5);
    }
  });

  it("risk-acceptance-expiry reopens a risk whose acceptance expired, and only that one", async () => {
    const { db } = env.ctx.database;
    const [cat] = await db
      .select()
      .from(riskCategories)
      .where(and(eq(riskCategories.orgId, admin.orgId), eq(riskCategories.key, "quality")));
    const ids: string[] = [];
    for (const title of ["Expired acceptance", "Current acceptance"]) {
      const created = await call(env, admin, {
        method: "POST",
        url: "/api/v1/risks",
        payload: { title, categoryId: cat.id, inherentLikelihood: 2, inherentImpact: 2 },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const accepted = await call(env, admin, {
        method: "POST",
        url: `/api/v1/risks/${id}/accept`,
        payload: { justification: "Low impact, cheaper to live with", expiresAt: addDays(today, 30) },
      });
      expect(accepted.statusCode).toBe(200);
      ids.push(id);
    }
    // Time passes for the first one only.
    await db
      .update(risks)
      .set({ acceptanceExpiresAt: addDays(today, -1) })
      .where(eq(risks.id, ids[0]));

    expect(await runner.runNow("risk-acceptance-expiry")).toEqual({ reopened: 1 });
    const [expired, current] = await Promise.all(
      ids.map(async (id) => (await call(env, admin, { method: "GET", url: `/api/v1/risks/${id}` })).json()),
    );
    expect(expired.status).toBe("open");
    expect(current.status).toBe("accepted");
    const audit = await call(env, admin, { method: "GET", url: `/api/v1/audit-events?entityId=${ids[0]}` });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain("risk.acceptance_expired");
    // Idempotent: a second run finds nothing to do.
    expect(await runner.runNow("risk-acceptance-expiry")).toEqual({ reopened: 0 });
  }, 30_000);

  it("risk-signals-nightly raises signals for facts entered before a rule existed", async () => {
    const partner = await buildPartner(env, admin, { status: "active" });
    const { db } = env.ctx.database;
    const mine = and(eq(riskSignals.orgId, admin.orgId), eq(riskSignals.partnerId, partner.id));
    // An upgrade that ships a new rule finds data entered earlier: simulate by forgetting the signals.
    await db.delete(riskSignals).where(mine);
    const out = await runner.runNow("risk-signals-nightly");
    expect(out.organizations).toBeGreaterThanOrEqual(1);
    expect(out.raised).toBeGreaterThanOrEqual(1);
    const rows = await db.select().from(riskSignals).where(mine);
    expect(rows.map((r) => r.rule)).toContain("no_review_date");
    expect(await runner.runNow("risk-signals-nightly")).toMatchObject({
      raised: 0,
      reopened: 0,
      resolved: 0,
    });
  }, 60_000);
});
