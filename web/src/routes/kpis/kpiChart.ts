import type { MantineTheme } from "@mantine/core";
import { LineChart } from "echarts/charts";
import { DataZoomComponent, MarkAreaComponent, MarkLineComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { MeasurementStatus } from "../../../../domain/kpis";
import type { ChartOption } from "../dashboard/EChart";
import { formatNumber, formatValue, STATUS_LABELS } from "./labels";
import type { Kpi, SeriesPoint } from "./queries";

// The dashboard's EChart registers bars, axes, tooltips and legends; KPI charts add lines, the
// target line, the threshold bands and zooming.
echarts.use([LineChart, MarkLineComponent, MarkAreaComponent, DataZoomComponent]);

const text = { fontFamily: "Inter Variable, Inter, sans-serif", color: "#495057" };

/** Legend names, also the toggles. */
export const SERIES_NAMES = { value: "Value", limits: "Control limits", ewma: "EWMA" } as const;

/** Point colours by status, from the theme (amber for warnings reads better than yellow on white). */
export function statusColors(theme: MantineTheme): Record<MeasurementStatus, string> {
  const c = theme.colors;
  return { ok: c.green[6], warning: c.orange[5], breach: c.red[7], anomaly: c.violet[6] };
}

/** A round step for about five axis intervals over `range`. */
function niceStep(range: number): number {
  const raw = range / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const n = raw / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
}

/**
 * The y-axis extent holding every value, threshold, control limit and EWMA with a margin, on round
 * numbers. The bands need finite ends, so the extent is computed here rather than left to ECharts.
 */
export function yExtent(kpi: Kpi, points: SeriesPoint[]): { min: number; max: number } {
  const all = [kpi.target, kpi.warningThreshold, kpi.breachThreshold, ...points.map((p) => p.value)];
  // A quantity that never goes negative (minutes, counts) gets no axis below zero, however low its
  // statistical lower limit: that part of the limit is clipped rather than squashing the chart.
  const nonNegative = Math.min(...all) >= 0;
  // Likewise a percentage whose values stay within 100 never shows an axis above 100.
  const capped = kpi.unit === "%" && Math.max(...all) <= 100;
  for (const p of points)
    for (const v of [p.lowerControlLimit, p.upperControlLimit, p.ewma]) if (v !== null) all.push(v);
  const lo = nonNegative ? Math.max(0, Math.min(...all)) : Math.min(...all);
  const hi = capped ? Math.min(100, Math.max(...all)) : Math.max(...all);
  const step = niceStep(hi - lo || Math.abs(hi) || 1);
  let min = Math.floor((lo - step / 2) / step) * step;
  let max = Math.ceil((hi + step / 2) / step) * step;
  if (nonNegative) min = Math.max(0, min);
  if (capped) max = Math.min(100, max);
  return { min, max };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** One point's tooltip: period, value, status with its reason, the note and the limits there. */
function tooltipHtml(kpi: Kpi, p: SeriesPoint, colors: Record<MeasurementStatus, string>): string {
  const lines = [
    `<b>${escapeHtml(p.periodStart.slice(0, 10))}</b>`,
    `${escapeHtml(formatValue(p.value, kpi.unit))} · <span style="color:${colors[p.status]};font-weight:600">${STATUS_LABELS[p.status]}</span>`,
  ];
  if (p.reason) lines.push(`<span style="color:#495057">${escapeHtml(p.reason)}</span>`);
  if (p.note) lines.push(`<i>${escapeHtml(p.note)}</i>`);
  if (p.lowerControlLimit !== null && p.upperControlLimit !== null)
    lines.push(
      `<span style="color:#868e96">Control limits ${formatNumber(p.lowerControlLimit)} – ${formatNumber(p.upperControlLimit)}${
        p.ewma !== null ? ` · EWMA ${formatNumber(p.ewma)}` : ""
      }</span>`,
    );
  return `<div style="max-width:320px;white-space:normal">${lines.join("<br/>")}</div>`;
}

/**
 * The KPI over time: values coloured by status, the target as a line, the warning and breach
 * bands shaded on the bad side of the thresholds (below them when higher is better, above them
 * otherwise), the control limits dashed and the EWMA thin, both switchable in the legend.
 */
export function kpiChartOption(kpi: Kpi, points: SeriesPoint[], theme: MantineTheme): ChartOption {
  const colors = statusColors(theme);
  const { min, max } = yExtent(kpi, points);
  const higher = kpi.direction === "higher_is_better";
  const [warnLo, warnHi] = higher
    ? [kpi.breachThreshold, kpi.warningThreshold]
    : [kpi.warningThreshold, kpi.breachThreshold];
  const [breachLo, breachHi] = higher ? [min, kpi.breachThreshold] : [kpi.breachThreshold, max];
  const limitLine = { type: "dashed" as const, width: 1, color: theme.colors.gray[6] };
  const line = (name: string, pick: (p: SeriesPoint) => number | null, style: object, extra = {}) => ({
    name,
    type: "line",
    data: points.map((p) => [p.periodStart.slice(0, 10), pick(p)]),
    showSymbol: false,
    connectNulls: false,
    lineStyle: style,
    itemStyle: { color: (style as { color?: string }).color },
    emphasis: { disabled: true },
    z: 1,
    ...extra,
  });

  return {
    textStyle: text,
    animationDuration: 300,
    grid: { left: 56, right: 24, top: 40, bottom: points.length > 24 ? 72 : 36 },
    legend: {
      top: 0,
      right: 0,
      textStyle: { ...text, fontSize: 12 },
      data: [SERIES_NAMES.value, SERIES_NAMES.limits, SERIES_NAMES.ewma],
    },
    tooltip: {
      trigger: "axis",
      backgroundColor: "#fff",
      borderColor: "#e9ecef",
      textStyle: { ...text, fontSize: 12 },
      axisPointer: { type: "line", lineStyle: { color: "#ced4da" } },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
        const p = points[list[0]?.dataIndex ?? -1];
        return p ? tooltipHtml(kpi, p, colors) : "";
      },
    },
    xAxis: {
      type: "time",
      axisLine: { lineStyle: { color: "#ced4da" } },
      axisLabel: { ...text, fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      min,
      max,
      name: kpi.unit,
      nameTextStyle: { ...text, fontSize: 11 },
      axisLabel: { ...text, fontSize: 11 },
      splitLine: { lineStyle: { color: "#f1f3f5" } },
    },
    dataZoom:
      points.length > 24
        ? [
            {
              type: "inside",
              xAxisIndex: 0,
              startValue: points[points.length - 24]?.periodStart.slice(0, 10),
            },
            { type: "slider", xAxisIndex: 0, height: 20, bottom: 8 },
          ]
        : [],
    series: [
      {
        name: SERIES_NAMES.value,
        type: "line",
        data: points.map((p) => ({
          value: [p.periodStart.slice(0, 10), p.value],
          symbolSize: p.status === "ok" ? 6 : 11,
          itemStyle: { color: colors[p.status], borderColor: "#fff", borderWidth: p.status === "ok" ? 0 : 2 },
        })),
        showAllSymbol: true,
        symbol: "circle",
        lineStyle: { color: theme.colors.blue[6], width: 2 },
        itemStyle: { color: theme.colors.blue[6] },
        z: 3,
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { color: theme.colors.teal[7], width: 1.5, type: "solid" },
          label: {
            position: "insideEndTop",
            formatter: `Target ${formatValue(kpi.target, kpi.unit)}`,
            ...text,
            fontSize: 11,
          },
          data: [{ yAxis: kpi.target }],
        },
        markArea: {
          silent: true,
          label: { position: "insideTopLeft", ...text, fontSize: 10, color: "#868e96" },
          data: [
            [
              { name: "Warning", yAxis: warnLo, itemStyle: { color: "rgba(250, 176, 5, 0.14)" } },
              { yAxis: warnHi },
            ],
            [
              { name: "Breach", yAxis: breachLo, itemStyle: { color: "rgba(240, 62, 62, 0.12)" } },
              { yAxis: breachHi },
            ],
          ],
        },
      },
      line(SERIES_NAMES.limits, (p) => p.upperControlLimit, limitLine),
      line(SERIES_NAMES.limits, (p) => p.lowerControlLimit, limitLine),
      line(SERIES_NAMES.ewma, (p) => p.ewma, { width: 1, color: theme.colors.grape[4] }),
    ],
  };
}
