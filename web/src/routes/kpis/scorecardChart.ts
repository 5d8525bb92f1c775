import type { MantineTheme } from "@mantine/core";
import { text, tooltip } from "../dashboard/charts";
import type { ChartOption } from "../dashboard/EChart";
import type { Scorecard } from "./queries";

const shorten = (name: string) => (name.length > 28 ? `${name.slice(0, 26)}…` : name);

/** Colour of an attainment: green from 95 %, yellow from 80 %, red below. */
export function attainmentColor(attainment: number | null): string {
  if (attainment === null) return "gray";
  return attainment >= 95 ? "green" : attainment >= 80 ? "yellow" : "red";
}

/** Chart height that fits `n` bars. */
export const attainmentChartHeight = (n: number) => Math.max(120, n * 30 + 50);

/**
 * Attainment per KPI as horizontal bars (0–100 %), first KPI on top, coloured like the table;
 * KPIs without measurements in the range have no bar.
 */
export function attainmentChart(card: Scorecard, theme: MantineTheme): ChartOption {
  const rows = [...card.kpis].reverse();
  return {
    textStyle: text,
    tooltip: {
      ...tooltip,
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: unknown) => (typeof v === "number" ? `${v.toFixed(1)}%` : "not measured"),
    },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      min: 0,
      max: 100,
      axisLabel: { formatter: "{value}%", fontSize: 11 },
      splitLine: { lineStyle: { color: "#f1f3f5" } },
    },
    yAxis: {
      type: "category",
      data: rows.map((r) => shorten(r.kpi.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
      axisLabel: { fontSize: 11 },
    },
    series: [
      {
        type: "bar",
        name: "Attainment",
        barMaxWidth: 18,
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          formatter: (p: { value: number | null }) => (p.value === null ? "" : `${Math.round(p.value)}%`),
        },
        data: rows.map((r) => ({
          value: r.attainment,
          itemStyle: { color: theme.colors[attainmentColor(r.attainment)][6], borderRadius: [0, 4, 4, 0] },
        })),
      },
    ],
  };
}
