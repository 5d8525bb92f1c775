import type { JobDefinition } from "../../platform/jobs/jobs.js";

/** Placeholder: the daily reminder jobs. */
export const REMINDER_JOBS: readonly JobDefinition[] = [];
