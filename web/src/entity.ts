// An entity's page: its neighbourhood as a graph beside the lists of what links to it, each link
// with the sentence that says so and the linked name marked in it.
import { gql } from "./api.js";
import { csvName, downloadCsv, toCsv } from "./csv.js";
import { h, highlight } from "./dom.js";
import { markComplete } from "./marks.js";
import { drawGraph, type HoodEdge, type HoodNode } from "./graph.js";
import { ENTITY, NEIGHBORHOOD } from "./queries.js";
import { entityHref, updateParams, type Route } from "./route.js";
import { tablePanel } from "./table.js";
import { programTimelinePanel } from "./timeline.js";
import { LEVEL_LABEL, LEVELS, TYPE_INFO, type EntityType, type Level } from "./types.js";

interface Ref {
  id: string;
  name: string;
}
interface ReportRef {
  id: string;
  title: string | null;
  year: number | null;
}
type Connection<T> = { totalCount: number; edges: { node: T }[] };
interface Mention {
  count: number;
  report: ReportRef;
  evidence: { sentence: string }[];
}
interface Figure {
  key: string;
  value: number;
  unit: string;
  qualifier: string;
  year?: number | null;
  sentence: string;
}
// The entity as the ENTITY query returns it: the fields of its one type are set.
interface Entity {
  __typename: EntityType;
  id: string;
  name?: string;
  title?: string | null;
  code?: string;
  level?: Level;
  aliases?: string[];
  role?: string | null;
  year?: number | null;
  publisher?: string | null;
  publishedAt?: string | null;
  category?: string | null;
  ancestors?: Ref[];
  programs?: Connection<{ reports: number; program: Ref & { aliases: string[] }; evidence: { sentence: string } | null }>;
  reports?: Connection<ReportRef & { publisher: string | null; publishedAt: string | null }>;
  lawFirms?: { lawFirm: Ref; year: number | null; reportId: string; sentence: string | null }[];
  metrics?: Connection<Figure>;
  /** a report's figures */
  figures?: Figure[];
  mentions?: Connection<Mention>;
  jurisdictions?: Connection<{ jurisdiction: Ref & { code: string }; reports: number; firstYear: number | null; lastYear: number | null }>;
  advises?: { jurisdiction: Ref & { code: string }; year: number | null; reportId: string; sentence: string | null }[];
  lawyers?: Ref[];
  lawFirm?: Ref | null;
  subject?: (Ref & { code: string }) | null;
}
interface Hood {
  truncated: boolean;
  nodes: HoodNode[];
  edges: (HoodEdge & { sentence: string | null; year: number | null })[];
}

/**
 * The kind of entity a global ID names ("Type:key" in base64url). Clients should treat IDs as
 * opaque; the explorer peeks only to leave out the edges' sentences, which only a report's
 * page shows (they are most of a large neighbourhood's bytes).
 */
