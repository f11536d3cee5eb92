// kg neo4j start|stop|status : the embedded Neo4j server.
import { loadConfig } from "../config.js";
import { serverStatus, startServer, stopServer } from "../neo4j-server/server.js";

export const neo4jHelp = `kg neo4j start|stop|status     the embedded Neo4j (Bolt on 127.0.0.1:KG_NEO4J_PORT, data in KG_NEO4J_DIR)`;

export async function runNeo4j(args: string[]): Promise<number> {
  const config = loadConfig();
  const { dataDir } = config.embedded;
  switch (args[0]) {
    case "start": {
      const server = await startServer({ ...config.embedded, log: (line) => console.error(line) });
      if (server.alreadyRunning) console.log(`already running: ${server.uri} (pid ${server.pid})`);
      else console.log(`started: ${server.uri} (pid ${server.pid}), answered a query after ${(server.readyMs / 1000).toFixed(1)} s`);
      return 0;
    }
    case "stop":
      console.log((await stopServer(dataDir)) ? "stopped" : "not running");
      return 0;
    case "status": {
      const status = await serverStatus(dataDir);
      if (!status.running) {
        console.log("not running");
        return 3;
      }
      console.log(`running: ${status.state!.uri} (pid ${status.state!.pid})${status.answering ? "" : ", not answering queries yet"}`);
      return 0;
    }
    default:
      console.error(`kg neo4j: expected start, stop or status${args[0] ? `, got "${args[0]}"` : ""}`);
      return 2;
  }
}
