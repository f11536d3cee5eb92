// kg ingest PATH... : extracts reports and writes them into Neo4j.
import { availableParallelism } from "node:os";
import { loadConfig } from "../config.js";
import { connect } from "../graph/connect.js";
import { migrate } from "../graph/migrate.js";
import { ingest, IngestInterruptedError, type IngestSummary } from "../ingest/ingest.js";
import { progressPrinter } from "../ingest/progress.js";
import { listSources } from "../ingest/sources.js";

export const ingestHelp = `kg ingest [--workers N] [--batch N] [--json] PATH...
                               extract report files (directories: every *.txt below; - : stdin) into Neo4j;
                               --workers: extraction threads (default: one per core); --batch: reports per transaction (200);
                               --json prints the summary as JSON (counts, failures, timings, nodes and relationships created)`;

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(args[at + 1] ?? "")}`);
  args.splice(at, 2);
  return value;
}

export function formatSummary(s: IngestSummary): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `ingested ${s.total} reports in ${seconds(s.wallMs)}: ${s.counts.new} new, ${s.counts.unchanged} unchanged, ${s.counts.updated} updated, ${s.failed.length} failed`,
    `  time: extraction ${seconds(s.extractMs)} (summed over workers), writing ${seconds(s.writeMs)}; created ${s.created.nodes} nodes and ${s.created.relationships} relationships`,
  ];
  for (const f of s.failed) lines.push(`  failed: ${f.reason}`);
  return lines.join("\n");
}

export async function runIngest(argv: string[]): Promise<number> {
  const args = [...argv];
  const workers = option(args, "--workers", Math.max(1, availableParallelism()));
  const batchSize = Math.max(1, option(args, "--batch", 200));
  const json = args.includes("--json");
  if (json) args.splice(args.indexOf("--json"), 1);
  const print = (summary: IngestSummary) =>
    console.log(json ? JSON.stringify({ ...summary, results: undefined }) : formatSummary(summary));
  if (!args.length) {
    console.error("kg ingest: give at least one PATH (file, directory, or - for stdin)");
    return 2;
  }
  const sources = await listSources(args);
  const config = loadConfig();
  const db = await connect(config, (line) => console.error(line));
  const progress = progressPrinter();
  try {
    await migrate(db);
    const summary = await ingest(db, sources, { workers, batchSize, maxFacts: config.maxFactsPerReport, onProgress: (p) => progress.update(p) });
    progress.end();
    print(summary);
    return summary.failed.length ? 1 : 0;
  } catch (error) {
    progress.end();
    if (error instanceof IngestInterruptedError) {
      console.error(`kg ingest: ${error.message}`);
      print(error.summary);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
