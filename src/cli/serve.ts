// kg serve : Neo4j (embedded unless NEO4J_URI is set), migrations, the examples on the embedded
// graph's first start, then GraphQL on PORT until Ctrl-C (SIGINT) or SIGTERM.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { PortInUseError } from "../api/http/port.js";
import { loadConfig, type Config } from "../config.js";
import type { Database } from "../graph/driver.js";
import type { Logger } from "../observability/logger.js";
import { exitWith } from "./options.js";

export function addServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "serve GraphQL on PORT; without NEO4J_URI it starts the embedded Neo4j, stops it again on Ctrl-C, and loads examples/ on the embedded graph's first start",
    )
    .option("--keep-neo4j", "leave the embedded Neo4j this command started running when it stops")
    .action(async (options: { keepNeo4j?: boolean }) => exitWith(await runServe(options)));
}

const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/reports/", import.meta.url));
/** API requests fail fast when Neo4j is gone (SERVICE_UNAVAILABLE): a short retry (a stale pooled connection), short timeouts. */
const API_RETRY_MS = 500;
const API_TIMEOUTS = { acquisitionMs: 2000, connectMs: 1000 };

/**
 * The examples go into the embedded graph once: on the first start that finds it empty. A graph
 * at NEO4J_URI is the user's and is never touched; `kg ingest examples/` loads them anywhere.
 */
async function loadExamplesOnce(config: Config, db: Database, logger: Logger): Promise<void> {
  const marker = join(config.embedded.dataDir, "examples-loaded");
  if (existsSync(marker) || !existsSync(EXAMPLES_DIR)) return;
  const { records } = await db.driver.executeQuery("MATCH (r:Report) RETURN count(r) AS n", {}, { database: db.database });
  if (records[0]!.get("n") === 0) {
    const [{ ingest }, { listSources }] = await Promise.all([import("../ingest/ingest.js"), import("../ingest/sources.js")]);
    const summary = await ingest(db, await listSources([EXAMPLES_DIR]), { workers: 0, batchSize: 50 });
    logger.info({ reports: summary.counts.new }, `first start of the embedded graph: loaded ${summary.counts.new} example reports from examples/reports`);
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once. */
function stopSignal(logger: Logger): Promise<string> {
  return new Promise((done) => {
    const first = (signal: string) => {
      logger.info({ signal }, "stopping (press Ctrl-C again to quit at once)");
      process.once("SIGINT", () => process.exit(130));
      done(signal);
    };
    process.once("SIGINT", () => first("SIGINT"));
    process.once("SIGTERM", () => first("SIGTERM"));
  });
}

export async function runServe(options: { keepNeo4j?: boolean } = {}): Promise<number> {
  // Loaded here, not at the top: the other kg commands start without the server's libraries.
  const [{ EXAMPLE_QUERY }, { startApiServer }, { resolveNeo4j }, { checkConnection, openDatabase, poolInUse }, { migrate }, { portIsFree, stopServer }, { createLogger }, { createMetrics }] =
    await Promise.all([
      import("../api/ide.js"),
      import("../api/server.js"),
      import("../graph/connect.js"),
      import("../graph/driver.js"),
      import("../graph/migrate.js"),
      import("../neo4j-server/server.js"),
      import("../observability/logger.js"),
      import("../observability/metrics.js"),
    ]);
  const config = loadConfig();
  const logger = createLogger(config.log);
  // Listening from the start: Ctrl-C while Neo4j starts stops it again once it is up.
  const stopped = stopSignal(logger);
  // A taken port is said before anything starts, in one line (the listen below says it too).
  if (config.port !== 0 && !(await portIsFree(config.port, config.host))) throw new PortInUseError(config.host, config.port);

  const neo4j = await resolveNeo4j(config, (line) => logger.info(line));
  const ownsNeo4j = neo4j.embedded?.startedHere === true && !options.keepNeo4j;
  const stopNeo4j = async () => {
    if (ownsNeo4j) {
      await stopServer(config.embedded.dataDir);
      logger.info("stopped the embedded Neo4j this command started");
    } else if (neo4j.embedded) {
      logger.info(`the embedded Neo4j keeps running; stop it with: kg neo4j stop`);
    }
  };

  const db = openDatabase({ ...config.neo4j, uri: neo4j.uri }, API_RETRY_MS, API_TIMEOUTS);
  let server;
  try {
    await checkConnection(db);
    const applied = await migrate(db);
    if (applied.length) logger.info({ migrations: applied }, `migrations applied: ${applied.join(", ")}`);
    if (neo4j.embedded) await loadExamplesOnce(config, db, logger);
    server = await startApiServer(config, db, { logger, metrics: createMetrics(() => poolInUse(db)) });
  } catch (error) {
    await db.close();
    await stopNeo4j();
    throw error;
  }

  const origin = server.url.replace(/\/graphql$/, "");
  logger.info({ url: server.url, neo4j: neo4j.uri }, "listening");
  console.error(`Explorer: ${origin}/`);
  console.error(`GraphQL: ${server.url}  (IDE: ${origin}/graphiql, health: ${origin}/healthz, metrics: ${origin}/metrics)`);
  console.error(`Neo4j:   ${neo4j.uri}${ownsNeo4j ? " (stopped again on Ctrl-C; --keep-neo4j leaves it running)" : ""}`);
  console.error(`try:     curl -s ${server.url} -H 'content-type: application/json' -d '${JSON.stringify({ query: "{ recurringPrograms(first: 3) { edges { node { program { name } jurisdictionCount } } } }" })}'`);
  console.error(`or paste into the IDE:\n${EXAMPLE_QUERY}`);

  await stopped;
  logger.info("stopping: no new requests; letting those in flight finish");
  const { answered, cut } = await server.close();
  logger.info({ answered, cut }, `stopped: ${answered} requests in flight were answered${cut ? `, ${cut} cut after ${config.shutdownMs} ms` : ""}`);
  await db.close();
  await stopNeo4j();
  logger.info("stopped");
  return 0;
}
