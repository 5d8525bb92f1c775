import { Group, Input, SegmentedControl, Text } from "@mantine/core";
import {
  explainScore,
  IMPACT_LABELS,
  type LevelThresholds,
  LIKELIHOOD_LABELS,
  SCALE,
} from "../../../../domain/risk-scoring";
import { RiskLevelBadge } from "../../components/RiskLevelBadge";

const DATA = SCALE.map((n) => String(n));

/** A 1–5 rating as five segments, with the word of the chosen rating beside the label. */
export function RatingPicker(props: {
  label: string;
  kind: "likelihood" | "impact";
  /** Names the control for assistive technology and tests ("Residual likelihood"). */
  ariaLabel: string;
  value: number;
  onChange: (value: number) => void;
  error?: React.ReactNode;
}) {
  const words = props.kind === "likelihood" ? LIKELIHOOD_LABELS : IMPACT_LABELS;
  return (
    <Input.Wrapper
      label={
        <Group gap={6} component="span">
          {props.label}
          <Text span size="xs" c="dimmed">
            {words[props.value]}
          </Text>
        </Group>
      }
      error={props.error}
    >
      <SegmentedControl
        fullWidth
        size="xs"
        data={DATA}
        value={String(props.value)}
        onChange={(v) => props.onChange(Number(v))}
        aria-label={props.ariaLabel}
        color={props.error ? "red" : undefined}
      />
    </Input.Wrapper>
  );
}

/** The live score of a likelihood and impact: the level badge and how it was computed. */
export function ScorePreview(props: {
  likelihood: number;
  impact: number;
  thresholds: LevelThresholds | undefined;
}) {
  const s = explainScore(props.likelihood, props.impact, props.thresholds);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <RiskLevelBadge level={s.level} score={s.score} style={{ flexShrink: 0 }} />
      <Text size="xs" c="dimmed">
        {s.explanation}
      </Text>
    </Group>
  );
}
