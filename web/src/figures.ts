// Figures side by side: for a figure kind, one chart per unit (places across, a series per year)
// so that values of different units never share an axis, and the table of every figure.
import { gql } from "./api.js";
import { h, highlight } from "./dom.js";
import { FIGURES } from "./queries.js";
import { entityHref, updateParams, type Route } from "./route.js";
import { tablePanel } from "./table.js";

interface Figure {
  key: string;
  value: number;
  unit: string;
  qualifier: string;
  year: number | null;
  sentence: string;
  jurisdiction: { id: string; code: string; name: string } | null;
  report: { id: string; title: string | null };
}

export async function renderFigures(view: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const key = route.params.get("key") ?? "";
  const year = route.params.get("year") ? Number(route.params.get("year")) : null;
  const form = h(
    "form",
    {
      class: "panel controls",
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        updateParams({ key: String(data.get("key")).trim(), year: String(data.get("year")).trim() });
      },
    },
    h("label", {}, "figure 指标 ", h("input", { name: "key", value: key, size: 24, placeholder: "出庭应诉率, 法律咨询 …" })),
    h("label", {}, "year ", h("input", { name: "year", value: year ?? "", size: 6, inputmode: "numeric" })),
    h("button", { type: "submit" }, "Compare"),
  );
  if (!key) {
    view.replaceChildren(h("h1", {}, "Figures side by side 数据对比"), form, h("p", { class: "muted" }, "Give part of a figure's name, e.g. 出庭应诉率 or 法律咨询."));
    return;
  }
  const { metrics } = await gql<{ metrics: { totalCount: number; edges: { node: Figure }[] } }>(FIGURES, { key, year });
  if (!isCurrent()) return;
  const rows = metrics.edges.map((e) => e.node).filter((f) => f.jurisdiction);
  const keys = new Set(rows.map((f) => f.key));

  const { barsByPlace } = await import("./charts.js"); // ECharts loads only for views with charts
  const charts: HTMLElement[] = [];
  const draws: (() => void)[] = [];
  for (const [unit, figures] of groupBy(rows, (f) => f.unit)) {
    const places = [...new Set(figures.map((f) => f.jurisdiction!.name))];
    const years = [...new Set(figures.map((f) => f.year ?? 0))].sort();
    // Several figures of one place, year and unit (different key phrases): the chart shows the largest, the table all.
    const series = years.map((y) => ({
      name: y ? String(y) : "year unknown",
      values: places.map((p) => {
        const values = figures.filter((f) => f.jurisdiction!.name === p && (f.year ?? 0) === y).map((f) => f.value);
        return values.length ? Math.max(...values) : null;
      }),
    }));
    const box = h("div", { class: "chart", "data-unit": unit });
    charts.push(box);
    draws.push(() => barsByPlace(box, unit, places, series));
  }
  view.replaceChildren(
    h("h1", {}, "Figures side by side 数据对比: ", key),
    form,
    h(
      "section",
      { class: "panel" },
      keys.size > 1
        ? h("p", { class: "muted" }, `${keys.size} different figures match; each bar is the largest of a place's figures in that year and unit. Click a figure in the table to compare exactly that one.`)
        : null,
      charts.length ? charts : h("p", { class: "muted" }, "no figures match"),
    ),
    tablePanel({
      title: "Figures",
      file: ["figures", key, year],
      testId: "figures",
      rows,
      note: metrics.totalCount > rows.length ? `first ${rows.length} of ${metrics.totalCount}` : undefined,
      columns: [
        { label: "place", value: (f) => f.jurisdiction!.name, render: (f) => h("a", { href: entityHref(f.jurisdiction!.id) }, f.jurisdiction!.name) },
        { label: "year", value: (f) => f.year, numeric: true },
        { label: "figure", value: (f) => f.key, render: (f) => h("a", { href: `#/figures?key=${encodeURIComponent(f.key)}` }, f.key) },
        { label: "value", value: (f) => f.value, numeric: true },
        { label: "unit", value: (f) => f.unit },
        { label: "qualifier", value: (f) => f.qualifier },
        { label: "evidence", value: (f) => f.sentence, render: (f) => highlight(f.sentence, [f.key, `${f.value}${f.unit}`]) },
      ],
    }),
  );
  draws.forEach((draw) => draw());
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
