// The entities around one entity, for graph views: one bounded query, two steps at most.
import type { Database } from "../driver.js";
import { readOne } from "./run.js";

/** Kinds of node a neighbourhood may hold (figures and sources stay out: they belong in lists). */
export const NEIGHBOR_LABELS = ["Jurisdiction", "Program", "Law", "LawFirm", "Person", "Report"] as const;
export type NeighborLabel = (typeof NEIGHBOR_LABELS)[number];

/** The property that holds each kind's key. */
const KEY_PROPERTY: Record<NeighborLabel, string> = {
  Jurisdiction: "code",
  Program: "key",
  Law: "key",
  LawFirm: "key",
  Person: "key",
  Report: "id",
};

/**
 * The centre, found through its kind's key index. One text for every kind, so that Neo4j plans
 * this large query once rather than once per kind.
 */
const CENTER = `CALL () {
       ${NEIGHBOR_LABELS.map((label) => `MATCH (c:${label} {${KEY_PROPERTY[label]}: $key}) WHERE $label = '${label}' RETURN c`).join("\n       UNION\n       ")}
     }`;

/** The relationships walked: everything that links two entities, named as stored. */
const LINKS = "MENTIONS|ABOUT|ADVISES|WORKS_AT|PART_OF";

/** At most this many links are followed out of each first-step node (a province has thousands). */
const LINKS_PER_NODE = 60;

/** At most this many edges are drawn into each second-step node (the province of 150 reports). */
const EDGES_PER_NODE = 8;

export interface NeighborNodeRecord {
  label: NeighborLabel;
  key: string;
  name: string;
  /** 0 for the centre, then 1 or 2 */
  depth: number;
  year: number | null;
  level: string | null;
}

export interface NeighborEdgeRecord {
  type: string;
  sourceLabel: NeighborLabel;
  sourceKey: string;
  targetLabel: NeighborLabel;
  targetKey: string;
  /** the first evidence sentence of a MENTIONS link */
  sentence: string | null;
  year: number | null;
}

export interface NeighborhoodRecord {
  nodes: NeighborNodeRecord[];
  edges: NeighborEdgeRecord[];
  /** whether nodes were left out to stay within the bound */
  truncated: boolean;
}

/** Cypher that describes node `x` as a NeighborNodeRecord (without depth). */
const describe = (x: string) =>
  `{label: [l IN labels(${x}) WHERE l IN $labels][0], key: coalesce(${x}.code, ${x}.key, ${x}.id),
    name: coalesce(${x}.name, ${x}.title, ${x}.subjectName + ' ' + toString(${x}.year), ${x}.id), year: ${x}.year, level: ${x}.level}`;

const identify = (x: string) => `[l IN labels(${x}) WHERE l IN $labels][0] + ':' + coalesce(${x}.code, ${x}.key, ${x}.id)`;

const describeEdge = (e: string) =>
  `{type: type(${e}), source: ${identify(`startNode(${e})`)}, target: ${identify(`endNode(${e})`)}, sentence: ${e}.sentences[0], year: ${e}.year}`;

/**
 * Up to `limit` nodes around an entity. Step one takes the closest links first (ABOUT, ADVISES,
 * PART_OF, WORKS_AT before MENTIONS; newer reports first) and, at depth 2, half the budget;
 * step two keeps first the nodes reached by such closer links (a programme's reports lead to
 * the places that wrote them), then those the most step-one nodes lead to.
 */
