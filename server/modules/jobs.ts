import type { JobDefinition } from "../platform/jobs/jobs.js";

/** Every background job of the product; the server's job runner registers these. */
export const JOBS: readonly JobDefinition[] = [];
