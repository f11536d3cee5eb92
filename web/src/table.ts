// A titled table with its CSV download: every list in the explorer is one of these.
import { csvName, downloadCsv, toCsv, type Cell } from "./csv.js";
import { h } from "./dom.js";

export interface Column<R> {
  label: string;
  /** what the CSV holds (and the cell shows, unless render is given) */
  value: (row: R) => Cell;
  render?: (row: R) => Node | string;
  numeric?: boolean;
}

export function tablePanel<R>(options: { title: string; file: (string | number | null | undefined)[]; columns: Column<R>[]; rows: R[]; note?: string; testId?: string }): HTMLElement {
  const { title, columns, rows } = options;
  const download = () =>
    downloadCsv(csvName(...options.file), toCsv(columns.map((c) => c.label), rows.map((row) => columns.map((c) => c.value(row)))));
  const body = rows.length
    ? h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c.label)))),
          h(
            "tbody",
            {},
            rows.map((row) =>
              h("tr", {}, columns.map((c) => h("td", { class: c.numeric ? "num" : null }, c.render ? c.render(row) : (c.value(row) ?? "")))),
            ),
          ),
        ),
      )
    : h("p", { class: "muted" }, "none");
  return h(
    "section",
    { class: "panel", "data-table": options.testId ?? title },
    h(
      "div",
      { class: "panel-head" },
      h("h2", {}, title, " ", h("span", { class: "muted" }, `(${rows.length})`)),
      h("button", { type: "button", class: "csv", onclick: download, disabled: rows.length === 0 }, "CSV"),
    ),
    options.note ? h("p", { class: "muted" }, options.note) : null,
    body,
  );
}
