import { z } from "zod";
import { Id } from "./common.js";
import type { Criticality } from "./partners.js";
import { DEFAULT_LEVEL_THRESHOLDS, type LevelThresholds, levelOf, ScoreLevel } from "./risk-scoring.js";

/**
 * A partner's risk profile: the highest score among its open risks and open signals, banded into
 * a tier (1 = most attention … 4 = least), with the criticality of its services as a floor.
 * Pure, so the refresh job, the profile endpoint and the tests compute it the same way.
 */

export const RISK_TIERS = [1, 2, 3, 4] as const;
export const RiskTier = z.number().int().min(1).max(4);
export type RiskTier = z.infer<typeof RiskTier>;

/** What drives a partner's score: a not-closed risk (residual) or an open signal. */
export interface RiskDriver {
  kind: "risk" | "signal";
  id: string;
  title: string;
  likelihood: number;
  impact: number;
}

/** The tier of a level, before the criticality floor. */
export const TIER_OF_LEVEL: Record<ScoreLevel | "none", RiskTier> = {
  critical: 1,
  high: 2,
  medium: 3,
  low: 4,
  none: 4,
};

/** The weakest tier a partner providing a service of this criticality may have. */
export const CRITICALITY_FLOOR: Partial<Record<Criticality, RiskTier>> = { critical: 2, important: 3 };

export interface PartnerRiskResult {
  score: number;
  /** Null when the partner has no driver at all. */
  level: ScoreLevel | null;
  tier: RiskTier;
  /** Drivers, highest score first, each with its arithmetic. */
  drivers: (RiskDriver & { score: number; level: ScoreLevel; explanation: string })[];
  /** Set when the criticality floor raised the tier. */
  floor: { criticality: Criticality; tier: RiskTier; explanation: string } | null;
  explanation: string[];
}

/**
 * Computes a partner's risk profile from its drivers and its highest service criticality.
 * Overall score = the highest driver score (0 without drivers), level by the org's thresholds.
 */
export function partnerRisk(
  drivers: RiskDriver[],
  highestCriticality: Criticality | null,
  thresholds: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS,
): PartnerRiskResult {
  const scored = drivers
    .map((d) => {
      const score = d.likelihood * d.impact;
      const level = levelOf(score, thresholds);
      const what = d.kind === "risk" ? `Risk '${d.title}' residual` : `Signal '${d.title}'`;
      return { ...d, score, level, explanation: `${what} ${d.likelihood}×${d.impact}=${score} (${level})` };
    })
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  const score = scored[0]?.score ?? 0;
  const level = scored.length ? levelOf(score, thresholds) : null;
  const byLevel = TIER_OF_LEVEL[level ?? "none"];
  const floorTier = highestCriticality ? CRITICALITY_FLOOR[highestCriticality] : undefined;
  const floor =
    floorTier !== undefined && highestCriticality && floorTier < byLevel
      ? {
          criticality: highestCriticality,
          tier: floorTier,
          explanation: `Provides a ${highestCriticality} service: at most tier ${floorTier}`,
        }
      : null;
  const tier = floor ? floor.tier : byLevel;
  const explanation = [
    scored.length
      ? `Overall score ${score} (${level}) → tier ${byLevel}`
      : "No open risks or signals → tier 4",
    ...scored.map((d) => d.explanation),
    ...(floor ? [floor.explanation] : []),
  ];
  return { score, level, tier, drivers: scored, floor, explanation };
}

const Driver = z.object({
  kind: z.enum(["risk", "signal"]),
  id: Id,
  title: z.string(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  level: ScoreLevel,
  explanation: z.string(),
});

/** `GET /api/v1/partners/:id/risk-profile`. */
export const PartnerRiskProfile = z.object({
  partner: z.object({ id: Id, name: z.string() }),
  tier: RiskTier,
  score: z.number().int(),
  level: ScoreLevel.nullable(),
  explanation: z.array(z.string()),
  drivers: z.array(Driver),
  floor: z.object({ criticality: z.string(), tier: RiskTier, explanation: z.string() }).nullable(),
  topRisks: z.array(
    z.object({
      id: Id,
      title: z.string(),
      status: z.string(),
      residualScore: z.number().int(),
      residualLevel: ScoreLevel,
    }),
  ),
  openSignals: z.array(
    z.object({
      id: Id,
      rule: z.string(),
      title: z.string(),
      likelihood: z.number().int(),
      impact: z.number().int(),
      explanation: z.string(),
      raisedAt: z.string(),
    }),
  ),
});
export type PartnerRiskProfile = z.infer<typeof PartnerRiskProfile>;
