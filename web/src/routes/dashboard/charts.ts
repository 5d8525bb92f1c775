import type { MantineTheme } from "@mantine/core";
import { PARTNER_STATUS_LABELS, PARTNER_STATUSES } from "../../../../domain/lifecycle";
import { CATEGORY_LABELS, PARTNER_CATEGORIES, type PartnerCategory } from "../../../../domain/partners";
import type { PartnerStats } from "../../api/types";
import { STATUS_COLORS } from "../../components/Badges";
import type { ChartOption } from "./EChart";

/** Shared text and tooltip styles, also used by `riskCharts.ts`. */
export const text = { fontFamily: "Inter Variable, Inter, sans-serif", color: "#495057" };
export const tooltip = {
  trigger: "item",
  backgroundColor: "#fff",
  borderColor: "#e9ecef",
  textStyle: { ...text, fontSize: 12 },
};

/** The most countries the country chart shows. */
export const TOP_COUNTRIES = 10;

/** Partners per lifecycle status, in lifecycle order, each bar in its status colour. */
export function statusChart(stats: PartnerStats, theme: MantineTheme): ChartOption {
  const baseOption = {
    textStyle: text,
    tooltip: { ...tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: PARTNER_STATUSES.map((s) => PARTNER_STATUS_LABELS[s]),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#f1f3f5" } } },
    series: [
      {
        type: "bar",
        name: "Partners",
        barMaxWidth: 36,
        data: PARTNER_STATUSES.map((s) => ({
          value: stats.byStatus[s] ?? 0,
          itemStyle: {
            color: theme.colors[STATUS_COLORS[s]][s === "exited" ? 4 : 5],
            borderRadius: [6, 6, 0, 0],
          },
        })),
      },
    ],
  };
  // On a narrow chart (phones) the seven labels overlap side by side: slant them. The query-less
  // entry is ECharts' default, restored when the chart widens again (charts often start narrow
  // while the page lays out, so without it the slant would stick).
  return {
    baseOption,
    media: [
      { option: { xAxis: { axisLabel: { rotate: 0 } } } },
      { query: { maxWidth: 520 }, option: { xAxis: { axisLabel: { rotate: 40 } } } },
    ],
  };
}

/** The ten countries with the most partners, as horizontal bars. */
export function countryChart(stats: PartnerStats, theme: MantineTheme): ChartOption {
  // Ties in name order (the server breaks them by code); ECharts draws a category axis bottom-up,
  // so reverse to put the largest bar on top.
  const top = [...stats.byCountry]
    .sort((a, b) => b.count - a.count || a.countryName.localeCompare(b.countryName))
    .slice(0, TOP_COUNTRIES)
    .reverse();
  return {
    textStyle: text,
    tooltip: { ...tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#f1f3f5" } } },
    yAxis: {
      type: "category",
      data: top.map((c) => shorten(c.countryName || c.country)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
    },
    series: [
      {
        type: "bar",
        name: "Partners",
        barMaxWidth: 18,
        data: top.map((c) => c.count),
        itemStyle: { color: theme.colors.brand[5], borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: "right", fontSize: 11, color: "#868e96" },
      },
    ],
  };
}

/** One colour per category, in `PARTNER_CATEGORIES` order, so a category keeps its colour (and "Other" is grey). */
const PALETTE = ["brand", "teal", "orange", "grape", "cyan", "yellow", "pink", "gray"];

const DONUT = { radius: ["48%", "76%"], center: ["32%", "50%"] };

/** Partners per category as a donut, largest first. */
export function categoryChart(stats: PartnerStats, theme: MantineTheme): ChartOption {
  // Largest first, and only categories in use: the server lists all eight, zeros included.
  const counts = Object.entries(stats.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const baseOption = {
    textStyle: text,
    tooltip: { ...tooltip, formatter: "{b}: {c} ({d}%)" },
    legend: {
      orient: "vertical",
      right: 0,
      top: "middle",
      icon: "circle",
      itemWidth: 8,
      itemHeight: 8,
      textStyle: { ...text, fontSize: 12 },
    },
    series: [
      {
        type: "pie",
        ...DONUT,
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: "#fff", borderWidth: 2, borderRadius: 4 },
        data: counts.map(([c, n]) => ({
          name: CATEGORY_LABELS[c as PartnerCategory] ?? c,
          value: n,
          itemStyle: { color: categoryColor(c, theme) },
        })),
      },
    ],
  };
  // The legend keeps its width, so on a narrow chart the donut shrinks to stay clear of it (the
  // query-less entry is the default size, as in `statusChart`).
  return {
    baseOption,
    media: [
      { option: { series: [{ radius: DONUT.radius, center: DONUT.center }] } },
      { query: { maxWidth: 400 }, option: { series: [{ radius: ["30%", "50%"], center: ["25%", "50%"] }] } },
    ],
  };
}

function categoryColor(category: string, theme: MantineTheme): string {
  const i = PARTNER_CATEGORIES.indexOf(category as PartnerCategory);
  return theme.colors[PALETTE[i < 0 ? PALETTE.length - 1 : i]][5];
}

/** Everyday names are short, but a few ("St. Vincent & Grenadines") still crowd the axis. */
export function shorten(name: string): string {
  return name.length > 22 ? `${name.slice(0, 20)}…` : name;
}
