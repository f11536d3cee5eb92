// The ingest pipeline: sources → extraction (worker threads) → batched, all-or-nothing writes.
import { REPORT_FORMATS, type ReportFormat } from "../io/document.js";
import { firstLine, type Database } from "../graph/driver.js";
import { writeReports, type ReportInput, type WriteStatus } from "../graph/writer.js";
import type { SourceFile } from "./sources.js";
import { ExtractionPool } from "./worker-pool.js";
import { extractOne, type ExtractRequest, type ExtractResponse } from "./worker-protocol.js";

export interface IngestOptions {
  /** extraction worker threads; 0 extracts in this thread */
  workers: number;
  /** reports per write transaction */
  batchSize: number;
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

export async function ingest(db: Database, sources: SourceFile[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = {
    total: sources.length,
    counts: { new: 0, unchanged: 0, updated: 0 },
    failed: [],
    formats: Object.fromEntries(REPORT_FORMATS.map((f) => [f, 0])) as Record<ReportFormat, number>,
    results: [],
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
  const flush = async () => {
    if (!batch.length) return;
    const writing = batch;
    batch = [];
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
      throw new IngestInterruptedError(
        `writing to Neo4j failed after ${summary.results.length} of ${sources.length} reports were written: ${firstLine(error)}. ` +
          `The unfinished batch of ${writing.length} reports was not written; run the same command again to finish.`,
        summary,
      );
    }
  };

  const window = Math.max(options.batchSize * 2, options.workers * 4);
  const inFlight = new Map<number, Promise<ExtractResponse>>();
  let next = 0;
  try {
    while (next < sources.length || inFlight.size) {
      while (next < sources.length && inFlight.size < window) {
        const source = sources[next]!;
        const id = next++;
        const request: ExtractRequest = { id, path: source.path, display: source.display };
        if (source.path === "-") request.bytes = stdin;
        inFlight.set(id, extract(request));
      }
      const response = await Promise.race(inFlight.values());
      inFlight.delete(response.id);
      const source = sources[response.id]!;
      if (response.ok) {
        summary.extractMs += response.ms;
        summary.formats[response.source.format]++;
        const path = source.path === "-" ? null : source.path;
        const provenance = { ...response.source, path, url: source.url ?? null };
        batch.push({ extraction: response.extraction, source: path, text: response.text, provenance, display: source.display });
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
