// The graph the end-to-end tests ask against: emptied, then the shipped example reports ingested
// (kg serve loads the examples only into an embedded graph it started, so the tests load them).
import { ingest } from "../../src/ingest/ingest.js";
import { listSources } from "../../src/ingest/sources.js";
import { openTestDatabase } from "./db.js";
import { clearGraph } from "./graph.js";

export async function loadExamplesIntoEmptyGraph(): Promise<void> {
  const db = openTestDatabase();
  try {
    await clearGraph(db);
    await ingest(db, await listSources(["examples/reports"]), { workers: 0, batchSize: 50 });
  } finally {
    await db.close();
  }
}

export async function emptyTestGraph(): Promise<void> {
  const db = openTestDatabase();
  try {
    await clearGraph(db);
  } finally {
    await db.close();
  }
}
