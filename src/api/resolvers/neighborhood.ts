// Query.neighborhood: the entities around one entity, for graph views.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { NEIGHBOR_LABELS, neighborhood, type NeighborLabel, type NeighborNodeRecord } from "../../graph/read/neighborhood.js";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import { fromGlobalId, toGlobalId } from "../ids.js";
import { Neighborhood, NeighborNode, NeighborType } from "../types/neighborhood.js";
import { Level, Node } from "../types/node.js";
import { loadNode } from "./node.js";

/** Graph views stay readable, and the query bounded, up to this many nodes. */
export const MAX_NEIGHBORHOOD_NODES = 500;

function toNeighborNode(record: NeighborNodeRecord): NeighborNode {
  return Object.assign(new NeighborNode(), {
    id: toGlobalId(record.label, record.key),
    type: record.label as NeighborType,
    label: record.label === "Report" && !record.name ? record.key.slice(0, 12) : record.name,
    depth: record.depth,
    year: record.year,
    level: (record.level as Level | null) ?? null,
  });
}

@Resolver(() => NeighborNode)
export class NeighborhoodResolver {
  @Query(() => Neighborhood, {
    nullable: true,
    description: "The entities linked to one (depth 1) or through one more link (depth 2), at most first nodes; null when there is no such entity",
  })
  async neighborhood(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { description: "global ID of a place, programme, law, firm, person or report" }) id: string,
    @Arg("depth", () => Int, { defaultValue: 1, description: "1 or 2" }) depth: number,
    @Arg("types", () => [NeighborType], { nullable: true, description: "kinds of node to include besides the centre (default: all); links pass only through these" })
    types: NeighborType[] | null | undefined,
    @Arg("first", () => Int, { defaultValue: 100, description: `at most this many nodes, the centre included (2 to ${MAX_NEIGHBORHOOD_NODES})` }) first: number,
  ): Promise<Neighborhood | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) throw badInput(`id: not an ID this server gave out: ${JSON.stringify(id)}`);
    if (!(NEIGHBOR_LABELS as readonly string[]).includes(parsed.type)) throw badInput(`id: a ${parsed.type} has no neighbourhood; give a place, programme, law, firm, person or report`);
    if (depth !== 1 && depth !== 2) throw badInput(`depth: expected 1 or 2, got ${depth}`);
    if (!Number.isInteger(first) || first < 2 || first > MAX_NEIGHBORHOOD_NODES) throw badInput(`first: expected 2 to ${MAX_NEIGHBORHOOD_NODES}, got ${first}`);
    const labels = (types?.length ? types : NEIGHBOR_LABELS) as NeighborLabel[];
    const found = await neighborhood(ctx.db, { label: parsed.type as NeighborLabel, key: parsed.key }, { depth, labels, limit: first });
    if (!found) return null;
    const nodes = found.nodes.map(toNeighborNode);
    return {
      center: nodes[0]!,
      nodes,
      edges: found.edges.map((e) => ({
        type: e.type,
        source: toGlobalId(e.sourceLabel, e.sourceKey),
        target: toGlobalId(e.targetLabel, e.targetKey),
        sentence: e.sentence,
        year: e.year,
      })),
      truncated: found.truncated,
    };
  }

  @FieldResolver(() => Node)
  async node(@Root() neighbor: NeighborNode, @Ctx() ctx: Context): Promise<Node> {
    const parsed = fromGlobalId(neighbor.id)!;
    const node = await loadNode(ctx, parsed.type, parsed.key);
    if (!node) throw new Error(`${neighbor.id} vanished while the request ran`);
    return node;
  }
}
