import type { MantineTheme } from "@mantine/core";
import { MarkLineComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { ChartOption } from "../dashboard/EChart";
import type { DimensionResult } from "./queries";

// The dashboard's EChart registers bars, pies and axes; the threshold line needs mark lines too.
echarts.use([MarkLineComponent]);

const text = { fontFamily: "Inter Variable, Inter, sans-serif", color: "#495057" };

/** The most carriers a share chart shows; the tables below list more. */
export const TOP_SHARES = 10;

/** Chart height that fits `n` bars without crowding or leaving a large gap. */
export const chartHeight = (n: number) => Math.max(160, Math.min(n, TOP_SHARES) * 30 + 60);

const shorten = (name: string) => (name.length > 26 ? `${name.slice(0, 24)}…` : name);

/**
 * The largest shares of one dimension as horizontal bars (percent), largest on top, with the flag
 * threshold as a dashed vertical line. Bars above the threshold turn red.
 */
export function shareChart(dim: DimensionResult, threshold: number, theme: MantineTheme): ChartOption {
  const top = dim.items.slice(0, TOP_SHARES).reverse();
  const limit = threshold * 100;
  const maxShare = Math.max(limit, ...top.map((i) => i.share * 100));
  return {
    textStyle: text,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      backgroundColor: "#fff",
      borderColor: "#e9ecef",
      textStyle: { ...text, fontSize: 12 },
      valueFormatter: (v: number) => `${v.toFixed(1)}%`,
    },
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      min: 0,
      max: Math.min(100, Math.ceil((maxShare + 5) / 10) * 10),
      axisLabel: { formatter: "{value}%", fontSize: 11 },
      splitLine: { lineStyle: { color: "#f1f3f5" } },
    },
    yAxis: {
      type: "category",
      data: top.map((i) => shorten(i.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
    },
    series: [
      {
        type: "bar",
        name: "Share",
        barMaxWidth: 18,
        data: top.map((i) => ({
          value: Math.round(i.share * 1000) / 10,
          itemStyle: {
            color: i.share > threshold ? theme.colors.red[6] : theme.colors.brand[5],
            borderRadius: [0, 6, 6, 0],
          },
        })),
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          color: "#868e96",
          formatter: "{c}%",
        },
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { color: theme.colors.red[7], type: "dashed", width: 1.5 },
          label: {
            position: "end",
            formatter: `Threshold ${Math.round(limit)}%`,
            color: theme.colors.red[7],
            fontSize: 11,
          },
          data: [{ xAxis: limit }],
        },
      },
    ],
  };
}
