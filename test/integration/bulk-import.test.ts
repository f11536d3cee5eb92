// kg import (neo4j-admin) builds the same graph as kg ingest: the same reports go in both ways,
// one into the test run's Neo4j through the writer, one into a fresh embedded store through the
// bulk path; then every node and relationship is compared with its properties and their types
// (roll-up values, alias nodes, sources, unlinked places included), and the indexes too.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/graph/driver.js";
import { buildCorpus, generateCorpus } from "../../src/generate/corpus.js";
import { ingest } from "../../src/ingest/ingest.js";
import { bulkImport, BulkImportError, type BulkImportOptions } from "../../src/ingest/bulk-import.js";
import { listSources, type SourceFile } from "../../src/ingest/sources.js";
import { freePort, startServer, stopServer } from "../../src/neo4j-server/server.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph } from "../support/graph.js";

let scratch: string;
let store: string;
let sources: SourceFile[];
let ingested: Database;

/** Properties set at write time, which differ between any two loads. */
const VOLATILE = new Set(["ingestedAt", "appliedAt", "version"]);

interface GraphDump {
  nodes: string[];
  relationships: string[];
  indexes: string[];
  labels: Record<string, number>;
  types: Record<string, number>;
}

// Every node as "Label key {property: type value, …}"; aliases sorted, since the order in which
// texts first name an alias follows which worker finished first.
const NODES = `
MATCH (n)
RETURN labels(n) AS labels, coalesce(n.id, n.code, n.key, n.path, n.name) AS key,
       [k IN keys(n) | [k, valueType(n[k])]] AS types, properties(n) AS props`;
const RELATIONSHIPS = `
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a)[0] + ' ' + coalesce(a.id, a.code, a.key, a.path, a.name) AS start,
       labels(b)[0] + ' ' + coalesce(b.id, b.code, b.key, b.path, b.name) AS end,
       [k IN keys(r) | [k, valueType(r[k])]] AS types, properties(r) AS props`;

function describeProps(types: [string, string][], props: Record<string, unknown>): string {
  return types
    .filter(([k]) => !VOLATILE.has(k))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, type]) => {
      let value = props[k];
      if (k === "aliases") value = [...(value as string[])].sort();
      if (k === "aliasText") value = (value as string).split(" ").sort().join(" ");
      // A report's whole text is compared by its hash, so that a failure's diff stays readable.
      if (k === "text") value = createHash("sha256").update(value as string).digest("hex");
      return `${k}: ${type} ${JSON.stringify(value)}`;
    })
    .join(", ");
}

async function dump(db: Database): Promise<GraphDump> {
  const run = async (cypher: string) => (await db.driver.executeQuery(cypher)).records.map((r) => r.toObject());
  const nodes = (await run(NODES)).map((n) => `${(n.labels as string[]).join(":")} ${n.key} {${describeProps(n.types, n.props)}}`).sort();
  const relationships = (await run(RELATIONSHIPS)).map((r) => `${r.start} -${r.type}-> ${r.end} {${describeProps(r.types, r.props)}}`).sort();
  const indexes = (await run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN *")).map((i) => JSON.stringify(i)).sort();
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const n of nodes) labels[n.split(" ")[0]!] = (labels[n.split(" ")[0]!] ?? 0) + 1;
  for (const r of relationships) types[r.split(" -")[1]!.split("->")[0]!] = (types[r.split(" -")[1]!.split("->")[0]!] ?? 0) + 1;
  return { nodes, relationships, indexes, labels, types };
}

async function withStore<T>(dir: string, use: (db: Database) => Promise<T>): Promise<T> {
  const server = await startServer({ ...loadConfig().embedded, dataDir: dir, port: await freePort(), heap: "512m", pageCache: "128m" });
  const db = openDatabase({ ...loadConfig().neo4j, uri: server.uri });
  try {
    return await use(db);
  } finally {
    await db.close();
    await stopServer(dir);
  }
}

// workers: 0, as in the other tests: worker threads load the compiled extractor (dist/), not src/.
const importOptions = (): BulkImportOptions => ({ storeDir: store, workers: 0, replace: false, heap: "512m", pageCache: "128m" });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "kg-bulk-test-"));
  store = join(scratch, "store");
  // Generated reports in a small world, so that they share places, programmes and firms, plus a
  // text twice under two names (one report, two sources), the examples' unresolved case, and the
  // same report in several formats (PDF, DOCX, GBK web page, UTF-16).
  const generated = join(scratch, "generated");
  const corpus = buildCorpus({ seed: "bulk", provinces: 2, districts: 6, townshipsPerDistrict: 2 });
  const reports = [...generateCorpus(corpus, 40)];
  mkdirSync(generated);
  for (const r of reports) writeFileSync(join(generated, r.fileName), r.text);
  writeFileSync(join(generated, `copy-of-${reports[0]!.fileName}`), reports[0]!.text);
  // URLs in sidecar files: the copy's is taken by the report its first file (without one) made.
  writeFileSync(join(generated, `copy-of-${reports[0]!.fileName}.url`), "https://example.gov.cn/copy\n");
  writeFileSync(join(generated, `${reports[1]!.fileName}.url`), "https://example.gov.cn/second\n");
  sources = await listSources([resolve("examples/reports"), resolve("examples/cases"), resolve("test/fixtures/formats"), generated]);

  ingested = openTestDatabase();
  await clearGraph(ingested);
  // Small batches, so that entities, places and roll-ups are met again in later transactions.
  await ingest(ingested, sources, { workers: 0, batchSize: 7 });
}, 600_000);

afterAll(async () => {
  await clearGraph(ingested);
  await ingested.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("kg import", () => {
  it("builds the graph kg ingest builds from the same reports", async () => {
    const summary = await bulkImport(sources, importOptions());
    expect(summary.imported).toBeGreaterThan(45);
    expect(summary.duplicates).toBeGreaterThan(0);

    const expected = await dump(ingested);
    const actual = await withStore(store, dump);
    expect(expected.labels.ProgramRollup).toBeGreaterThan(100);
    expect(expected.labels.UnlinkedPlace).toBeGreaterThan(0);
    expect(expected.nodes.filter((n) => n.includes("sourceUrl")).length).toBe(2);
    expect(actual.labels).toEqual(expected.labels);
    expect(actual.types).toEqual(expected.types);
    expect(actual.indexes).toEqual(expected.indexes);
    // Every node and relationship with every property: entities, figures, roll-up values.
    expect(actual.nodes).toEqual(expected.nodes);
    expect(actual.relationships).toEqual(expected.relationships);
  }, 600_000);

  it("refuses a store that holds a graph, and replaces it when told", async () => {
    await expect(bulkImport(sources.slice(0, 3), importOptions())).rejects.toThrow(BulkImportError);
    const summary = await bulkImport(sources.slice(0, 3), { ...importOptions(), replace: true });
    expect(summary.imported).toBe(3);
    const reports = await withStore(store, async (db) => (await db.driver.executeQuery("MATCH (r:Report) RETURN count(r) AS n")).records[0]!.get("n"));
    expect(reports).toBe(3);
  }, 600_000);
});
