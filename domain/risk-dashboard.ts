import { z } from "zod";
import { Id } from "./common.js";
import { LevelThresholds, ScoreLevel } from "./risk-scoring.js";
import { ListRisksQuery } from "./risks.js";

/** The heat map and the dashboard summary of the risk register. */

const Grid = z.array(z.array(z.number().int()).length(5)).length(5);

/** Query of `GET /api/v1/risks/heatmap`: the list's filters (`category` is a category id alias). */
export const HeatmapQuery = ListRisksQuery.omit({ limit: true, cursor: true, sort: true }).extend({
  category: Id.optional().describe("A category id (same as categoryId)"),
});
export type HeatmapQuery = z.infer<typeof HeatmapQuery>;

/**
 * `GET /api/v1/risks/heatmap`: counts of risks per cell, `grid[likelihood-1][impact-1]`, for the
 * inherent and the residual scores, with the thresholds the UI colours the cells by.
 */
export const Heatmap = z.object({
  inherent: Grid,
  residual: Grid,
  total: z.number().int(),
  byLevel: z.object({
    inherent: z.record(ScoreLevel, z.number().int()),
    residual: z.record(ScoreLevel, z.number().int()),
  }),
  thresholds: LevelThresholds,
});
export type Heatmap = z.infer<typeof Heatmap>;

/** An empty 5×5 grid. */
export const emptyGrid = (): number[][] => Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);

const Ref = z.object({ id: Id, name: z.string() });

/** `GET /api/v1/risks/summary`: the register at a glance, for the dashboard. */
export const RiskSummary = z.object({
  /** Risks not closed. */
  total: z.number().int(),
  /** Risk signals waiting for a decision. */
  openSignals: z.number().int(),
  byResidualLevel: z.record(ScoreLevel, z.number().int()),
  byCategory: z.array(z.object({ id: Id, name: z.string(), count: z.number().int() })),
  topPartners: z.array(
    z.object({ id: Id, name: z.string(), riskScore: z.number().int(), riskTier: z.number().int() }),
  ),
  overdueReviews: z.object({
    count: z.number().int(),
    first: z.array(
      z.object({
        id: Id,
        title: z.string(),
        nextReviewDate: z.string(),
        residualScore: z.number().int(),
        owner: Ref.nullable(),
      }),
    ),
  }),
  overdueTasks: z.object({
    count: z.number().int(),
    first: z.array(
      z.object({
        id: Id,
        title: z.string(),
        dueDate: z.string(),
        risk: z.object({ id: Id, title: z.string() }),
        assignee: Ref.nullable(),
      }),
    ),
  }),
  thresholds: LevelThresholds,
});
export type RiskSummary = z.infer<typeof RiskSummary>;
