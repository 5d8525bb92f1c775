import { z } from "zod";
import { DEFAULT_LEVEL_THRESHOLDS, LevelThresholds } from "./risk-scoring.js";

/** Bounds the signal rules compare facts against; each is documented where its rule lives. */
export const SignalBounds = z.object({
  /** WGI political-stability percentile below which a country counts as unstable. */
  politicalStabilityBelow: z.number().min(0).max(100),
  /** WGI rule-of-law / regulatory-quality percentile below which protection of data is weak. */
  ruleOfLawBelow: z.number().min(0).max(100),
  regulatoryQualityBelow: z.number().min(0).max(100),
  /** Average daily working-time overlap with our sites, in minutes, below which communication suffers. */
  overlapMinMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** Share of critical/important services (0–1) one partner or country may carry. */
  concentrationShare: z.number().gt(0).max(1),
});
export type SignalBounds = z.infer<typeof SignalBounds>;

/** An organization's risk-register settings: `GET/PUT /api/v1/risk-settings`. */
export const RiskRegisterSettings = z.object({
  levels: LevelThresholds,
  signals: SignalBounds,
});
export type RiskRegisterSettings = z.infer<typeof RiskRegisterSettings>;

export const DEFAULT_RISK_REGISTER_SETTINGS: RiskRegisterSettings = {
  levels: DEFAULT_LEVEL_THRESHOLDS,
  signals: {
    politicalStabilityBelow: 25,
    ruleOfLawBelow: 33,
    regulatoryQualityBelow: 33,
    overlapMinMinutes: 120,
    concentrationShare: 0.4,
  },
};
