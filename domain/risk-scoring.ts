import { z } from "zod";

/**
 * Risk scoring shared by the register, the signals engine and the partner risk profile.
 * Score = likelihood × impact on a 5×5 grid; the level comes from configurable minimum scores.
 * Every figure the API returns carries its explanation, so nobody has to trust a bare number.
 */

export const SCALE = [1, 2, 3, 4, 5] as const;
/** A likelihood or impact rating, 1 (lowest) to 5 (highest). */
export const Rating = z.number().int().min(1).max(5);
export type Rating = z.infer<typeof Rating>;

export const LIKELIHOOD_LABELS: Record<number, string> = {
  1: "rare",
  2: "unlikely",
  3: "possible",
  4: "likely",
  5: "almost certain",
};
export const IMPACT_LABELS: Record<number, string> = {
  1: "negligible",
  2: "minor",
  3: "moderate",
  4: "major",
  5: "severe",
};

export const SCORE_LEVELS = ["low", "medium", "high", "critical"] as const;
export const ScoreLevel = z.enum(SCORE_LEVELS);
export type ScoreLevel = z.infer<typeof ScoreLevel>;

/**
 * The lowest score of each level above `low`. Defaults follow the usual 5×5 banding:
 * 1–4 low, 5–9 medium, 10–16 high, 20–25 critical (no product of two ratings lies in 17–19).
 */
export const LevelThresholds = z
  .object({
    medium: z.number().int().min(2).max(25),
    high: z.number().int().min(3).max(25),
    critical: z.number().int().min(4).max(25),
  })
  .refine((t) => t.medium < t.high && t.high < t.critical, {
    message: "Thresholds must increase: medium < high < critical",
  });
export type LevelThresholds = z.infer<typeof LevelThresholds>;

export const DEFAULT_LEVEL_THRESHOLDS: LevelThresholds = { medium: 5, high: 10, critical: 20 };

/** likelihood × impact. */
export const scoreOf = (likelihood: number, impact: number) => likelihood * impact;

/** The level of a score under the given thresholds. */
export function levelOf(score: number, t: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS): ScoreLevel {
  if (score >= t.critical) return "critical";
  if (score >= t.high) return "high";
  if (score >= t.medium) return "medium";
  return "low";
}

/** The inclusive score range of a level, for filters ("level=high" → score between 10 and 19). */
export function levelRange(
  level: ScoreLevel,
  t: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS,
): [number, number] {
  switch (level) {
    case "low":
      return [1, t.medium - 1];
    case "medium":
      return [t.medium, t.high - 1];
    case "high":
      return [t.high, t.critical - 1];
    case "critical":
      return [t.critical, 25];
  }
}

/** A score with the arithmetic and banding that produced it. */
export const ScoreExplanation = z.object({
  likelihood: Rating,
  impact: Rating,
  score: z.number().int(),
  level: ScoreLevel,
  explanation: z.string(),
});
export type ScoreExplanation = z.infer<typeof ScoreExplanation>;

/** e.g. "likelihood 4 (likely) × impact 5 (severe) = 20 → critical (critical from 20)". */
export function explainScore(
  likelihood: number,
  impact: number,
  t: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS,
): ScoreExplanation {
  const score = scoreOf(likelihood, impact);
  const level = levelOf(score, t);
  const [lo, hi] = levelRange(level, t);
  return {
    likelihood,
    impact,
    score,
    level,
    explanation:
      `likelihood ${likelihood} (${LIKELIHOOD_LABELS[likelihood]}) × impact ${impact} ` +
      `(${IMPACT_LABELS[impact]}) = ${score} → ${level} (${level} is ${lo}–${hi})`,
  };
}
