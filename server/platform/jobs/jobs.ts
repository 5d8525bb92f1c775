import type { z } from "zod";
import type { AppContext } from "../context.js";

/**
 * A background job: its queue name, the shape of its payload, an optional cron schedule (UTC)
 * and the handler. Handlers must be idempotent: pg-boss delivers exactly once per attempt, but a
 * crash mid-way retries the whole job.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  payload: P;
  /** Five-field cron expression in UTC, e.g. "15 2 * * *" for 02:15 every night. */
  cron?: string;
  handler(ctx: AppContext, data: z.infer<P>): Promise<Record<string, unknown> | undefined>;
}

/** Declares a job with its payload type inferred from the zod schema. */
export const defineJob = <P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> => def;
