// recurringPrograms: the programmes that recur across places of a level, filterable by region
// (within) and year; the filters live in the URL.
import { gql } from "./api.js";
import { h } from "./dom.js";
import { RECURRING } from "./queries.js";
import { entityHref, updateParams, type Route } from "./route.js";
import { tablePanel } from "./table.js";
import { LEVEL_LABEL, LEVELS, type Level } from "./types.js";

interface Recurring {
  program: { id: string; name: string };
  jurisdictionCount: number;
  jurisdictions: { id: string; name: string; code: string }[];
  firstYear: number | null;
  lastYear: number | null;
}

export async function renderRecurring(view: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const p = route.params;
  const level = (LEVELS as readonly string[]).includes(p.get("level") ?? "") ? (p.get("level") as Level) : "DISTRICT";
  const within = p.get("within") || null;
  const year = p.get("year") ? Number(p.get("year")) : null;
  const min = Math.max(1, Number(p.get("min")) || 2);
  const { recurringPrograms } = await gql<{ recurringPrograms: { totalCount: number; edges: { node: Recurring }[] } }>(RECURRING, { level, within, year, min });
  if (!isCurrent()) return;
  const rows = recurringPrograms.edges.map((e) => e.node);

  const form = h(
    "form",
    {
      class: "panel controls",
      id: "filters",
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        updateParams(Object.fromEntries([...data].map(([k, v]) => [k, String(v).trim()])));
      },
    },
    h("label", {}, "level ", h("select", { name: "level" }, LEVELS.map((l) => h("option", { value: l, selected: l === level }, LEVEL_LABEL[l])))),
    h("label", {}, "within (division code) ", h("input", { name: "within", value: within ?? "", size: 12, inputmode: "numeric", placeholder: "e.g. 33" })),
    h("label", {}, "year ", h("input", { name: "year", value: year ?? "", size: 6, inputmode: "numeric" })),
    h("label", {}, "at least ", h("input", { name: "min", value: min, size: 3, inputmode: "numeric" }), " places"),
    h("button", { type: "submit" }, "Apply"),
  );
  view.replaceChildren(
    h("h1", {}, "Recurring programmes 跨地区项目"),
    form,
    tablePanel({
      title: "Programmes",
      file: ["recurring", level, within, year],
      testId: "recurring",
      rows,
      note: recurringPrograms.totalCount > rows.length ? `the ${rows.length} most widespread of ${recurringPrograms.totalCount}` : undefined,
      columns: [
        { label: "programme", value: (r) => r.program.name, render: (r) => h("a", { href: entityHref(r.program.id, { level }) }, r.program.name) },
        { label: "places", value: (r) => r.jurisdictionCount, numeric: true },
        { label: "first year", value: (r) => r.firstYear, numeric: true },
        { label: "last year", value: (r) => r.lastYear, numeric: true },
        {
          label: "where",
          value: (r) => r.jurisdictions.map((j) => j.name).join("、"),
          render: (r) => h("span", {}, r.jurisdictions.slice(0, 12).flatMap((j, i) => [i ? "、" : "", h("a", { href: entityHref(j.id) }, j.name)]), r.jurisdictions.length > 12 ? ` … +${r.jurisdictions.length - 12}` : ""),
        },
      ],
    }),
  );
}
