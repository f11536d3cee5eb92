// kg migrate : applies the Cypher migrations not yet applied.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { connect } from "../graph/connect.js";
import { migrate } from "../graph/migrate.js";
import { exitWith } from "./options.js";

export function addMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply cypher/migrations/*.cypher not yet applied (starts the embedded Neo4j when NEO4J_URI is unset)")
    .action(async () => exitWith(await runMigrate()));
}

export async function runMigrate(): Promise<number> {
  const db = await connect(loadConfig(), (line) => console.error(line));
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "up to date");
    return 0;
  } finally {
    await db.close();
  }
}
