// kg schema : prints the GraphQL SDL built from the code (checked in as schema/schema.graphql).
import type { Command } from "commander";
import { printSchema } from "graphql";
import { createSchema } from "../api/schema.js";

export function addSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("print the GraphQL schema (SDL) the code defines")
    .action(async () => {
      process.stdout.write(printSchema(await createSchema()) + "\n");
    });
}
