// The kg command line: commander parses and checks every flag before a command's action runs;
// each subcommand lives in its own module and registers itself on the program.
import { Command, CommanderError } from "commander";
import { PortInUseError } from "../api/http/port.js";
import { ConfigError } from "../config.js";
import { DatabaseUnavailableError } from "../graph/driver.js";
import { ServerError } from "../neo4j-server/server.js";
import { ToolchainError } from "../neo4j-server/toolchain.js";
import { addConfigCommand } from "./config.js";
import { addDeleteCommand } from "./delete.js";
import { addExtractCommand } from "./extract.js";
import { addGenerateCommand } from "./generate.js";
import { addImportCommand } from "./import.js";
import { addIngestCommand } from "./ingest.js";
import { addMigrateCommand } from "./migrate.js";
import { addNeo4jCommand } from "./neo4j.js";
import { addSchemaCommand } from "./schema.js";
import { takeExitCode } from "./options.js";
import { addServeCommand } from "./serve.js";

/** Exit code of a command line that could not be understood (as for a bad configuration). */
const USAGE = 2;

export function buildProgram(): Command {
  const program = new Command("kg")
    .description("Knowledge graph of rule-of-law annual reports: extract, ingest into Neo4j, serve over GraphQL")
    // Settings that subcommands made with .command() inherit: errors throw instead of exiting,
    // unknown options and commands are refused with a suggestion.
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(see --help)")
    .helpCommand("help [command]", "help for a command")
    .addHelpText(
      "after",
      "\nSettings come from the environment, then ./.env, then ./kg.config.json (or the file KG_CONFIG names),\n" +
        "the same for every command and the server; kg config shows them and where each came from.",
    );
  for (const add of [
    addExtractCommand,
    addIngestCommand,
    addImportCommand,
    addDeleteCommand,
    addServeCommand,
    addNeo4jCommand,
    addMigrateCommand,
    addGenerateCommand,
    addSchemaCommand,
    addConfigCommand,
  ]) {
    add(program);
  }
  return program;
}

/** Errors the user can act on get one line; anything else is a bug and keeps its stack. */
function report(error: unknown): number {
  const expected = [ConfigError, ServerError, ToolchainError, DatabaseUnavailableError, PortInUseError].some((t) => error instanceof t);
  console.error(`kg: ${expected ? (error as Error).message : error instanceof Error ? error.stack : String(error)}`);
  return error instanceof ConfigError ? USAGE : 1;
}

/** Runs the command line given (without "node kg"); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  takeExitCode();
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return takeExitCode();
  } catch (error) {
    if (!(error instanceof CommanderError)) return report(error);
    // commander has printed the help or its complaint already. Help asked for exits 0; help shown
    // because no command was given, and every refused command line, exit USAGE.
    return error.exitCode === 0 ? 0 : USAGE;
  }
}
