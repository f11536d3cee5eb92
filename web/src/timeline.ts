// Where a programme runs over time: a place × year heatmap at a level, and each place's first year.
import { gql } from "./api.js";
import { h } from "./dom.js";
import { TIMELINE } from "./queries.js";
import { entityHref } from "./route.js";
import { tablePanel } from "./table.js";
import { LEVEL_LABEL, type Level } from "./types.js";

interface TimelinePlace {
  jurisdiction: { id: string; code: string; name: string };
  firstYear: number;
  years: { year: number; reports: number }[];
}

export async function programTimelinePanel(name: string, level: Level, within: string | null): Promise<HTMLElement> {
  const { programTimeline } = await gql<{ programTimeline: { totalCount: number; edges: { node: TimelinePlace }[] } }>(TIMELINE, { name, level, within });
  const rows = programTimeline.edges.map((e) => e.node);
  const allYears = rows.flatMap((r) => r.years.map((y) => y.year));
  const years = allYears.length ? range(Math.min(...allYears), Math.max(...allYears)) : [];
  const count = (row: TimelinePlace, year: number) => row.years.find((y) => y.year === year)?.reports ?? 0;

  const chart = h("div", { class: "heatmap", id: "heatmap", style: `height:${Math.max(180, 100 + rows.length * 24)}px` });
  const table = tablePanel({
    title: `Place × year 地区×年份 (${LEVEL_LABEL[level]})`,
    file: [name, "timeline", level, within],
    testId: "timeline",
    rows,
    note: programTimeline.totalCount > rows.length ? `the ${rows.length} earliest of ${programTimeline.totalCount} places` : undefined,
    columns: [
      { label: "place", value: (r) => r.jurisdiction.name, render: (r) => h("a", { href: entityHref(r.jurisdiction.id) }, r.jurisdiction.name) },
      { label: "code", value: (r) => r.jurisdiction.code },
      { label: "first year", value: (r) => r.firstYear, numeric: true },
      ...years.map((year) => ({ label: String(year), value: (r: TimelinePlace) => count(r, year), numeric: true })),
    ],
  });
  const panel = h("section", { class: "panel" }, h("h2", {}, "Where it runs, over time 实施地区与年份"), rows.length ? chart : h("p", { class: "muted" }, "no reports at this level"), table);
  if (rows.length) {
    const cells = rows.flatMap((r, y) => years.map((year, x) => [x, y, count(r, year)] as [number, number, number]));
    // The chart needs its box laid out: draw once the panel is in the page.
    const { heatmap } = await import("./charts.js"); // ECharts loads only for views with charts
    requestAnimationFrame(() => heatmap(chart, rows.map((r) => `${r.jurisdiction.name} (${r.firstYear})`), years, cells));
  }
  return panel;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
