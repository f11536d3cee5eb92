// The ingest pipeline: sources → extraction (worker threads) → batched, all-or-nothing writes.
import { REPORT_FORMATS, type ReportFormat } from "../io/document.js";
import { firstLine, type Database } from "../graph/driver.js";
import { reportsById } from "../graph/read/reports.js";
import { writeReports, type ReportInput, type WriteStatus } from "../graph/writer.js";
import type { SourceFile } from "./sources.js";
import { DEFAULT_MAX_FACTS, MAX_BATCH_FACTS, reportFacts } from "./limits.js";
import { ExtractionPool } from "./worker-pool.js";
import { inListingOrder } from "./in-order.js";
import { extractOne, type ExtractRequest } from "./worker-protocol.js";
import { countWarnings, reportWarning, type ReportWarning, type WarningCounts } from "./warnings.js";

export interface IngestOptions {
  /** extraction worker threads; 0 extracts in this thread */
  workers: number;
  /** reports per write transaction (fewer when they are large: see MAX_BATCH_FACTS) */
  batchSize: number;
  /** a report with more figures and mentions fails alone (default KG_MAX_FACTS_PER_REPORT's) */
  maxFacts?: number;
  /** facts per write transaction, however few reports that is (default MAX_BATCH_FACTS) */
  batchFacts?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  done: number;
  total: number;
  failed: number;
}

export interface IngestSummary {
  total: number;
  counts: Record<WriteStatus, number>;
  failed: { source: string; reason: string }[];
  /** reports read, by format (text, html, pdf, docx) */
  formats: Record<ReportFormat, number>;
  /** per report, what happened */
  results: { source: string; id: string; status: WriteStatus }[];
  wallMs: number;
  /** summed extraction time over all workers */
  extractMs: number;
  /** wall time spent in write transactions */
  writeMs: number;
  /** nodes and relationships the writes created */
  created: { nodes: number; relationships: number };
  /** per report, what could not be resolved (no subject, no year, names without a code) */
  warnings: ReportWarning[];
  warningCounts: WarningCounts;
}

export class IngestInterruptedError extends Error {
  constructor(
    message: string,
    readonly summary: IngestSummary,
  ) {
    super(message);
    this.name = "IngestInterruptedError";
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How long to wait for Neo4j when checking what an interrupted batch left behind. */
const CHECK_MS = 3000;

/** How many of these reports the graph holds now, or null when Neo4j does not answer. */
async function reportsInGraph(db: Database, ids: string[]): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((done) => (timer = setTimeout(() => done(null), CHECK_MS)));
  try {
    const found = await Promise.race([reportsById(db, ids), late]);
    return found === null ? null : found.filter((r) => r !== null).length;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** What became of the batch that was being written when the write failed (its commit may have landed). */
export function batchOutcome(size: number, inGraph: number | null): string {
  if (inGraph === null) return `Whether the batch of ${size} reports being written was committed is unknown (Neo4j did not answer a check)`;
  if (inGraph === 0) return `The batch of ${size} reports being written was not committed`;
  if (inGraph === size) return `The batch of ${size} reports being written is in the graph (its commit landed, or they were there before)`;
  return `${inGraph} of the ${size} reports of the batch being written are in the graph`;
}

export async function ingest(db: Database, sources: SourceFile[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = {
    total: sources.length,
    counts: { new: 0, unchanged: 0, updated: 0 },
    failed: [],
    formats: Object.fromEntries(REPORT_FORMATS.map((f) => [f, 0])) as Record<ReportFormat, number>,
    results: [],
    warnings: [],
    warningCounts: countWarnings([]),
    wallMs: 0,
    extractMs: 0,
    writeMs: 0,
    created: { nodes: 0, relationships: 0 },
  };
  const stdin = sources.some((s) => s.path === "-") ? await readStdin() : undefined;
  const pool = options.workers > 0 ? new ExtractionPool(options.workers) : null;
  const extract = pool ? (r: ExtractRequest) => pool.extract(r) : extractOne;
  const report = () => options.onProgress?.({ done: summary.results.length + summary.failed.length, total: sources.length, failed: summary.failed.length });

  let batch: (ReportInput & { display: string })[] = [];
  let batchFacts = 0;
  const flush = async () => {
    if (!batch.length) return;
    const writing = batch;
    batch = [];
    batchFacts = 0;
    const t = performance.now();
    try {
      const written = await writeReports(db, writing);
      summary.created.nodes += written.created.nodes;
      summary.created.relationships += written.created.relationships;
      written.reports.forEach((w, i) => {
        summary.counts[w.status]++;
        summary.results.push({ source: writing[i]!.display, id: w.id, status: w.status });
      });
      summary.writeMs += performance.now() - t;
      report();
    } catch (error) {
      summary.wallMs = performance.now() - started;
      const inGraph = await reportsInGraph(db, writing.map((w) => w.extraction.textHash));
      throw new IngestInterruptedError(
        `writing to Neo4j failed after ${summary.results.length} of ${sources.length} reports were confirmed written: ${firstLine(error)}. ` +
          `${batchOutcome(writing.length, inGraph)}; run the same command again to finish (reports already written are left as they are).`,
        summary,
      );
    }
  };

  // Extractions run ahead in a window; their results are taken in listing order (see in-order.ts).
  const window = Math.max(options.batchSize * 2, options.workers * 4);
  const extractAt = (id: number) => {
    const source = sources[id]!;
    const request: ExtractRequest = { id, path: source.path, display: source.display, maxFacts: options.maxFacts ?? DEFAULT_MAX_FACTS };
    if (source.path === "-") request.bytes = stdin;
    return extract(request);
  };
  try {
    for await (const response of inListingOrder(sources.length, window, extractAt)) {
      const source = sources[response.id]!;
      if (response.ok) {
        summary.extractMs += response.ms;
        summary.formats[response.source.format]++;
        // A transaction holds at most about MAX_BATCH_FACTS facts, however few reports that is.
        const facts = reportFacts(response.extraction);
        if (batch.length && batchFacts + facts > (options.batchFacts ?? MAX_BATCH_FACTS)) await flush();
        const path = source.path === "-" ? null : source.path;
        const provenance = { ...response.source, path, url: source.url ?? null };
        batch.push({ extraction: response.extraction, source: path, text: response.text, provenance, display: source.display });
        const warning = reportWarning(source.display, response.extraction);
        if (warning) {
          summary.warnings.push(warning);
          summary.warningCounts = countWarnings(summary.warnings);
        }
        batchFacts += facts;
      } else {
        summary.failed.push({ source: source.display, reason: response.error });
        report();
      }
      if (batch.length >= options.batchSize) await flush();
    }
    await flush();
  } finally {
    await pool?.close();
  }
  summary.wallMs = performance.now() - started;
  return summary;
}
