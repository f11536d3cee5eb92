// From configuration to an open, answering database: the given NEO4J_URI, or the embedded server.
import type { Config } from "../config.js";
import { startServer } from "../neo4j-server/server.js";
import { checkConnection, openDatabase, type Database } from "./driver.js";

export interface ResolvedNeo4j {
  uri: string;
  /** null for NEO4J_URI; for the embedded server, whether this call started it */
  embedded: { startedHere: boolean } | null;
}

/** The Neo4j to use: NEO4J_URI, or the embedded server (started now unless it already runs). */
export async function resolveNeo4j(config: Config, log: (line: string) => void = () => {}): Promise<ResolvedNeo4j> {
  if (config.neo4j.uri) return { uri: config.neo4j.uri, embedded: null };
  const server = await startServer({ ...config.embedded, log });
  if (!server.alreadyRunning) log(`embedded Neo4j started on ${server.uri} in ${(server.readyMs / 1000).toFixed(1)} s`);
  return { uri: server.uri, embedded: { startedHere: !server.alreadyRunning } };
}

/** The Bolt URI to use: NEO4J_URI, or the embedded server's (started now unless it already runs). */
export async function resolveNeo4jUri(config: Config, log: (line: string) => void = () => {}): Promise<string> {
  return (await resolveNeo4j(config, log)).uri;
}

export async function connect(config: Config, log: (line: string) => void = () => {}): Promise<Database> {
  const uri = await resolveNeo4jUri(config, log);
  const db = openDatabase({ ...config.neo4j, uri });
  try {
    await checkConnection(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
