// kg schema : prints the GraphQL SDL built from the code (checked in as schema/schema.graphql).
import type { Command } from "commander";

export function addSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("print the GraphQL schema (SDL) the code defines")
    .action(async () => {
      const [{ printSchema }, { createSchema }] = await Promise.all([import("graphql"), import("../api/schema.js")]);
      process.stdout.write(printSchema(await createSchema()) + "\n");
    });
}
