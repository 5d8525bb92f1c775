import { Badge, type BadgeProps, Group, Text, Tooltip } from "@mantine/core";
import { IconWorld } from "@tabler/icons-react";
import { INDICATORS, type Indicator, RISK_LEVELS, type RiskLevel } from "../../../../domain/governance";
import type { Me } from "../../api/types";

export const RISK_COLORS: Record<RiskLevel, string> = {
  low: "green",
  medium: "yellow",
  high: "orange",
  very_high: "red",
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  very_high: "Very high",
};

export const RISK_OPTIONS = RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }));

/** Column-sized names of the six dimensions. */
export const INDICATOR_SHORT: Record<Indicator, string> = {
  VoiceandAccountability: "Voice",
  PoliticalStability: "Stability",
  GovernmentEffectiveness: "Gov. eff.",
  RegulatoryQuality: "Regulation",
  RuleofLaw: "Rule of law",
  ControlofCorruption: "Corruption",
};

export const INDICATOR_NAMES: Record<Indicator, string> = {
  VoiceandAccountability: "Voice and accountability",
  PoliticalStability: "Political stability and absence of violence",
  GovernmentEffectiveness: "Government effectiveness",
  RegulatoryQuality: "Regulatory quality",
  RuleofLaw: "Rule of law",
  ControlofCorruption: "Control of corruption",
};

export { INDICATORS };

/** A country risk level as a coloured badge; a grey dash without figures. */
export function RiskBadge({ level, ...props }: { level: RiskLevel | null } & BadgeProps) {
  if (!level)
    return (
      <Badge color="gray" variant="light" {...props}>
        No data
      </Badge>
    );
  return (
    <Badge color={RISK_COLORS[level]} variant="filled" {...props}>
      {RISK_LABELS[level]} risk
    </Badge>
  );
}

/** Colour of a percentile rank: red for the bottom, green for the top. */
export function percentileColor(p: number): string {
  if (p >= 67) return "var(--mantine-color-green-6)";
  if (p >= 45) return "var(--mantine-color-yellow-6)";
  if (p >= 25) return "var(--mantine-color-orange-6)";
  return "var(--mantine-color-red-6)";
}

/** A compact percentile: a small bar under the number. */
export function PercentileBar({ value, label }: { value: number | null | undefined; label: string }) {
  if (value === null || value === undefined)
    return (
      <Text size="xs" c="dimmed" ta="center">
        —
      </Text>
    );
  return (
    <Tooltip label={`${label}: percentile ${value.toFixed(1)}`} openDelay={300}>
      <div style={{ width: 44 }}>
        <Text size="xs" fw={600} ta="right" lh={1.2}>
          {Math.round(value)}
        </Text>
        <div style={{ height: 4, borderRadius: 2, background: "var(--mantine-color-gray-2)" }}>
          <div
            style={{
              width: `${Math.max(2, value)}%`,
              height: 4,
              borderRadius: 2,
              background: percentileColor(value),
            }}
          />
        </div>
      </div>
    </Tooltip>
  );
}

/** The credit the World Bank's licence requires next to every figure, with the data year. */
export function Attribution({ year, attribution }: { year: number | null | undefined; attribution: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <IconWorld size={14} color="var(--mantine-color-gray-6)" />
      <Text size="xs" c="dimmed">
        Source: {attribution}
        {year ? ` (${year})` : ""}
      </Text>
    </Group>
  );
}

/** Whether the signed-in user may change the organization's override (server enforces it too). */
export function canOverride(me: Me): boolean {
  const abilities = me.abilities as Record<string, Record<string, boolean> | undefined>;
  return abilities.country?.override === true;
}

/** Whether the signed-in user may change the risk-level weights and thresholds. */
export function canChangeRiskSettings(me: Me): boolean {
  const abilities = me.abilities as Record<string, Record<string, boolean> | undefined>;
  return abilities.country?.settings === true;
}

/** Whether the signed-in user may import governance figures (installation-wide, so admins only). */
export function canImportIndicators(me: Me): boolean {
  const abilities = me.abilities as Record<string, Record<string, boolean> | undefined>;
  return abilities.country?.import === true;
}
