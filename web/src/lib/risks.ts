import { type LevelThresholds, levelOf, type ScoreLevel } from "../../../domain/risk-scoring";
import type { ControlEffectiveness, ControlType, TaskStatus } from "../../../domain/risk-treatment";
import type { RiskStatus, Treatment } from "../../../domain/risks";

/**
 * Labels and colours of the risk register, in one place so the register, the risk page, the heat
 * map, the signals inbox and the dashboard all speak the same words.
 */

/** Level colours: calm for low, warming through to red for critical. */
export const LEVEL_COLORS: Record<ScoreLevel, string> = {
  low: "teal",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

export const LEVEL_LABELS: Record<ScoreLevel, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const TREATMENT_LABELS: Record<Treatment, string> = {
  mitigate: "Mitigate",
  accept: "Accept",
  transfer: "Transfer",
  avoid: "Avoid",
};

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: "Open",
  in_treatment: "In treatment",
  accepted: "Accepted",
  closed: "Closed",
};
export const RISK_STATUS_COLORS: Record<RiskStatus, string> = {
  open: "blue",
  in_treatment: "grape",
  accepted: "gray",
  closed: "dark",
};

export const CONTROL_TYPE_LABELS: Record<ControlType, string> = {
  preventive: "Preventive",
  detective: "Detective",
  corrective: "Corrective",
};

export const EFFECTIVENESS_LABELS: Record<ControlEffectiveness, string> = {
  effective: "Effective",
  partially_effective: "Partially effective",
  ineffective: "Ineffective",
  not_tested: "Not tested",
};
export const EFFECTIVENESS_COLORS: Record<ControlEffectiveness, string> = {
  effective: "teal",
  partially_effective: "yellow",
  ineffective: "red",
  not_tested: "gray",
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};

export const SIGNAL_STATUSES = ["open", "accepted", "dismissed", "resolved"] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
export const SIGNAL_STATUS_LABELS: Record<SignalStatus, string> = {
  open: "Open",
  accepted: "Accepted",
  dismissed: "Dismissed",
  resolved: "Resolved",
};

/** What each partner risk tier asks of the organization (tier 1 needs the most attention). */
export const TIER_MEANINGS: Record<number, string> = {
  1: "Critical: senior attention and close monitoring",
  2: "High: active treatment and frequent review",
  3: "Medium: routine monitoring",
  4: "Low: standard oversight",
};
export const TIER_COLORS: Record<number, string> = { 1: "red", 2: "orange", 3: "yellow", 4: "teal" };

/** True when an ISO date (YYYY-MM-DD) lies before today in the viewer's calendar. */
export function isPastDate(date: string | null | undefined): boolean {
  if (!date) return false;
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  return date < iso;
}

/** The level of a likelihood × impact cell under the thresholds (for colouring the heat map). */
export const cellLevel = (likelihood: number, impact: number, t?: LevelThresholds): ScoreLevel =>
  levelOf(likelihood * impact, t);
