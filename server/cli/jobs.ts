import { JOBS } from "../modules/jobs.js";
import type { AppContext } from "../platform/context.js";

/**
 * `jobs list` prints the background jobs and their schedules; `jobs run <name>` runs one now in
 * this process (the same handler a worker runs), for operators who cannot wait for the schedule.
 */
export async function jobsCommand(ctx: AppContext, sub: string | undefined, name: string | undefined) {
  if (sub === "list") {
    for (const j of JOBS)
      console.log(`${j.name.padEnd(32)} ${(j.cron ?? "on demand").padEnd(14)} ${j.description}`);
    return 0;
  }
  if (sub === "run") {
    const job = JOBS.find((j) => j.name === name);
    if (!job) {
      console.error(`Unknown job: ${name ?? "(none)"}. Known: ${JOBS.map((j) => j.name).join(", ")}`);
      return 2;
    }
    const out = await job.handler(ctx, job.payload.parse({}));
    console.log(`${job.name}: ${JSON.stringify(out ?? {})}`);
    return 0;
  }
  return null;
}
