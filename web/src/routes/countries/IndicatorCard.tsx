import { Card, Group, Stack, Text, Tooltip, useMantineTheme } from "@mantine/core";
import { useMemo } from "react";
import { EChart } from "../dashboard/EChart";
import { trendOption } from "./charts";
import type { IndicatorEntry } from "./queries";
import { INDICATOR_NAMES, percentileColor } from "./shared";

const num = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? "—" : v.toFixed(digits);

/** One governance dimension: latest percentile, estimate, 90% interval and the trend over the years. */
export function IndicatorCard({ entry }: { entry: IndicatorEntry }) {
  const theme = useMantineTheme();
  const option = useMemo(() => trendOption(entry, theme), [entry, theme]);
  const f = entry.latest;
  const pct = f?.percentileRank ?? null;
  return (
    <Card p="md" withBorder>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} size="sm" lh={1.3}>
            {INDICATOR_NAMES[entry.indicator]}
          </Text>
          {f && (
            <Text size="xs" c="dimmed">
              {f.year}
            </Text>
          )}
        </Group>
        {f ? (
          <>
            <Group gap="lg" align="flex-end" wrap="nowrap">
              <Tooltip label="Percentile rank among all countries (0–100)" openDelay={300}>
                <div>
                  <Text fz={28} fw={700} lh={1} c={pct === null ? "dimmed" : percentileColor(pct)}>
                    {num(pct)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    percentile
                  </Text>
                </div>
              </Tooltip>
              <Tooltip label="Estimate on the standard normal scale (about −2.5 to 2.5)" openDelay={300}>
                <div>
                  <Text fw={600} lh={1.2}>
                    {num(f.estimate, 2)}
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ± {num(f.stdErr, 2)}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    estimate ± std. error
                  </Text>
                </div>
              </Tooltip>
            </Group>
            <Text size="xs" c="dimmed">
              90% interval {num(f.interval90.lower)}–{num(f.interval90.upper)}
              {f.numSources !== null ? ` · ${f.numSources} sources` : ""}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No figure for this country.
          </Text>
        )}
        {entry.history.length > 1 && <EChart option={option} height={120} />}
      </Stack>
    </Card>
  );
}
