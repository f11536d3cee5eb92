#!/usr/bin/env node
// kg: the project's command line. Each subcommand lives in its own module.
import { extractHelp, runExtract } from "./extract.js";

interface Command {
  help: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  extract: { help: extractHelp, run: runExtract },
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
    console.error(`kg: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