function kindOf(id: string): string | null {
  try {
    const bytes = Uint8Array.from(atob(id.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes).split(":")[0] ?? null;
  } catch {
    return null;
  }
}

const reportTitle = (r: ReportRef) => r.title ?? `report ${r.id.slice(0, 8)}`;
const link = (id: string, text: string) => h("a", { href: entityHref(id) }, text);
const evidenceCell = (sentence: string | null | undefined, terms: string[]) => (sentence ? h("span", { class: "evidence" }, highlight(sentence, terms)) : "");
const edgesOf = <T>(c: Connection<T> | undefined) => c?.edges.map((e) => e.node) ?? [];

export async function renderEntity(view: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const id = route.path[1] ?? "";
  const depth = route.params.get("depth") === "1" ? 1 : 2;
  const first = Math.min(500, Math.max(2, Number(route.params.get("first")) || 150));
  const level = (LEVELS as readonly string[]).includes(route.params.get("level") ?? "") ? (route.params.get("level") as Level) : "DISTRICT";

  const [{ node: entity }, { neighborhood: hood }] = await Promise.all([
    gql<{ node: Entity | null }>(ENTITY, { id, level, within: route.params.get("within") || null }),
    gql<{ neighborhood: Hood | null }>(NEIGHBORHOOD, { id, depth, first, sentences: kindOf(id) === "Report" }),
  ]);
  if (!isCurrent()) return;
  if (!entity) {
    view.replaceChildren(h("p", { class: "error" }, "No such entity: it may have been deleted. Try the search."));
    markComplete();
    return;
  }
  const name = entity.name ?? entity.title ?? entity.id;
  document.title = `${name} · kg-reports`;
  const type = entity.__typename;

  const graphBox = h("div", { class: "graph", id: "graph" });
  const graphPanel = h(
    "section",
    { class: "panel" },
    h(
      "div",
      { class: "panel-head" },
      h("h2", {}, "Neighbourhood 关系图 ", h("span", { class: "muted" }, hood ? `(${hood.nodes.length} nodes${hood.truncated ? ", more left out" : ""})` : "")),
      h(
        "div",
        { class: "controls" },
        h(
          "label",
          {},
          "steps ",
          h("select", { id: "depth", onchange: (e: Event) => updateParams({ depth: (e.target as HTMLSelectElement).value }) }, [1, 2].map((d) => h("option", { value: d, selected: d === depth }, d))),
        ),
        h("button", { type: "button", class: "csv", onclick: () => hood && downloadCsv(csvName(name, "neighbourhood"), toCsv(["id", "type", "name", "depth"], hood.nodes.map((n) => [n.id, n.type, n.label, n.depth]))) }, "CSV"),
      ),
    ),
    h("div", { class: "legend" }, (Object.keys(TYPE_INFO) as EntityType[]).map((t) => h("span", {}, h("i", { style: `background:${TYPE_INFO[t].color}` }), TYPE_INFO[t].label))),
    graphBox,
  );
  const within = route.params.get("within") || null;
  const lists = h("div", { class: "lists" }, listsFor(entity, hood, level, within));
  view.replaceChildren(
    h(
      "div",
      { class: "entity", "data-type": type },
      crumbs(entity),
      h("h1", { id: "entity-name" }, h("span", { class: "type", style: `background:${TYPE_INFO[type].color}` }, TYPE_INFO[type].label), name),
      subtitle(entity),
    ),
    h("div", { class: "page" }, h("div", {}, graphPanel), lists),
  );
  if (hood) {
    const cy = drawGraph(graphBox, hood.nodes, hood.edges, (target) => (location.hash = entityHref(target)));
    (window as unknown as { explorer: object }).explorer = { cy };
  }
  if (type === "Program") {
    // The timeline follows the first render (it needs the name, and ECharts loads for it); the
    // page says when it is there too.
    void programTimelinePanel(entity.name!, level, within)
      .then((timeline) => isCurrent() && lists.insertBefore(timeline, lists.children[1] ?? null))
      .catch((error: unknown) => isCurrent() && lists.insertBefore(h("p", { class: "error" }, String(error)), lists.children[1] ?? null))
      .finally(() => isCurrent() && markComplete());
  } else {
    markComplete();
  }
}

function crumbs(e: Entity): HTMLElement | null {
  if (!e.ancestors?.length) return null;
  return h("div", { class: "crumbs" }, e.ancestors.flatMap((a, i) => [i ? " › " : "", link(a.id, a.name)]));
}

function subtitle(e: Entity): HTMLElement {
  const parts: (string | Node)[] = [];
  if (e.code) parts.push(`code ${e.code}`);
  if (e.level) parts.push(LEVEL_LABEL[e.level]);
  if (e.aliases?.length) parts.push(`aliases: ${e.aliases.join("、")}`);
  if (e.category) parts.push(`category: ${e.category}`);
  if (e.role) parts.push(e.role);
  if (e.__typename === "Report") {
    if (e.year) parts.push(`year ${e.year}`);
    if (e.publisher) parts.push(e.publisher);
    if (e.publishedAt) parts.push(`published ${e.publishedAt}`);
    if (e.subject) parts.push(h("span", {}, "subject ", link(e.subject.id, e.subject.name)));
  }
  if (e.lawFirm) parts.push(h("span", {}, "works at ", link(e.lawFirm.id, e.lawFirm.name)));
  return h("p", { class: "muted" }, parts.flatMap((p, i) => (i ? [" · ", p] : [p])));
}

function levelPicker(level: Level): HTMLElement {
  return h(
    "label",
    { class: "controls" },
    "places at level ",
    h("select", { id: "level", onchange: (e: Event) => updateParams({ level: (e.target as HTMLSelectElement).value }) }, LEVELS.map((l) => h("option", { value: l, selected: l === level }, LEVEL_LABEL[l]))),
  );
}

function mentionsPanel(entity: Entity, name: string, terms: string[]): HTMLElement {
  const rows = edgesOf(entity.mentions).flatMap((m) => m.evidence.slice(0, 1).map((ev) => ({ ...m, sentence: ev.sentence })));
  return tablePanel({
    title: "Reports mentioning it 提及的报告",
    file: [name, "reports"],
    testId: "mentions",
    rows,
    note: entity.mentions && entity.mentions.totalCount > rows.length ? `first ${rows.length} of ${entity.mentions.totalCount}` : undefined,
    columns: [
      { label: "report", value: (r) => reportTitle(r.report), render: (r) => link(r.report.id, reportTitle(r.report)) },
      { label: "year", value: (r) => r.report.year, numeric: true },
      { label: "mentions", value: (r) => r.count, numeric: true },
      { label: "evidence", value: (r) => r.sentence, render: (r) => evidenceCell(r.sentence, terms) },
    ],
  });
}

function figuresPanel(name: string, figures: Figure[]): HTMLElement {
  return tablePanel({
    title: "Figures 数据",
    file: [name, "figures"],
    testId: "figures",
    rows: figures,
    columns: [
      { label: "figure", value: (f) => f.key, render: (f) => h("a", { href: `#/figures?key=${encodeURIComponent(f.key)}` }, f.key) },
      { label: "value", value: (f) => f.value, numeric: true },
      { label: "unit", value: (f) => f.unit },
      { label: "qualifier", value: (f) => f.qualifier },
      { label: "year", value: (f) => f.year ?? null, numeric: true },
      { label: "evidence", value: (f) => f.sentence, render: (f) => evidenceCell(f.sentence, [f.key, `${f.value}${f.unit}`]) },
    ],
  });
}

function listsFor(e: Entity, hood: Hood | null, level: Level, within: string | null): HTMLElement[] {
  const name = e.name ?? e.title ?? e.id;
  const own = [name, ...(e.aliases ?? [])];
  switch (e.__typename) {
    case "Jurisdiction":
      return [
        tablePanel({
          title: "Programmes 项目",
          file: [name, "programmes"],
          testId: "programmes",
          rows: edgesOf(e.programs),
          columns: [
            { label: "programme", value: (p) => p.program.name, render: (p) => link(p.program.id, p.program.name) },
            { label: "reports", value: (p) => p.reports, numeric: true },
            { label: "evidence", value: (p) => p.evidence?.sentence, render: (p) => evidenceCell(p.evidence?.sentence, [p.program.name, ...p.program.aliases]) },
          ],
        }),
        tablePanel({
          title: "Law firms advising it 法律顾问",
          file: [name, "firms"],
          testId: "firms",
          rows: e.lawFirms ?? [],
          columns: [
            { label: "law firm", value: (a) => a.lawFirm.name, render: (a) => link(a.lawFirm.id, a.lawFirm.name) },
            { label: "year", value: (a) => a.year, numeric: true },
            { label: "evidence", value: (a) => a.sentence, render: (a) => evidenceCell(a.sentence, [a.lawFirm.name]) },
          ],
        }),
        tablePanel({
          title: "Reports from it and places within 报告",
          file: [name, "own-reports"],
          testId: "reports",
          rows: edgesOf(e.reports),
          columns: [
            { label: "report", value: (r) => reportTitle(r), render: (r) => link(r.id, reportTitle(r)) },
            { label: "year", value: (r) => r.year, numeric: true },
            { label: "publisher", value: (r) => r.publisher },
            { label: "published", value: (r) => r.publishedAt },
          ],
        }),
        figuresPanel(name, edgesOf(e.metrics)),
        mentionsPanel(e, name, own),
      ];
    case "Program":
      return [
        h(
          "div",
          { class: "panel controls" },
          levelPicker(level),
          h(
            "label",
            {},
            "within (division code) ",
            h("input", { id: "within", size: 12, inputmode: "numeric", value: within ?? "", onchange: (e: Event) => updateParams({ within: (e.target as HTMLInputElement).value.trim() }) }),
          ),
          h("a", { href: `#/recurring?level=${level}${within ? `&within=${within}` : ""}` }, "recurring programmes at this level"),
        ),
        tablePanel({
          title: `Places 地区 (${LEVEL_LABEL[level]})`,
          file: [name, "places", level],
          testId: "places",
          rows: edgesOf(e.jurisdictions),
          columns: [
            { label: "place", value: (p) => p.jurisdiction.name, render: (p) => link(p.jurisdiction.id, p.jurisdiction.name) },
            { label: "code", value: (p) => p.jurisdiction.code },
            { label: "reports", value: (p) => p.reports, numeric: true },
            { label: "first year", value: (p) => p.firstYear, numeric: true },
            { label: "last year", value: (p) => p.lastYear, numeric: true },
          ],
        }),
        mentionsPanel(e, name, own),
      ];
    case "LawFirm":
      return [
        tablePanel({
          title: "Places it advises 服务地区",
          file: [name, "advises"],
          testId: "advises",
          rows: e.advises ?? [],
          columns: [
            { label: "place", value: (a) => a.jurisdiction.name, render: (a) => link(a.jurisdiction.id, a.jurisdiction.name) },
            { label: "code", value: (a) => a.jurisdiction.code },
            { label: "year", value: (a) => a.year, numeric: true },
            { label: "evidence", value: (a) => a.sentence, render: (a) => evidenceCell(a.sentence, [name, a.jurisdiction.name]) },
          ],
        }),
        tablePanel({
          title: "Lawyers 律师",
          file: [name, "lawyers"],
          testId: "lawyers",
          rows: e.lawyers ?? [],
          columns: [{ label: "lawyer", value: (p) => p.name, render: (p) => link(p.id, p.name) }],
        }),
        mentionsPanel(e, name, own),
      ];
    case "Law":
    case "Person":
      return [mentionsPanel(e, name, own)];
    case "Report":
      return [...reportLinks(e, hood), figuresPanel(name, e.figures ?? [])];
  }
}

/** A report's entities, from its neighbourhood: each MENTIONS edge carries its first sentence. */
function reportLinks(e: Entity, hood: Hood | null): HTMLElement[] {
  if (!hood) return [];
  const byId = new Map(hood.nodes.map((n) => [n.id, n]));
  const linked = hood.edges
    .filter((edge) => edge.source === e.id && byId.get(edge.target)?.depth === 1)
    .map((edge) => ({ node: byId.get(edge.target)!, type: edge.type, sentence: edge.sentence }));
  const kinds: EntityType[] = ["Jurisdiction", "Program", "Law", "LawFirm", "Person"];
  return kinds.map((kind) =>
    tablePanel({
      title: TYPE_INFO[kind].label,
      file: [e.title ?? e.id, kind],
      testId: kind,
      rows: linked.filter((l) => l.node.type === kind),
      columns: [
        { label: "name", value: (l) => l.node.label, render: (l) => link(l.node.id, l.node.label) },
        { label: "link", value: (l) => l.type },
        { label: "evidence", value: (l) => l.sentence, render: (l) => evidenceCell(l.sentence, [l.node.label]) },
      ],
    }),
  );
}
