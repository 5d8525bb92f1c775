import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";

// Only the chart types and components the dashboard uses: the full ECharts bundle is ~1 MB.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** The charts' font (see `text` in charts.ts), as a CSS font shorthand for the Font Loading API. */
const CHART_FONT = "12px 'Inter Variable'";

/** True when the chart font can be drawn now (or the browser cannot tell us). */
const fontLoaded = () =>
  typeof document === "undefined" || !document.fonts || document.fonts.check(CHART_FONT);

/**
 * A minimal ECharts host: creates the chart once, applies option changes and follows the
 * container's size, so charts reflow with the navbar and window.
 */
export function EChart({
  option,
  height = 260,
  onClick,
}: {
  option: ChartOption;
  /** Pixels, or "fill" to take the whole of a positioned parent (see `ChartCard`'s `fill`). */
  height?: number | "fill";
  onClick?: (name: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  // ECharts lays text out (legend widths, axis room) with the font available when the option is
  // set; a web font that arrives later then draws wider than measured and the legend is clipped.
  // So the first option waits for the font, which is usually loaded already.
  const [fontReady, setFontReady] = useState(fontLoaded);
  useEffect(() => {
    if (fontReady) return;
    let live = true;
    document.fonts
      .load(CHART_FONT)
      .catch(() => undefined)
      .then(() => live && setFontReady(true));
    return () => {
      live = false;
    };
  }, [fontReady]);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (p) => click.current?.(String((p as { name?: string }).name ?? "")));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (fontReady) chart.current?.setOption(option, true);
  }, [option, fontReady]);

  return (
    <div
      ref={ref}
      style={height === "fill" ? { position: "absolute", inset: 0 } : { width: "100%", height }}
    />
  );
}
