#!/usr/bin/env node
// kg: the project's command line. Each subcommand lives in its own module.
import { ConfigError } from "../config.js";
import { DatabaseUnavailableError } from "../graph/driver.js";
import { ServerError } from "../neo4j-server/server.js";
import { ToolchainError } from "../neo4j-server/toolchain.js";
import { extractHelp, runExtract } from "./extract.js";
import { generateHelp, runGenerate } from "./generate.js";
import { migrateHelp, runMigrate } from "./migrate.js";
import { ingestHelp, runIngest } from "./ingest.js";
import { deleteHelp, runDelete } from "./delete.js";
import { neo4jHelp, runNeo4j } from "./neo4j.js";
import { runSchema, schemaHelp } from "./schema.js";
import { runServe, serveHelp } from "./serve.js";

interface Command {
  help: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  extract: { help: extractHelp, run: runExtract },
  generate: { help: generateHelp, run: runGenerate },
  neo4j: { help: neo4jHelp, run: runNeo4j },
  migrate: { help: migrateHelp, run: runMigrate },
  ingest: { help: ingestHelp, run: runIngest },
  delete: { help: deleteHelp, run: runDelete },
  serve: { help: serveHelp, run: runServe },
  schema: { help: schemaHelp, run: runSchema },
};

function usage(): string {
  return ["usage: kg COMMAND [ARGS]", "", ...Object.values(commands).map((c) => c.help), ""].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`kg: unknown command "${name}"; see kg --help`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(command.help + "\n");
    return 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Errors the user can act on get one line; anything else is a bug and keeps its stack.
    const expected = [ConfigError, ServerError, ToolchainError, DatabaseUnavailableError].some((t) => error instanceof t);
    console.error(`kg: ${expected ? (error as Error).message : error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
  },
);
