// Charts with Apache ECharts, importing only the parts used (heatmap, bars, canvas renderer).
import { BarChart, HeatmapChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([HeatmapChart, BarChart, GridComponent, TooltipComponent, VisualMapComponent, LegendComponent, TitleComponent, CanvasRenderer]);

const FONT = { fontFamily: getComputedStyle(document.documentElement).fontFamily };

/** Places down, years across, report counts as colour. */
export function heatmap(element: HTMLElement, places: string[], years: number[], cells: [number, number, number][]): void {
  const chart = echarts.init(element);
  const max = Math.max(1, ...cells.map((c) => c[2]));
  chart.setOption({
    textStyle: FONT,
    tooltip: { formatter: (p: { value: [number, number, number] }) => `${places[p.value[1]]} · ${years[p.value[0]]}: ${p.value[2]} reports` },
    grid: { left: 140, right: 20, top: 10, bottom: 80 },
    xAxis: { type: "category", data: years.map(String), splitArea: { show: true } },
    yAxis: { type: "category", data: places, inverse: true, axisLabel: { width: 130, overflow: "truncate" } },
    visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 0, itemHeight: 120, inRange: { color: ["#fdf1e6", "#c2571a"] } },
    series: [{ type: "heatmap", data: cells, label: { show: cells.length <= 200 } }],
  });
  new ResizeObserver(() => chart.resize()).observe(element);
}

/** One bar chart per unit: values of different units never share an axis. */
export function barsByPlace(element: HTMLElement, unit: string, places: string[], series: { name: string; values: (number | null)[] }[]): void {
  const chart = echarts.init(element);
  chart.setOption({
    textStyle: FONT,
    title: { text: `unit 单位: ${unit}`, textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v} ${unit}` },
    legend: { top: 0, right: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 70 },
    xAxis: { type: "category", data: places, axisLabel: { rotate: places.length > 6 ? 30 : 0, interval: 0 } },
    yAxis: { type: "value", name: unit },
    series: series.map((s) => ({ type: "bar", name: s.name, data: s.values })),
  });
  new ResizeObserver(() => chart.resize()).observe(element);
}
