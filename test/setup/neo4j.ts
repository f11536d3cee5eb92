// Global setup of the integration project: one real Neo4j for the whole run.
// NEO4J_URI set: that server is used. Unset: an embedded server starts in a temporary
// directory on a free port and is stopped (and its directory removed) at the end.
// KG_TEST_ROUTING=1: the tests get its neo4j:// (routing) URI instead of bolt://.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/graph/driver.js";
import { migrate } from "../../src/graph/migrate.js";
import { freePort, startServer, stopServer } from "../../src/neo4j-server/server.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    /** the embedded server's directory, or "" when NEO4J_URI was given */
    neo4jDir: string;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig();
  let uri = config.neo4j.uri;
  let dir = "";
  if (!uri) {
    dir = mkdtempSync(join(tmpdir(), "kg-test-neo4j-"));
    const server = await startServer({ ...config.embedded, dataDir: dir, port: await freePort(), heap: "1g", pageCache: "256m" });
    console.log(`[neo4j] embedded server on ${server.uri}, answered after ${(server.readyMs / 1000).toFixed(1)} s`);
    uri = server.uri;
  }
  const db = openDatabase({ ...config.neo4j, uri });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  // KG_TEST_ROUTING=1 runs every test through a routing URI (neo4j://), as against a cluster.
  if (process.env.KG_TEST_ROUTING === "1") uri = uri.replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");
  project.provide("neo4jUri", uri);
  project.provide("neo4jDir", dir);

  return async () => {
    if (dir) {
      await stopServer(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
