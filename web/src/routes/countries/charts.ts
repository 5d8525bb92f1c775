import type { MantineTheme } from "@mantine/core";
import { LineChart, MapChart } from "echarts/charts";
import { MarkAreaComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { INDICATORS, type Indicator, RISK_LEVELS } from "../../../../domain/governance";
import type { ChartOption } from "../dashboard/EChart";
import type { CountryListItem, IndicatorEntry } from "./queries";
import type { MapMetric } from "./search";
import { INDICATOR_NAMES, RISK_LABELS } from "./shared";

// The dashboard's EChart registers bars, pies, axes and tooltips; countries add maps and lines.
echarts.use([MapChart, LineChart, VisualMapComponent, MarkAreaComponent]);

const text = { fontFamily: "Inter Variable, Inter, sans-serif", color: "#495057" };
const tooltip = {
  trigger: "item",
  backgroundColor: "#fff",
  borderColor: "#e9ecef",
  textStyle: { ...text, fontSize: 12 },
};

const isIndicator = (m: string): m is Indicator => (INDICATORS as readonly string[]).includes(m);

export const MAP_METRIC_LABELS: Record<MapMetric, string> = {
  risk: "Risk level",
  ...INDICATOR_NAMES,
  partners: "Our partners",
  services: "Our services",
};

function metricValue(c: CountryListItem, metric: MapMetric): number | null {
  if (metric === "risk") return c.risk.level ? RISK_LEVELS.indexOf(c.risk.level) : null;
  if (metric === "partners") return c.partnerCount || null;
  if (metric === "services") return c.serviceCount || null;
  return c.governance.percentiles[metric] ?? null;
}

/** A choropleth of the world coloured by a risk level, a percentile or our exposure. */
export function worldMapOption(
  items: CountryListItem[],
  metric: MapMetric,
  theme: MantineTheme,
): ChartOption {
  const byCode = new Map(items.map((c) => [c.code, c]));
  const data = items.map((c) => ({ name: c.code, value: metricValue(c, metric) ?? "-" }));
  const c = theme.colors;
  const visualMap =
    metric === "risk"
      ? {
          type: "piecewise",
          pieces: RISK_LEVELS.map((l, i) => ({
            value: i,
            label: RISK_LABELS[l],
            color: [c.green[6], c.yellow[5], c.orange[6], c.red[7]][i],
          })),
        }
      : isIndicator(metric)
        ? {
            type: "continuous",
            min: 0,
            max: 100,
            text: ["100", "0"],
            inRange: { color: [c.red[7], c.orange[5], c.yellow[4], c.green[5], c.green[8]] },
          }
        : {
            type: "continuous",
            min: 1,
            max: Math.max(2, ...data.map((d) => (typeof d.value === "number" ? d.value : 0))),
            text: ["More", "1"],
            inRange: { color: [c.brand[3], c.brand[6], c.brand[9]] },
          };
  return {
    textStyle: text,
    tooltip: {
      ...tooltip,
      formatter: (p: { name: string; value: number | string }) => {
        const country = byCode.get(p.name);
        if (!country) return p.name;
        const v = metricValue(country, metric);
        const shown =
          v === null
            ? metric === "partners" || metric === "services"
              ? "0"
              : "no data"
            : metric === "risk"
              ? RISK_LABELS[RISK_LEVELS[v]]
              : isIndicator(metric)
                ? `percentile ${v.toFixed(1)}`
                : String(v);
        return `<b>${country.name}</b><br/>${MAP_METRIC_LABELS[metric]}: ${shown}`;
      },
    },
    visualMap: {
      ...visualMap,
      left: 8,
      bottom: 8,
      orient: metric === "risk" ? "vertical" : "horizontal",
      itemWidth: 12,
      itemHeight: metric === "risk" ? 12 : 120,
      textStyle: { ...text, fontSize: 11 },
    },
    series: [
      {
        type: "map",
        map: "world",
        roam: true,
        scaleLimit: { min: 1, max: 8 },
        aspectScale: 0.85,
        top: 8,
        bottom: 8,
        itemStyle: { areaColor: "#e9ecef", borderColor: "#fff", borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: c.brand[3] } },
        select: { disabled: true },
        data,
      },
    ],
  };
}

/** An indicator's percentile over the years, with its 90% interval as a band. */
export function trendOption(entry: IndicatorEntry, theme: MantineTheme): ChartOption {
  const years = entry.history.map((h) => String(h.year));
  const lower = entry.history.map((h) => h.interval90.lower);
  const band = entry.history.map((h) =>
    h.interval90.upper !== null && h.interval90.lower !== null
      ? h.interval90.upper - h.interval90.lower
      : null,
  );
  const color = theme.colors.brand[6];
  return {
    textStyle: text,
    tooltip: {
      ...tooltip,
      trigger: "axis",
      formatter: (ps: { dataIndex: number }[]) => {
        const h = entry.history[ps[0]?.dataIndex ?? 0];
        if (!h) return "";
        const pct = h.percentileRank === null ? "—" : h.percentileRank.toFixed(1);
        const ci =
          h.interval90.lower === null || h.interval90.upper === null
            ? ""
            : `<br/>90% interval ${h.interval90.lower.toFixed(1)}–${h.interval90.upper.toFixed(1)}`;
        return `<b>${h.year}</b><br/>Percentile ${pct}${ci}`;
      },
    },
    grid: { left: 4, right: 12, top: 10, bottom: 4, containLabel: true },
    xAxis: {
      type: "category",
      data: years,
      boundaryGap: false,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
      axisLabel: { fontSize: 10 },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 100,
      interval: 50,
      axisLabel: { fontSize: 10 },
      splitLine: { lineStyle: { color: "#f1f3f5" } },
    },
    series: [
      { type: "line", stack: "ci", data: lower, lineStyle: { opacity: 0 }, symbol: "none", silent: true },
      {
        type: "line",
        stack: "ci",
        data: band,
        lineStyle: { opacity: 0 },
        symbol: "none",
        areaStyle: { color: theme.colors.brand[1] },
        silent: true,
      },
      {
        type: "line",
        name: "Percentile",
        data: entry.history.map((h) => h.percentileRank),
        itemStyle: { color },
        lineStyle: { width: 2 },
        symbolSize: 5,
      },
    ],
  };
}
