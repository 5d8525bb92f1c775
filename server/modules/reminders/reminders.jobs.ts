import { z } from "zod";
import { todayUtc } from "../../../domain/time.js";
import { defineJob, type JobDefinition } from "../../platform/jobs/jobs.js";
import { runContractHousekeeping } from "./contracts-housekeeping.js";
import { runReminders } from "./reminders.service.js";

/**
 * 06:00 UTC, after the nightly housekeeping has moved notice deadlines on, and early enough that
 * the reminders are waiting when people in Europe start work.
 */
const remindersDaily = defineJob({
  name: "reminders-daily",
  description: "Remind of notice deadlines, contracts ending, obligations, reviews and assessments due",
  payload: z.object({}),
  cron: "0 6 * * *",
  async handler(ctx) {
    return { ...(await runReminders(ctx.database.db, todayUtc())) };
  },
});

/** 01:30 UTC: before the signals' nightly pass (02:15), which then sees the expired contracts. */
const contractsNightly = defineJob({
  name: "contracts-nightly",
  description: "Refresh stale notice deadlines and expire ended fixed-term contracts (audited)",
  payload: z.object({}),
  cron: "30 1 * * *",
  async handler(ctx) {
    return { ...(await runContractHousekeeping(ctx.database.db, todayUtc())) };
  },
});

/** The daily reminder and contract housekeeping jobs (spread into `JOBS`). */
export const REMINDER_JOBS: readonly JobDefinition[] = [remindersDaily, contractsNightly];
