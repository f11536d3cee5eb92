// The Node interface (global IDs) and the division level enum shared by many types.
import { Field, ID, InterfaceType, registerEnumType } from "type-graphql";
import type { NodeType } from "../ids.js";

export enum Level {
  PROVINCE = "PROVINCE",
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  TOWNSHIP = "TOWNSHIP",
  COMMUNITY = "COMMUNITY",
}
registerEnumType(Level, {
  name: "Level",
  description: "Division level: province, city (地级), district or county, township or street, community or village",
});

/** Every object that implements Node carries its GraphQL type name, for resolveType. */
export interface Typed {
  __type: NodeType;
}

@InterfaceType({
  description: "An object with a global ID, fetchable with node(id)",
  resolveType: (value: Typed) => value.__type,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
