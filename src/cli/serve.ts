// kg serve : Neo4j (embedded unless NEO4J_URI is set), migrations, the examples when the graph
// is empty, then GraphQL on PORT.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { fileURLToPath } from "node:url";
import { startApiServer } from "../api/server.js";
import { EXAMPLE_QUERY } from "../api/ide.js";
import { loadConfig } from "../config.js";
import { resolveNeo4jUri } from "../graph/connect.js";
import { checkConnection, openDatabase } from "../graph/driver.js";
import { migrate } from "../graph/migrate.js";
import { ingest } from "../ingest/ingest.js";
import { listSources } from "../ingest/sources.js";
import { exitWith } from "./options.js";

export function addServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve GraphQL on PORT (starts the embedded Neo4j when NEO4J_URI is unset; ingests examples/ into an empty graph)")
    .action(async () => exitWith(await runServe()));
}

const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/reports/", import.meta.url));
/** API requests fail fast when Neo4j is gone (SERVICE_UNAVAILABLE): a short retry (a stale pooled connection), short timeouts. */
const API_RETRY_MS = 500;
const API_TIMEOUTS = { acquisitionMs: 2000, connectMs: 1000 };

export async function runServe(): Promise<number> {
  const config = loadConfig();
  const log = (line: string) => console.error(line);
  const uri = await resolveNeo4jUri(config, log);
  const db = openDatabase({ ...config.neo4j, uri }, API_RETRY_MS, API_TIMEOUTS);
  await checkConnection(db);
  const applied = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);

  const { records } = await db.driver.executeQuery("MATCH (r:Report) RETURN count(r) AS n", {}, { database: db.database });
  if (records[0]!.get("n") === 0 && existsSync(EXAMPLES_DIR)) {
    const summary = await ingest(db, await listSources([EXAMPLES_DIR]), { workers: 0, batchSize: 50 });
    log(`the graph was empty: ingested ${summary.counts.new} example reports from examples/reports`);
  }

  const server = await startApiServer(config, db);
  const origin = server.url.replace(/\/graphql$/, "");
  console.log(`Explorer: ${origin}/`);
  console.log(`GraphQL: ${server.url}  (IDE: ${origin}/graphiql, health: ${origin}/healthz)`);
  console.log(`Neo4j:   ${uri}`);
  console.log(`try:     curl -s ${server.url} -H 'content-type: application/json' -d '${JSON.stringify({ query: "{ recurringPrograms(first: 3) { edges { node { program { name } jurisdictionCount } } } }" })}'`);
  console.log(`or paste into the IDE:\n${EXAMPLE_QUERY}`);

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("stopping: no new requests; letting those in flight finish");
  const { answered, cut } = await server.close();
  log(`stopped: ${answered} requests in flight were answered${cut ? `, ${cut} cut after ${config.shutdownMs} ms` : ""}`);
  await db.close();
  if (!config.neo4j.uri) log("the embedded Neo4j keeps running; stop it with: kg neo4j stop");
  return 0;
}
