// Query.node (any entity by global ID) and Query.search (full text over names and aliases).
import type DataLoader from "dataloader";
import { Arg, Ctx, Int, Query, registerEnumType, Resolver, ID } from "type-graphql";
import { searchEntities, type SearchHitRecord, type SearchLabel } from "../../graph/read/search.js";
import type { JurisdictionRecord, LawFirmRecord, LawRecord, PersonRecord, ProgramRecord, UnlinkedPlaceRecord } from "../../graph/read/records.js";
import type { Context } from "../context.js";
import { badInput, quote } from "../errors.js";
import { fromGlobalId, type NodeType } from "../ids.js";
import { toJurisdiction, toLaw, toLawFirm, toMetric, toPerson, toProgram, toReport, toUnlinkedPlace } from "../types/entities.js";
import { Node } from "../types/node.js";
import { SearchHit } from "../types/relations.js";

export enum SearchType {
  Jurisdiction = "Jurisdiction",
  Program = "Program",
  Law = "Law",
  LawFirm = "LawFirm",
  Person = "Person",
  UnlinkedPlace = "UnlinkedPlace",
}
registerEnumType(SearchType, { name: "SearchType", description: "Kinds of entity search can return" });

const MAX_SEARCH_RESULTS = 50;


/** Tells the request's loaders an entity that was read with the fields they read. */
function primeNode(ctx: Context, type: NodeType, key: string, record: NonNullable<SearchHitRecord["record"]>): void {
  const l = ctx.loaders;
  switch (type) {
    case "Jurisdiction":
      return void l.jurisdiction.prime(key, record as JurisdictionRecord);
    case "Program":
      return void l.program.prime(key, record as ProgramRecord);
    case "Law":
      return void l.law.prime(key, record as LawRecord);
    case "LawFirm":
      return void l.lawFirm.prime(key, record as LawFirmRecord);
    case "Person":
      return void l.person.prime(key, record as PersonRecord);
    case "UnlinkedPlace":
      return void l.unlinkedPlace.prime(key, record as UnlinkedPlaceRecord);
  }
}

/** Loads any entity by type and key through the request's loaders. */
export function loadNode(ctx: Context, type: NodeType, key: string): Promise<Node | null> {
  const l = ctx.loaders;
  const load = <R>(loader: DataLoader<string, R | null>, toNode: (record: R) => Node) =>
    loader.load(key).then((record) => (record ? toNode(record) : null));
  switch (type) {
    case "Jurisdiction":
      return load(l.jurisdiction, toJurisdiction);
    case "Program":
      return load(l.program, toProgram);
    case "Law":
      return load(l.law, toLaw);
    case "LawFirm":
      return load(l.lawFirm, toLawFirm);
    case "Person":
      return load(l.person, toPerson);
    case "Report":
      return load(l.report, toReport);
    case "Metric":
      return load(l.metric, toMetric);
    case "UnlinkedPlace":
      return load(l.unlinkedPlace, toUnlinkedPlace);
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any entity by its global ID; null when it no longer exists" })
  async node(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) throw badInput(`id: not an ID this server gave out: ${quote(id)}`);
    return loadNode(ctx, parsed.type, parsed.key);
  }

  @Query(() => [SearchHit], { nullable: true, description: "Entities whose name or alias matches the text (full-text, Chinese-aware), best first" })
  async search(
    @Ctx() ctx: Context,
    @Arg("text", () => String) text: string,
    @Arg("types", () => [SearchType], { nullable: true }) types?: SearchType[] | null,
    @Arg("first", () => Int, { defaultValue: 10 }) first?: number,
  ): Promise<SearchHit[]> {
    const query = text.trim();
    if (!query) throw badInput("text: give something to search for");
    if (query.length > 100) throw badInput("text: at most 100 characters");
    const limit = first ?? 10;
    if (limit < 1 || limit > MAX_SEARCH_RESULTS) throw badInput(`first: expected 1 to ${MAX_SEARCH_RESULTS}, got ${limit}`);
    const labels = (types?.length ? types : Object.values(SearchType)) as SearchLabel[];
    const hits = await searchEntities(ctx.db, query, labels, limit);
    // The search read each entity already: the loaders answer from what it read.
    for (const hit of hits) if (hit.record) primeNode(ctx, hit.label, hit.key, hit.record);
    const nodes = await Promise.all(hits.map((h) => loadNode(ctx, h.label, h.key)));
    return hits.flatMap((h, i) => (nodes[i] ? [{ node: nodes[i]!, score: h.score }] : []));
  }
}
