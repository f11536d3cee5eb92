// kg ingest PATH... : extracts reports and writes them into Neo4j.
import { availableParallelism } from "node:os";
import { InvalidArgumentError, type Command } from "commander";
import { loadConfig } from "../config.js";
import { connect } from "../graph/connect.js";
import { migrate } from "../graph/migrate.js";
import { ingest, IngestInterruptedError, type IngestSummary } from "../ingest/ingest.js";
import { progressPrinter } from "../ingest/progress.js";
import { checkSourceUrl, listSources } from "../ingest/sources.js";
import { formatWarning } from "../ingest/warnings.js";
import { exitWith, wholeNumber } from "./options.js";

export interface IngestCliOptions {
  workers: number;
  batch: number;
  json?: boolean;
  sourceUrl?: string;
}

function sourceUrl(raw: string): string {
  try {
    return checkSourceUrl(raw, "--source-url");
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function addIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("extract report files and write them into Neo4j (starts the embedded Neo4j when NEO4J_URI is unset)")
    .argument("<path...>", 'report files (text in any encoding, .html, .pdf, .docx); directories: every such file below; "-": standard input')
    .option("--workers <n>", "extraction threads (0: extract in the main thread)", wholeNumber(0, 64), Math.max(1, availableParallelism()))
    .option("--batch <n>", "reports per write transaction", wholeNumber(1, 10_000), 200)
    .option("--source-url <url>", "where the one report given was published (else a sidecar NAME.url file beside a report gives it)", sourceUrl)
    .option("--json", "print the summary as JSON (counts, failures, timings, nodes and relationships created)")
    .action(async (paths: string[], options: IngestCliOptions) => exitWith(await runIngest(paths, options)));
}

export function formatSummary(s: IngestSummary): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `ingested ${s.total} reports in ${seconds(s.wallMs)}: ${s.counts.new} new, ${s.counts.unchanged} unchanged, ${s.counts.updated} updated, ${s.failed.length} failed`,
    `  time: extraction ${seconds(s.extractMs)} (summed over workers), writing ${seconds(s.writeMs)}; created ${s.created.nodes} nodes and ${s.created.relationships} relationships`,
  ];
  const formats = Object.entries(s.formats).filter(([, n]) => n > 0);
  if (formats.length) lines.push(`  read: ${formats.map(([format, n]) => `${n} ${format}`).join(", ")}`);
  for (const f of s.failed) lines.push(`  failed: ${f.reason}`);
  const w = s.warningCounts;
  if (w.reports) {
    lines.push(`  ${w.reports} reports with something unresolved: ${w.noSubject} without a subject, ${w.noYear} without a year, ${w.unlinkedNames} place names without a code`);
    for (const warning of s.warnings) lines.push(`  warning: ${formatWarning(warning)}`);
  }
  return lines.join("\n");
}

export async function runIngest(paths: string[], { workers, batch: batchSize, json, sourceUrl }: IngestCliOptions): Promise<number> {
  const print = (summary: IngestSummary) =>
    console.log(json ? JSON.stringify({ ...summary, results: undefined }) : formatSummary(summary));
  const sources = await listSources(paths);
  if (sourceUrl) {
    if (sources.length !== 1) {
      console.error(`kg ingest: --source-url names the URL of one report; ${sources.length} were given (use NAME.url files beside several)`);
      return 2;
    }
    sources[0] = { ...sources[0]!, url: sourceUrl, urlWarning: undefined };
  }
  for (const source of sources) if (source.urlWarning) console.error(`kg ingest: warning: ${source.urlWarning}`);
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
