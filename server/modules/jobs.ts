import { z } from "zod";
import { todayUtc } from "../../domain/time.js";
import { defineJob, type JobDefinition } from "../platform/jobs/jobs.js";
import { runReassessments } from "./assessments/scheduler.js";
import { NOTIFICATION_JOBS } from "./notifications/notifications.jobs.js";
import { REMINDER_JOBS } from "./reminders/reminders.jobs.js";
import { reopenExpiredAcceptances } from "./risks/risk-acceptance.js";
import { evaluateAllOrganizations } from "./signals/signals.reevaluate.js";

/**
 * Re-evaluates every signal rule for every organization. Changes to partners, sites, services and
 * risks already re-evaluate the partners they touch at once; this nightly pass catches what
 * changes without an edit in Outsight (the calendar: overlap windows, review dates falling due).
 */
const signalsNightly = defineJob({
  name: "risk-signals-nightly",
  description: "Re-evaluate every risk-signal rule for every organization",
  payload: z.object({}),
  cron: "15 2 * * *",
  async handler(ctx) {
    const results = await evaluateAllOrganizations(ctx.database.db);
    const sum = (k: "raised" | "reopened" | "resolved") => results.reduce((n, r) => n + r[k], 0);
    return {
      organizations: results.length,
      raised: sum("raised"),
      reopened: sum("reopened"),
      resolved: sum("resolved"),
    };
  },
});

/** Hourly, so an acceptance that expired at midnight reopens its risk early in the day. */
const acceptanceExpiry = defineJob({
  name: "risk-acceptance-expiry",
  description: "Reopen risks whose acceptance has expired",
  payload: z.object({}),
  cron: "5 * * * *",
  async handler(ctx) {
    return { reopened: await reopenExpiredAcceptances(ctx.database.db) };
  },
});

/**
 * 05:30 UTC, before the 06:00 reminders: drafts the reassessments partners' tiers call for, so
 * vendor managers find them (and the notification) when they start work.
 */
const reassessmentsDaily = defineJob({
  name: "assessments-reassessment-daily",
  description: "Draft the reassessments due by each partner tier's cadence",
  payload: z.object({}),
  cron: "30 5 * * *",
  async handler(ctx) {
    return { ...(await runReassessments(ctx.database.db, todayUtc())) };
  },
});

/** Every background job of the product; the server's job runner registers these. */
export const JOBS: readonly JobDefinition[] = [
  signalsNightly,
  acceptanceExpiry,
  reassessmentsDaily,
  ...NOTIFICATION_JOBS,
  ...REMINDER_JOBS,
];