export async function neighborhood(
  db: Database,
  center: { label: NeighborLabel; key: string },
  options: { depth: 1 | 2; labels: readonly NeighborLabel[]; limit: number },
): Promise<NeighborhoodRecord | null> {
  const firstStep = options.depth === 1 ? options.limit - 1 : Math.max(1, Math.floor((options.limit - 1) / 2));
  const row = await readOne<{ center: NeighborNodeRecord; ring1: Ring[]; ring2: Ring[]; total1: number; total2: number }>(
    db,
    `${CENTER}
     CALL (c) {
       MATCH (c)-[e:${LINKS}]-(n)
       WHERE n <> c AND any(l IN labels(n) WHERE l IN $wanted)
       WITH n, collect(e)[..4] AS links, min(CASE type(e) WHEN 'MENTIONS' THEN 1 ELSE 0 END) AS rank
       ORDER BY rank, n.year DESC, coalesce(n.code, n.key, n.id)
       WITH collect({n: n, links: links}) AS found
       RETURN found[..$firstStep] AS ring1, size(found) AS total1
     }
     CALL (c, ring1) {
       WITH c, ring1, [x IN ring1 | x.n] AS near
       WHERE $depth = 2 AND size(ring1) > 0
       UNWIND near AS m
       CALL (c, m) {
         MATCH (m)-[e:${LINKS}]-(n)
         WHERE n <> c AND any(l IN labels(n) WHERE l IN $wanted)
         RETURN n, e ORDER BY CASE type(e) WHEN 'MENTIONS' THEN 1 ELSE 0 END, n.year DESC LIMIT ${LINKS_PER_NODE}
       }
       WITH near, n, collect(e) AS links, min(CASE type(e) WHEN 'MENTIONS' THEN 1 ELSE 0 END) AS rank
       WITH CASE WHEN n IN near THEN 0 ELSE 1 END AS isNew, n, links[..${EDGES_PER_NODE}] AS links, size(links) AS strength, rank
       ORDER BY isNew, rank, strength DESC, coalesce(n.code, n.key, n.id)
       WITH collect({n: n, links: links, isNew: isNew}) AS found
       WITH [x IN found WHERE x.isNew = 0] AS between, [x IN found WHERE x.isNew = 1] AS beyond
       RETURN between + beyond[..($limit - 1 - size(ring1))] AS ring2, size(beyond) AS total2
       UNION
       WITH c, ring1 WHERE $depth = 1 OR size(ring1) = 0
       RETURN [] AS ring2, 0 AS total2
     }
     RETURN ${describe("c")} AS center,
            [x IN ring1 | {node: ${describe("x.n")}, links: [e IN x.links | ${describeEdge("e")}]}] AS ring1,
            [x IN ring2 | {node: ${describe("x.n")}, links: [e IN x.links | ${describeEdge("e")}], isNew: x.isNew}] AS ring2,
            total1, total2`,
    { key: center.key, label: center.label, wanted: options.labels, labels: NEIGHBOR_LABELS, depth: options.depth, firstStep, limit: options.limit },
  );
  if (!row) return null;
  return assemble(row.center, row.ring1, row.ring2, row.total1 > row.ring1.length || row.total2 > row.ring2.filter((r) => r.isNew).length);
}

interface RawEdge {
  type: string;
  /** "Label:key" */
  source: string;
  target: string;
  sentence: string | null;
  year: number | null;
}

interface Ring {
  node: Omit<NeighborNodeRecord, "depth">;
  links: RawEdge[];
  isNew?: number;
}

function split(id: string): { label: NeighborLabel; key: string } {
  const colon = id.indexOf(":");
  return { label: id.slice(0, colon) as NeighborLabel, key: id.slice(colon + 1) };
}

/** Nodes by depth and the edges among them, each edge once. */
function assemble(center: Omit<NeighborNodeRecord, "depth">, ring1: Ring[], ring2: Ring[], truncated: boolean): NeighborhoodRecord {
  const nodes = new Map<string, NeighborNodeRecord>();
  const id = (n: { label: string; key: string }) => `${n.label}:${n.key}`;
  nodes.set(id(center), { ...center, depth: 0 });
  for (const r of ring1) nodes.set(id(r.node), { ...r.node, depth: 1 });
  for (const r of ring2) if (!nodes.has(id(r.node))) nodes.set(id(r.node), { ...r.node, depth: 2 });
  const edges = new Map<string, NeighborEdgeRecord>();
  for (const r of [...ring1, ...ring2]) {
    for (const e of r.links) {
      if (!nodes.has(e.source) || !nodes.has(e.target)) continue; // a link to a node left out
      const key = `${e.type}|${e.source}|${e.target}`;
      if (!edges.has(key)) {
        const source = split(e.source);
        const target = split(e.target);
        edges.set(key, { type: e.type, sourceLabel: source.label, sourceKey: source.key, targetLabel: target.label, targetKey: target.key, sentence: e.sentence, year: e.year });
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
