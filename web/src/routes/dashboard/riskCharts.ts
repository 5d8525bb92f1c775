import type { MantineTheme } from "@mantine/core";
import { SCORE_LEVELS } from "../../../../domain/risk-scoring";
import { LEVEL_COLORS, LEVEL_LABELS } from "../../lib/risks";
import { shorten, text, tooltip } from "./charts";
import type { ChartOption } from "./EChart";
import type { RiskSummary } from "./useRiskSummary";

/** Open risks per residual level, low to critical, each bar in its level colour. */
export function riskLevelChart(summary: RiskSummary, theme: MantineTheme): ChartOption {
  return {
    textStyle: text,
    tooltip: { ...tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: SCORE_LEVELS.map((l) => LEVEL_LABELS[l]),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
    },
    yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#f1f3f5" } } },
    series: [
      {
        type: "bar",
        name: "Risks",
        barMaxWidth: 48,
        data: SCORE_LEVELS.map((l) => ({
          value: summary.byResidualLevel[l] ?? 0,
          itemStyle: {
            color: theme.colors[LEVEL_COLORS[l]][l === "medium" ? 5 : 6],
            borderRadius: [6, 6, 0, 0],
          },
        })),
        label: { show: true, position: "top", fontSize: 11, color: "#868e96" },
      },
    ],
  };
}

/** Open risks per category, largest on top; categories without risks are left out. */
export function riskCategoryChart(summary: RiskSummary, theme: MantineTheme): ChartOption {
  const rows = summary.byCategory
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 12)
    .reverse();
  return {
    textStyle: text,
    tooltip: { ...tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#f1f3f5" } } },
    yAxis: {
      type: "category",
      data: rows.map((c) => shorten(c.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
    },
    series: [
      {
        type: "bar",
        name: "Risks",
        barMaxWidth: 18,
        data: rows.map((c) => c.count),
        itemStyle: { color: theme.colors.brand[5], borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: "right", fontSize: 11, color: "#868e96" },
      },
    ],
  };
}
