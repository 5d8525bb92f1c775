import type { MantineTheme } from "@mantine/core";
import { PARTNER_STATUS_LABELS, PARTNER_STATUSES } from "../../../../domain/lifecycle";
import { CATEGORY_LABELS, type PartnerCategory } from "../../../../domain/partners";
import type { PartnerListItem } from "../../api/types";
import { STATUS_COLORS } from "../../components/Badges";
import type { ChartOption } from "./EChart";

const text = { fontFamily: "Inter Variable, Inter, sans-serif", color: "#495057" };
const tooltip = {
  trigger: "item",
  backgroundColor: "#fff",
  borderColor: "#e9ecef",
  textStyle: { ...text, fontSize: 12 },
};

function countBy<T extends string>(items: PartnerListItem[], key: (p: PartnerListItem) => T): Map<T, number> {
  const m = new Map<T, number>();
  for (const p of items) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
  return m;
}

/** Partners per lifecycle status, in lifecycle order, each bar in its status colour. */
export function statusChart(items: PartnerListItem[], theme: MantineTheme): ChartOption {
  const counts = countBy(items, (p) => p.status);
  return {
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
          value: counts.get(s) ?? 0,
          itemStyle: {
            color: theme.colors[STATUS_COLORS[s]][s === "exited" ? 4 : 5],
            borderRadius: [6, 6, 0, 0],
          },
        })),
      },
    ],
  };
}

/** The ten countries with the most partners, as horizontal bars. */
export function countryChart(items: PartnerListItem[], theme: MantineTheme): ChartOption {
  const names = new Map(items.map((p) => [p.country, p.countryName]));
  const top = [...countBy(items, (p) => p.country)]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .reverse();
  return {
    textStyle: text,
    tooltip: { ...tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#f1f3f5" } } },
    yAxis: {
      type: "category",
      data: top.map(([c]) => shorten(names.get(c) ?? c)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#dee2e6" } },
    },
    series: [
      {
        type: "bar",
        name: "Partners",
        barMaxWidth: 18,
        data: top.map(([, n]) => n),
        itemStyle: { color: theme.colors.brand[5], borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: "right", fontSize: 11, color: "#868e96" },
      },
    ],
  };
}

const PALETTE = ["brand", "teal", "orange", "grape", "cyan", "yellow", "pink", "gray"];

/** Partners per category as a donut. */
export function categoryChart(items: PartnerListItem[], theme: MantineTheme): ChartOption {
  const counts = [...countBy(items, (p) => p.category)].sort((a, b) => b[1] - a[1]);
  return {
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
    color: PALETTE.map((c) => theme.colors[c][5]),
    series: [
      {
        type: "pie",
        radius: ["48%", "76%"],
        center: ["32%", "50%"],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: "#fff", borderWidth: 2, borderRadius: 4 },
        data: counts.map(([c, n]) => ({ name: CATEGORY_LABELS[c as PartnerCategory] ?? c, value: n })),
      },
    ],
  };
}

/** Long official names ("United Kingdom of Great Britain and Northern Ireland") crowd the axis. */
function shorten(name: string): string {
  return name.length > 22 ? `${name.slice(0, 20)}…` : name;
}
