// The test run's database (see test/setup/neo4j.ts).
import { inject } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/graph/driver.js";

export function openTestDatabase(): Database {
  return openDatabase({ ...loadConfig().neo4j, uri: inject("neo4jUri") });
}
