import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOrg, type Session, useTestApp } from "../../test/harness.js";
import { recordAudit, systemActor } from "../audit/audit.service.js";
import { auditEvents } from "../audit/audit.tables.js";
import { defineJob } from "./jobs.js";
import { type JobRunner, startJobRunner } from "./runner.js";

const env = useTestApp();

/** A real job: it writes an audit event for the organization it is given and reports back. */
const stamp = defineJob({
  name: "test-stamp",
  description: "Writes one audit event",
  payload: z.object({ orgId: z.uuid(), label: z.string() }),
  async handler(ctx, data) {
    await ctx.database.db.transaction((tx) =>
      recordAudit(tx, data.orgId, systemActor("scheduler"), {
        action: `test.${data.label}`,
        entityType: "job",
      }),
    );
    return { stamped: data.label };
  },
});

const failing = defineJob({
  name: "test-fail",
  description: "Always fails",
  payload: z.object({}),
  async handler() {
    throw new Error("boom");
  },
});

describe("job runner (pg-boss on the application database)", () => {
  let runner: JobRunner;
  let admin: Session;
  beforeAll(async () => {
    admin = await buildOrg(env);
    runner = await startJobRunner(env.ctx, env.ctx.database.url, [stamp, failing], {
      pollingIntervalSeconds: 0.5,
      schedule: false,
    });
  }, 60_000);
  afterAll(async () => runner?.stop());

  it("runs a queued job in a worker and hands back its output", async () => {
    const out = await runner.runNow("test-stamp", { orgId: admin.orgId, label: "first" });
    expect(out).toEqual({ stamped: "first" });
    const rows = await env.ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, admin.orgId), eq(auditEvents.action, "test.first")));
    expect(rows).toHaveLength(1);
    expect(rows[0].actorType).toBe("system");
  });

  it("refuses unknown jobs, and a payload that does not validate fails the job", async () => {
    await expect(runner.send("no-such-job")).rejects.toThrow(/Unknown job/);
    await expect(runner.runNow("test-stamp", { orgId: "not-a-uuid", label: "x" }, 15_000)).rejects.toThrow(
      /test-stamp failed/,
    );
  }, 30_000);

  it("surfaces a failing handler as a failed job with its error", async () => {
    await expect(runner.runNow("test-fail", {}, 15_000)).rejects.toThrow(/test-fail failed.*boom/);
  }, 30_000);
});
