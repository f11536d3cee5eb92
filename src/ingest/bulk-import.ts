// The bulk path for first loads: sources → extraction (worker threads) → CSV files of the graph
// `kg ingest` would write → neo4j-admin database import into the stopped embedded store → the
// migrations' indexes and constraints. Much faster than transactions, but only into an empty store.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPORT_FORMATS, type ReportFormat } from "../io/document.js";
import { openDatabase } from "../graph/driver.js";
import { loadMigrations } from "../graph/migrate.js";
import { adminImport, storeExists } from "../graph/bulk/admin.js";
import { GraphFiles, type ImportFile } from "../graph/bulk/graph-files.js";
import type { ReportRows } from "../graph/bulk/report-rows.js";
import { finishImportedGraph } from "../graph/bulk/schema.js";
import { freePort, serverStatus, startServer, stopServer } from "../neo4j-server/server.js";
import type { SourceFile } from "./sources.js";
import { DEFAULT_MAX_FACTS } from "./limits.js";
import { inListingOrder } from "./in-order.js";
import { ExtractionPool } from "./worker-pool.js";
import { rowsOfOne, type ExtractRequest } from "./worker-protocol.js";
import type { IngestProgress } from "./ingest.js";

export interface BulkImportOptions {
  /** the embedded store to write (KG_NEO4J_DIR) */
  storeDir: string;
  /** extraction worker threads; 0 extracts in this thread */
  workers: number;
  /** replace a store that holds a graph (otherwise refused) */
  replace: boolean;
  /** keep the CSV files here (otherwise a temporary directory, removed at the end) */
  csvDir?: string;
  maxFacts?: number;
  /** JVM heap and page cache of the server started afterwards to create the indexes */
  heap: string;
  pageCache: string;
  /** memory neo4j-admin may use off its heap */
  importMemory?: string;
  onProgress?: (progress: IngestProgress) => void;
  log?: (line: string) => void;
}

export interface BulkImportSummary {
  total: number;
  imported: number;
  /** texts read twice (one report) */
  duplicates: number;
  failed: { source: string; reason: string }[];
  formats: Record<ReportFormat, number>;
  nodes: number;
  relationships: number;
  /** wall time of each stage */
  ms: { extractAndCsv: number; admin: number; indexes: number; total: number };
  /** extraction time summed over workers */
  extractMs: number;
  /** time making the reports' CSV rows, summed over workers */
  rowsMs: number;
  /** main-thread time on the rows: appending them, keeping the shared nodes once, writing those */
  csvMs: number;
  csvBytes: number;
  storeBytes: number;
  /** peak resident memory of this process (neo4j-admin and Neo4j run in their own) */
  nodePeakRssBytes: number;
}

export class BulkImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BulkImportError";
  }
}

/** Reports per chunk: of several files of one text in a chunk, the first in listing order is its source. */
const CHUNK = 500;

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(path) : statSync(path).size;
  }
  return total;
}

/** Nodes in the store other than the migration records and the version counter. */
async function graphNodes(options: BulkImportOptions): Promise<number> {
  const server = await startServer({ dataDir: options.storeDir, port: await freePort(), heap: options.heap, pageCache: options.pageCache });
  const db = openDatabase({ uri: server.uri, user: "neo4j", password: null, database: "neo4j" });
  try {
    const { records } = await db.driver.executeQuery("MATCH (n) WHERE NOT n:Migration AND NOT n:GraphVersion RETURN count(n) AS n");
    return records[0]!.get("n") as number;
  } finally {
    await db.close();
    await stopServer(options.storeDir);
  }
}

/** Refuses a running server on the store, and a store with a graph unless told to replace it. */
async function checkStore(options: BulkImportOptions): Promise<void> {
  if ((await serverStatus(options.storeDir)).running) {
    throw new BulkImportError(`the embedded Neo4j is running on ${options.storeDir}; stop it first (kg neo4j stop), the import writes the store directly`);
  }
  if (!storeExists(options.storeDir) || options.replace) return;
  const nodes = await graphNodes(options);
  if (nodes > 0) {
    throw new BulkImportError(
      `the store in ${options.storeDir} holds a graph (${nodes} nodes); kg import loads an empty store. Use kg ingest to add reports to it, or kg import --replace to overwrite it`,
    );
  }
}

