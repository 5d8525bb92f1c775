import PgBoss from "pg-boss";
import type { AppContext } from "../context.js";
import type { JobDefinition } from "./jobs.js";

/** A started pg-boss with our jobs registered. */
export interface JobRunner {
  /** Queues a job; returns its id (null when a singleton key suppressed a duplicate). */
  send(name: string, data?: object, options?: PgBoss.SendOptions): Promise<string | null>;
  /**
   * Queues a job for one attempt (no retries) and waits until a worker has finished it; resolves
   * with its output, rejects with its error.
   */
  runNow(name: string, data?: object, timeoutMs?: number): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Runs `fn` holding a session advisory lock shared by every instance's job set-up. */
async function withSetupLock(ctx: AppContext, fn: () => Promise<void>) {
  const client = await ctx.database.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended('outsight:jobs-setup', 0))");
    await fn();
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(hashtextextended('outsight:jobs-setup', 0))")
      .catch(() => undefined);
    client.release();
  }
}

export interface JobRunnerOptions {
  /** Poll interval of the workers (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Register cron schedules (off in tests that only want on-demand jobs). */
  schedule?: boolean;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * Starts pg-boss on the application's database (its own `pgboss` schema, created and migrated by
 * pg-boss itself), creates one queue per job, registers the cron schedules and starts a worker per
 * queue. Several instances may run this at once: pg-boss hands each job to exactly one worker and
 * elects one instance to fire each cron tick.
 */
export async function startJobRunner(
  ctx: AppContext,
  connectionString: string,
  jobs: readonly JobDefinition[],
  opts: JobRunnerOptions = {},
): Promise<JobRunner> {
  const log = opts.log ?? (() => undefined);
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 4, application_name: "outsight-jobs" });
  let stopping = false;
  boss.on("error", (e) => {
    // While stopping, pg-boss's last polls may meet the database shutting down too (57P01,
    // "terminating connection due to administrator command"): expected, not worth a log line.
    if (stopping && (e as { code?: string }).code === "57P01") return;
    log("job runner error", e);
  });
  const byName = new Map(jobs.map((j) => [j.name, j]));
  // Instances starting together would each create pg-boss's schema, queues (partition tables) and
  // schedules at once and can deadlock; one at a time under an advisory lock, creating only what
  // is missing, makes the set-up idempotent.
  await withSetupLock(ctx, async () => {
    await boss.start();
    for (const job of jobs) {
      if (!(await boss.getQueue(job.name)))
        await boss.createQueue(job.name, {
          name: job.name,
          retryLimit: 3,
          retryDelay: 30,
          retryBackoff: true,
          expireInSeconds: 15 * 60,
        });
      if (opts.schedule !== false && job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    }
  });
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([j]) => {
      const started = performance.now();
      const data = job.payload.parse(j.data ?? {});
      const output = await job.handler(ctx, data);
      log(
        `job ${job.name} done in ${Math.round(performance.now() - started)} ms ${JSON.stringify(output ?? {})}`,
      );
      return output ?? {};
    });
  }

  return {
    async send(name, data = {}, options = {}) {
      if (!byName.has(name)) throw new Error(`Unknown job: ${name}`);
      return boss.send(name, data, options);
    },
    async runNow(name, data = {}, timeoutMs = 60_000) {
      if (!byName.has(name)) throw new Error(`Unknown job: ${name}`);
      const id = await boss.send(name, data, { retryLimit: 0 });
      if (!id) throw new Error(`Job ${name} was not queued`);
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const j = await boss.getJobById(name, id, { includeArchive: true });
        if (j?.state === "completed") return (j.output ?? {}) as Record<string, unknown>;
        if (j?.state === "failed") throw new Error(`Job ${name} failed: ${JSON.stringify(j.output)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`Job ${name} did not finish within ${timeoutMs} ms`);
    },
    async stop() {
      stopping = true;
      // `stop` can resolve before pg-boss has closed its pool; wait for its `stopped` event too so
      // the database is not shut down under its last connections.
      const stopped = new Promise<void>((resolve) => boss.once("stopped", () => resolve()));
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 5_000))]);
    },
  };
}
