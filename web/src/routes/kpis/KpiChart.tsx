import { Box, Group, Text, useMantineTheme } from "@mantine/core";
import { useMemo } from "react";
import { EChart } from "../dashboard/EChart";
import { kpiChartOption } from "./kpiChart";
import type { KpiSeries } from "./queries";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "12 measurements: 1 breach, 2 warnings, 0 anomalies" — the chart's text equivalent. */
export function seriesSummary(series: KpiSeries): string {
  const c = series.counts;
  return `${plural(series.points.length, "measurement")}: ${plural(c.breach, "breach", "breaches")}, ${plural(
    c.warning,
    "warning",
  )}, ${plural(c.anomaly, "anomaly", "anomalies")}`;
}

/**
 * The KPI's chart (ECharts on a canvas) with its summary in text beside it, so screen readers and
 * tests get what the picture shows: how many points, and how many breach, warn or drift.
 */
export function KpiChart({ series, height = 340 }: { series: KpiSeries; height?: number }) {
  const theme = useMantineTheme();
  const option = useMemo(() => kpiChartOption(series.kpi, series.points, theme), [series, theme]);
  const summary = seriesSummary(series);
  const c = series.counts;
  return (
    <Box>
      <Box role="img" aria-label={`${series.kpi.name} over time. ${summary}`}>
        <EChart option={option} height={height} />
      </Box>
      <Group gap="md" mt={4} data-testid="kpi-chart-summary" aria-live="polite">
        <Text size="sm" fw={500}>
          {plural(series.points.length, "measurement")}
        </Text>
        <Legend color="red.7" label={plural(c.breach, "breach", "breaches")} />
        <Legend color="orange.5" label={plural(c.warning, "warning")} />
        <Legend color="violet.6" label={plural(c.anomaly, "anomaly", "anomalies")} />
        <Legend color="green.6" label={`${c.ok} OK`} />
      </Group>
    </Box>
  );
}

/** A coloured dot as used for the points on the chart, with its count. */
function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={10} h={10} bg={color} style={{ borderRadius: "50%" }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