export async function bulkImport(sources: SourceFile[], options: BulkImportOptions): Promise<BulkImportSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const storeDir = resolve(options.storeDir);
  await checkStore({ ...options, storeDir });

  const csvDir = options.csvDir ? resolve(options.csvDir) : mkdtempSync(join(storeDir, "..", ".kg-import-"));
  mkdirSync(csvDir, { recursive: true });
  const summary: BulkImportSummary = {
    total: sources.length,
    imported: 0,
    duplicates: 0,
    failed: [],
    formats: Object.fromEntries(REPORT_FORMATS.map((f) => [f, 0])) as Record<ReportFormat, number>,
    nodes: 0,
    relationships: 0,
    ms: { extractAndCsv: 0, admin: 0, indexes: 0, total: 0 },
    extractMs: 0,
    rowsMs: 0,
    csvMs: 0,
    csvBytes: 0,
    storeBytes: 0,
    nodePeakRssBytes: 0,
  };
  try {
    const { files, urlFills } = await writeCsv(sources, csvDir, options, summary);
    if (!summary.imported) {
      const first = summary.failed[0];
      throw new BulkImportError(`no report could be read, so the store was left as it was${first ? ` (first failure: ${first.reason})` : ""}`);
    }
    summary.ms.extractAndCsv = performance.now() - started;
    summary.csvBytes = files.reduce((n, f) => n + statSync(f.path).size, 0);
    summary.nodes = files.filter((f) => f.kind === "nodes").reduce((n, f) => n + f.rows, 0);
    summary.relationships = files.filter((f) => f.kind === "relationships").reduce((n, f) => n + f.rows, 0);

    log(`neo4j-admin database import: ${summary.nodes} nodes, ${summary.relationships} relationships ...`);
    const adminStarted = performance.now();
    await adminImport(storeDir, files, { reportFile: join(csvDir, "import.report"), logFile: join(storeDir, "import.log"), offHeap: options.importMemory ?? "2g", heap: "1g", log });
    summary.ms.admin = performance.now() - adminStarted;

    log("creating the indexes and constraints of cypher/migrations ...");
    const indexStarted = performance.now();
    const server = await startServer({ dataDir: storeDir, port: await freePort(), heap: options.heap, pageCache: options.pageCache, log });
    const db = openDatabase({ uri: server.uri, user: "neo4j", password: null, database: "neo4j" });
    try {
      await finishImportedGraph(db, urlFills);
    } finally {
      await db.close();
      await stopServer(storeDir);
    }
    summary.ms.indexes = performance.now() - indexStarted;
    summary.storeBytes = directoryBytes(join(storeDir, "data", "data"));
  } finally {
    if (!options.csvDir) rmSync(csvDir, { recursive: true, force: true });
  }
  summary.ms.total = performance.now() - started;
  summary.nodePeakRssBytes = process.resourceUsage().maxRSS * 1024;
  return summary;
}

/** Extracts every source and makes its rows (in worker threads), and writes the graph's CSV files; returns them. */
async function writeCsv(
  sources: SourceFile[],
  csvDir: string,
  options: BulkImportOptions,
  summary: BulkImportSummary,
): Promise<{ files: ImportFile[]; urlFills: { id: string; url: string }[] }> {
  const graph = await GraphFiles.create(csvDir);
  const pool = options.workers > 0 ? new ExtractionPool(options.workers) : null;
  const rowsOf = pool ? (r: ExtractRequest) => pool.rows(r) : rowsOfOne;
  const progress = () => options.onProgress?.({ done: summary.imported + summary.duplicates + summary.failed.length, total: sources.length, failed: summary.failed.length });
  let chunk: ReportRows[] = [];
  const flush = async () => {
    const t = performance.now();
    const added = graph.add(chunk);
    summary.imported += added;
    summary.duplicates += chunk.length - added;
    chunk = [];
    summary.csvMs += performance.now() - t;
    // Extraction goes on meanwhile; the rows wait here only while the disk is behind.
    await graph.drained();
    progress();
  };

  // Answers are taken in listing order (see in-order.ts): the first text of a key names it, as in
  // one ingest of the same files. Requests run ahead by a few per worker: answers taken early
  // would wait in memory.
  const window = Math.max(16, options.workers * 16);
  const rowsAt = (id: number) => {
    const source = sources[id]!;
    return rowsOf({ id, path: source.path, display: source.display, maxFacts: options.maxFacts ?? DEFAULT_MAX_FACTS, url: source.url ?? null });
  };
  try {
    for await (const response of inListingOrder(sources.length, window, rowsAt)) {
      const source = sources[response.id]!;
      if (!response.ok) {
        if (response.fatal) throw new BulkImportError(`${source.display}: ${response.error}`);
        summary.failed.push({ source: source.display, reason: response.error });
        continue;
      }
      summary.extractMs += response.ms;
      summary.rowsMs += response.rowsMs;
      summary.formats[response.format]++;
      chunk.push(response.rows);
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
    const t = performance.now();
    const files = await graph.finish((await loadMigrations()).map((m) => m.id));
    summary.csvMs += performance.now() - t;
    return { files, urlFills: graph.sourceUrlFills() };
  } catch (error) {
    await graph.abort();
    throw error;
  } finally {
    await pool?.close();
  }
}
