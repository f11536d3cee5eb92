// One box for every kind of entity: full-text results grouped by type.
import { gql } from "./api.js";
import { h } from "./dom.js";
import { SEARCH } from "./queries.js";
import { entityHref, type Route } from "./route.js";
import { tablePanel } from "./table.js";
import { LEVEL_LABEL, TYPE_INFO, type EntityType, type Level } from "./types.js";

/** Search also finds place names the extractor could not tie to a division code; they have no page of their own. */
type HitType = EntityType | "UnlinkedPlace";

const GROUPS: { type: HitType; label: string }[] = [
  ...(["Jurisdiction", "Program", "Law", "LawFirm", "Person"] as const).map((type) => ({ type, label: TYPE_INFO[type].label })),
  { type: "UnlinkedPlace", label: "Place without a code 未关联地名" },
];

interface Hit {
  score: number;
  node: {
    __typename: HitType;
    id: string;
    name: string;
    code?: string;
    level?: Level;
    /** an unlinked place's level (it may have none; a differently named field, as GraphQL wants for Level vs Level!) */
    unlinkedLevel?: Level | null;
    aliases?: string[];
    role?: string | null;
    candidateCodes?: string[];
    within?: { id: string; name: string } | null;
  };
}

export async function renderSearch(view: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const text = route.params.get("q")?.trim() ?? "";
  (document.getElementById("search") as HTMLInputElement).value = text;
  if (!text) return renderHome(view);
  const { search } = await gql<{ search: Hit[] }>(SEARCH, { text });
  if (!isCurrent()) return;
  const groups = GROUPS.map((group) => ({ ...group, hits: search.filter((hit) => hit.node.__typename === group.type) })).filter((g) => g.hits.length);
  view.replaceChildren(
    h("h1", {}, `Search 搜索: ${text}`),
    groups.length
      ? h(
          "div",
          { class: "groups", id: "results" },
          groups.map(({ type, label, hits }) =>
            tablePanel({
              title: label,
              file: ["search", text, type],
              testId: `search-${type}`,
              rows: hits,
              columns: [
                { label: "name", value: (hit) => hit.node.name, render: (hit) => nameCell(hit, type) },
                { label: "detail", value: (hit) => detail(hit), render: (hit) => detailCell(hit) },
              ],
            }),
          ),
        )
      : h("p", { class: "muted" }, "Nothing matches. Try part of a name: 枫桥, 普法, 律师事务所 …"),
  );
}

/** An entity links to its page; a place without a code has none, so its name is plain text. */
function nameCell(hit: Hit, type: HitType): HTMLElement {
  if (type === "UnlinkedPlace") return h("span", { "data-type": type }, hit.node.name);
  return h("a", { href: entityHref(hit.node.id), "data-type": type }, hit.node.name);
}

/** The detail as text (also the CSV's), with the place whose report names an unlinked one as a link. */
function detailCell(hit: Hit): HTMLElement | string {
  const within = hit.node.within;
  if (hit.node.__typename !== "UnlinkedPlace" || !within) return detail(hit);
  return h("span", {}, unlinkedDetail(hit), " · named in a report of ", h("a", { href: entityHref(within.id), "data-type": "Jurisdiction" }, within.name));
}

function unlinkedDetail(hit: Hit): string {
  const n = hit.node;
  const level = n.unlinkedLevel ? LEVEL_LABEL[n.unlinkedLevel] : "level unknown 级别不明";
  const candidates = n.candidateCodes?.length ? ` · could be ${n.candidateCodes.slice(0, 3).join(", ")}${n.candidateCodes.length > 3 ? " …" : ""}` : "";
  return `no division code 无区划代码 · ${level}${candidates}`;
}

function detail(hit: Hit): string {
  const n = hit.node;
  if (n.__typename === "UnlinkedPlace") return unlinkedDetail(hit) + (n.within ? ` · named in a report of ${n.within.name}` : "");
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
