import { Badge, type BadgeProps, Text, Tooltip } from "@mantine/core";
import type { ScoreLevel } from "../../../domain/risk-scoring";
import { LEVEL_COLORS, LEVEL_LABELS, TIER_COLORS, TIER_MEANINGS } from "../lib/risks";

/**
 * A risk level as a coloured badge, with the score when given ("High · 12"). The explanation (how
 * the score was computed) shows on hover, so a bare number never has to be trusted.
 */
export function RiskLevelBadge({
  level,
  score,
  explanation,
  ...props
}: { level: ScoreLevel; score?: number; explanation?: string } & BadgeProps) {
  const badge = (
    <Badge color={LEVEL_COLORS[level]} variant="light" {...props}>
      {LEVEL_LABELS[level]}
      {score !== undefined ? ` · ${score}` : ""}
    </Badge>
  );
  if (!explanation) return badge;
  return (
    <Tooltip label={explanation} multiline maw={320} openDelay={300}>
      {badge}
    </Tooltip>
  );
}

/** A partner's risk tier (1 needs the most attention); a dash before it was ever computed. */
export function TierBadge({ tier, ...props }: { tier: number | null | undefined } & BadgeProps) {
  if (!tier)
    return (
      <Text c="dimmed" span size="sm">
        —
      </Text>
    );
  return (
    <Tooltip label={TIER_MEANINGS[tier]} openDelay={300}>
      <Badge color={TIER_COLORS[tier]} variant="filled" {...props}>
        Tier {tier}
      </Badge>
    </Tooltip>
  );
}
