// One box for every kind of entity: full-text results grouped by type.
import { gql } from "./api.js";
import { h } from "./dom.js";
import { SEARCH } from "./queries.js";
import { entityHref, type Route } from "./route.js";
import { tablePanel } from "./table.js";
import { LEVEL_LABEL, TYPE_INFO, type EntityType, type Level } from "./types.js";

interface Hit {
  score: number;
  node: { __typename: EntityType; id: string; name: string; code?: string; level?: Level; aliases?: string[]; role?: string | null };
}

export async function renderSearch(view: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const text = route.params.get("q")?.trim() ?? "";
  (document.getElementById("search") as HTMLInputElement).value = text;
  if (!text) return renderHome(view);
  const { search } = await gql<{ search: Hit[] }>(SEARCH, { text });
  if (!isCurrent()) return;
  const order: EntityType[] = ["Jurisdiction", "Program", "Law", "LawFirm", "Person"];
  const groups = order.map((type) => ({ type, hits: search.filter((hit) => hit.node.__typename === type) })).filter((g) => g.hits.length);
  view.replaceChildren(
    h("h1", {}, `Search 搜索: ${text}`),
    groups.length
      ? h(
          "div",
          { class: "groups", id: "results" },
          groups.map(({ type, hits }) =>
            tablePanel({
              title: TYPE_INFO[type].label,
              file: ["search", text, type],
              testId: `search-${type}`,
              rows: hits,
              columns: [
                { label: "name", value: (hit) => hit.node.name, render: (hit) => h("a", { href: entityHref(hit.node.id), "data-type": type }, hit.node.name) },
                { label: "detail", value: (hit) => detail(hit) },
              ],
            }),
          ),
        )
      : h("p", { class: "muted" }, "Nothing matches. Try part of a name: 枫桥, 普法, 律师事务所 …"),
  );
}

function detail(hit: Hit): string {
  const n = hit.node;
  if (n.code) return `${n.code} · ${n.level ? LEVEL_LABEL[n.level] : ""}`;
  if (n.aliases?.length) return n.aliases.filter((a) => a !== n.name).slice(0, 3).join("、");
  return n.role ?? "";
}

function renderHome(view: HTMLElement): void {
  view.replaceChildren(
    h("h1", {}, "法治政府建设年度报告 · explorer"),
    h(
      "div",
      { class: "panel" },
      h("p", {}, "Search for a place, programme, law, law firm or person above, or start from:"),
      h(
        "ul",
        {},
        h("li", {}, h("a", { href: "#/recurring?level=DISTRICT" }, "programmes that recur across districts")),
        h("li", {}, h("a", { href: "#/figures?key=出庭应诉率" }, "出庭应诉率 side by side")),
        h("li", {}, h("a", { href: "#/search?q=枫桥" }, "search 枫桥")),
      ),
      h("p", { class: "muted" }, "Every list downloads as CSV; the address bar holds the view, so it can be bookmarked."),
    ),
  );
}
