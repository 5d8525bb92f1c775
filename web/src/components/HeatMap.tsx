import { Card, Group, Text, Title, UnstyledButton } from "@mantine/core";
import { IMPACT_LABELS, type LevelThresholds, LIKELIHOOD_LABELS, SCALE } from "../../../domain/risk-scoring";
import { cellLevel, LEVEL_COLORS, LEVEL_LABELS } from "../lib/risks";
import classes from "./HeatMap.module.css";

/** A selected heat-map cell: which grid, and the ratings of the cell. */
export interface HeatCell {
  kind: "inherent" | "residual";
  likelihood: number;
  impact: number;
}

const KIND_LABELS = { inherent: "Inherent", residual: "Residual" } as const;
// Likelihood 5 at the top, as risk matrices are read.
const ROWS = [...SCALE].reverse();

interface GridProps {
  kind: HeatCell["kind"];
  /** counts[likelihood - 1][impact - 1] */
  counts: number[][];
  thresholds: LevelThresholds;
  selected?: HeatCell | null;
  onSelect?: (cell: HeatCell) => void;
  /** Show each cell's score instead of a count (the settings page's preview of the bands). */
  preview?: boolean;
}

/**
 * A 5×5 risk matrix as a table: likelihood up the side (5 at the top), impact along the bottom,
 * each cell tinted by the level its score falls in and showing how many risks sit there. Buttons
 * rather than a canvas, so cells are reachable by keyboard, readable by screen readers and
 * addressable in tests ("Residual likelihood 4 impact 5: 2 risks").
 */
export function HeatGrid({ kind, counts, thresholds, selected, onSelect, preview }: GridProps) {
  return (
    <table className={classes.grid} aria-label={`${KIND_LABELS[kind]} risk heat map`}>
      <caption className={classes.caption}>Likelihood (rows, 5 at the top) by impact (columns)</caption>
      <tbody>
        {ROWS.map((l) => (
          <tr key={l}>
            <th scope="row" className={classes.axis} title={LIKELIHOOD_LABELS[l]}>
              {l}
            </th>
            {SCALE.map((i) => {
              const n = counts[l - 1]?.[i - 1] ?? 0;
              const level = cellLevel(l, i, thresholds);
              const color = LEVEL_COLORS[level];
              const isSelected =
                selected?.kind === kind && selected.likelihood === l && selected.impact === i;
              const label = preview
                ? `Likelihood ${l} impact ${i}: score ${l * i}, ${LEVEL_LABELS[level].toLowerCase()}`
                : `${KIND_LABELS[kind]} likelihood ${l} impact ${i}: ${n} ${n === 1 ? "risk" : "risks"}`;
              return (
                <td key={i}>
                  <UnstyledButton
                    className={classes.cell}
                    data-testid={`heat-${kind}-${l}-${i}`}
                    data-selected={isSelected || undefined}
                    aria-label={label}
                    aria-pressed={isSelected}
                    title={`${label} · score ${l * i} (${LEVEL_LABELS[level].toLowerCase()})`}
                    disabled={!onSelect}
                    onClick={() => onSelect?.({ kind, likelihood: l, impact: i })}
                    style={{
                      background: `var(--mantine-color-${color}-${n > 0 || preview ? 3 : 1})`,
                      color: n > 0 || preview ? `var(--mantine-color-${color}-9)` : undefined,
                    }}
                  >
                    {preview ? l * i : n > 0 ? n : ""}
                  </UnstyledButton>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          {SCALE.map((i) => (
            <th key={i} scope="col" className={classes.axis} title={IMPACT_LABELS[i]}>
              {i}
            </th>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** A titled card around one heat map, with its total. */
export function HeatMap(props: GridProps) {
  const total = props.counts.flat().reduce((a, b) => a + b, 0);
  return (
    <Card>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={5}>{KIND_LABELS[props.kind]} risk</Title>
        <Text size="xs" c="dimmed">
          {total} {total === 1 ? "risk" : "risks"}
        </Text>
      </Group>
      <HeatGrid {...props} />
    </Card>
  );
}

/** The colour key of the levels with their score ranges. */
export function LevelLegend({ thresholds }: { thresholds: LevelThresholds }) {
  const ranges: [keyof typeof LEVEL_COLORS, string][] = [
    ["low", `1–${thresholds.medium - 1}`],
    ["medium", `${thresholds.medium}–${thresholds.high - 1}`],
    ["high", `${thresholds.high}–${thresholds.critical - 1}`],
    ["critical", `${thresholds.critical}–25`],
  ];
  return (
    <Group gap="md">
      {ranges.map(([level, range]) => (
        <Group key={level} gap={6} wrap="nowrap">
          <span
            style={{
              width: 12,
              height: 12,
              borderRadius: 3,
              background: `var(--mantine-color-${LEVEL_COLORS[level]}-3)`,
            }}
          />
          <Text size="xs" c="dimmed">
            {LEVEL_LABELS[level]} {range}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
