import type { JobDefinition } from "../../platform/jobs/jobs.js";

/** Placeholder: the email outbox and webhook delivery jobs. */
export const NOTIFICATION_JOBS: readonly JobDefinition[] = [];
