// kg neo4j start|stop|status : the embedded Neo4j server.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { serverStatus, startServer, stopServer } from "../neo4j-server/server.js";
import { exitWith } from "./options.js";

export function addNeo4jCommand(program: Command): void {
  const neo4j = program
    .command("neo4j")
    .description("the embedded Neo4j (Bolt on 127.0.0.1:KG_NEO4J_PORT, data in KG_NEO4J_DIR)");
  neo4j
    .command("start")
    .description("start the embedded Neo4j in the background (no-op when it runs)")
    .action(async () => exitWith(await start()));
  neo4j
    .command("stop")
    .description("stop the embedded Neo4j")
    .action(async () => {
      console.log((await stopServer(loadConfig().embedded.dataDir)) ? "stopped" : "not running");
    });
  neo4j
    .command("status")
    .description("say whether the embedded Neo4j runs and answers (exit 3 when it does not run)")
    .action(async () => exitWith(await status()));
}

async function start(): Promise<number> {
  const config = loadConfig();
  const server = await startServer({ ...config.embedded, log: (line) => console.error(line) });
  if (server.alreadyRunning) console.log(`already running: ${server.uri} (pid ${server.pid})`);
  else console.log(`started: ${server.uri} (pid ${server.pid}), answered a query after ${(server.readyMs / 1000).toFixed(1)} s`);
  return 0;
}

async function status(): Promise<number> {
  const status = await serverStatus(loadConfig().embedded.dataDir);
  if (!status.running) {
    console.log("not running");
    return 3;
  }
  console.log(`running: ${status.state!.uri} (pid ${status.state!.pid})${status.answering ? "" : ", not answering queries yet"}`);
  return 0;
}
