// The neighbourhood as a graph: cytoscape.js, nodes coloured by type, in rings around the centre
// (first step inside, second step outside, types side by side), click to open.
import cytoscape from "cytoscape";
import { TYPE_INFO, type EntityType } from "./types.js";

export interface HoodNode {
  id: string;
  type: EntityType;
  label: string;
  depth: number;
  level: string | null;
}

export interface HoodEdge {
  type: string;
  source: string;
  target: string;
}

export function drawGraph(container: HTMLElement, nodes: HoodNode[], edges: HoodEdge[], open: (id: string) => void): cytoscape.Core {
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.type === "Report" ? shorten(n.label) : n.label, type: n.type, depth: n.depth, color: TYPE_INFO[n.type].color } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, type: e.type } })),
    ],
    layout: { name: "preset", positions: rings(nodes) } as cytoscape.LayoutOptions,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(color)",
          label: "data(label)",
          "font-size": 9,
          color: "#1d2433",
          "text-valign": "bottom",
          "text-margin-y": 2,
          width: 14,
          height: 14,
          "min-zoomed-font-size": 4,
          "text-max-width": "70px",
          "text-wrap": "ellipsis",
        },
      },
      { selector: "node[depth = 0]", style: { width: 30, height: 30, "font-size": 14, "font-weight": "bold", "border-width": 3, "border-color": "#1d2433" } },
      { selector: "node[depth = 1]", style: { width: 18, height: 18 } },
      { selector: "edge", style: { width: 1, "line-color": "#c5cad3", "curve-style": "haystack", opacity: 0.7 } },
      { selector: "edge[type != 'MENTIONS']", style: { "line-color": "#8a93a3", width: 1.5 } },
      { selector: "node:active, node.hover", style: { "overlay-opacity": 0.15 } },
    ],
    minZoom: 0.1,
    maxZoom: 4,
  });
  cy.on("tap", "node", (event) => {
    const id = event.target.id() as string;
    if (event.target.data("depth") !== 0) open(id);
  });
  cy.on("mouseover", "node", (event) => {
    container.style.cursor = "pointer";
    event.target.addClass("hover");
  });
  cy.on("mouseout", "node", (event) => {
    container.style.cursor = "";
    event.target.removeClass("hover");
  });
  return cy;
}

const RING_GAP = 70;
const NODE_SPACING = 48;

/**
 * Positions on rings of even density: ring i holds as many nodes as fit its circumference, the
 * second step starts on a new ring, and within a step nodes of one type sit together. Computed
 * directly: a force layout would take seconds at 300 nodes and move on every visit.
 */
function rings(nodes: HoodNode[]): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  const order = Object.keys(TYPE_INFO);
  let ring = 0;
  for (const depth of [0, 1, 2]) {
    const step = nodes.filter((n) => n.depth === depth).sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    let at = 0;
    while (at < step.length) {
      const capacity = ring === 0 ? 1 : Math.floor((2 * Math.PI * ring * RING_GAP) / NODE_SPACING);
      const members = step.slice(at, at + capacity);
      members.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / members.length - Math.PI / 2 + ring * 0.3;
        positions[n.id] = { x: Math.cos(angle) * ring * RING_GAP, y: Math.sin(angle) * ring * RING_GAP };
      });
      at += members.length;
      ring++;
    }
  }
  return positions;
}

function shorten(title: string): string {
  return title.length > 14 ? `${title.slice(0, 13)}…` : title;
}
