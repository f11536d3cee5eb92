// kg schema : prints the GraphQL SDL built from the code (checked in as schema/schema.graphql).
import { printSchema } from "graphql";
import { createSchema } from "../api/schema.js";

export const schemaHelp = `kg schema                      print the GraphQL schema (SDL) the code defines`;

export async function runSchema(): Promise<number> {
  process.stdout.write(printSchema(await createSchema()) + "\n");
  return 0;
}
