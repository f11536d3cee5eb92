// Output types of Query.neighborhood: nodes and named edges for a graph view.
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Level, Node } from "./node.js";

export enum NeighborType {
  Jurisdiction = "Jurisdiction",
  Program = "Program",
  Law = "Law",
  LawFirm = "LawFirm",
  Person = "Person",
  Report = "Report",
}
registerEnumType(NeighborType, { name: "NeighborType", description: "Kinds of node a neighbourhood holds" });

@ObjectType({ description: "An entity in a neighbourhood" })
export class NeighborNode {
  @Field(() => ID, { description: "the entity's global ID (node(id) fetches it)" })
  id!: string;

  @Field(() => NeighborType)
  type!: NeighborType;

  @Field(() => String, { description: "name, or a report's title" })
  label!: string;

  @Field(() => Int, { description: "steps from the centre: 0, 1 or 2" })
  depth!: number;

  @Field(() => Int, { nullable: true, description: "a report's year" })
  year!: number | null;

  @Field(() => Level, { nullable: true, description: "a place's level" })
  level!: Level | null;

  @Field(() => Node, { description: "the entity itself, for more fields" })
  node!: Node;
}

@ObjectType({ description: "A stored relationship between two nodes of a neighbourhood" })
export class NeighborEdge {
  @Field(() => String, { description: "MENTIONS, ABOUT, ADVISES, WORKS_AT or PART_OF" })
  type!: string;

  @Field(() => ID, { description: "id of the node the relationship starts at" })
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { nullable: true, description: "for MENTIONS: the first sentence that says so" })
  sentence!: string | null;

  @Field(() => Int, { nullable: true, description: "for ADVISES: the year" })
  year!: number | null;
}

@ObjectType({ description: "An entity and what lies around it, bounded in size" })
export class Neighborhood {
  @Field(() => NeighborNode)
  center!: NeighborNode;

  @Field(() => [NeighborNode], { description: "the centre first, then by depth" })
  nodes!: NeighborNode[];

  @Field(() => [NeighborEdge])
  edges!: NeighborEdge[];

  @Field(() => Boolean, { description: "true when nodes were left out to stay within first" })
  truncated!: boolean;
}
