// kg import PATH... : first load of a large corpus into an empty embedded store (neo4j-admin import).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { bulkImport, BulkImportError, type BulkImportSummary } from "../ingest/bulk-import.js";
import { AdminImportError } from "../graph/bulk/admin.js";
import { progressPrinter } from "../ingest/progress.js";
import { listSources } from "../ingest/sources.js";
import { exitWith, wholeNumber } from "./options.js";

export interface ImportCliOptions {
  workers: number;
  store?: string;
  replace?: boolean;
  csvDir?: string;
  json?: boolean;
}

export function addImportCommand(program: Command): void {
  program
    .command("import")
    .description("first load of many reports into an empty embedded store: extract, write CSV, neo4j-admin import, then indexes (the same graph as kg ingest)")
    .argument("<path...>", "report files (any format kg ingest reads); directories: every such file below")
    .option("--workers <n>", "extraction threads (0: extract in the main thread)", wholeNumber(0, 64), Math.max(1, availableParallelism()))
    .option("--store <dir>", "the embedded store to write (default KG_NEO4J_DIR); the server must be stopped")
    .option("--replace", "overwrite a store that already holds a graph (otherwise refused)")
    .option("--csv-dir <dir>", "write the CSV files here and keep them (default: a temporary directory, removed)")
    .option("--json", "print the summary as JSON")
    .action(async (paths: string[], options: ImportCliOptions) => exitWith(await runImport(paths, options)));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function formatImportSummary(s: BulkImportSummary): string {
  const rate = s.imported / Math.max(s.ms.total / 1000, 1e-3);
  const lines = [
    `imported ${s.imported} reports in ${seconds(s.ms.total)} (${rate.toFixed(0)} reports/s): ${s.duplicates} duplicate texts, ${s.failed.length} failed`,
    `  time: extraction and CSV ${seconds(s.ms.extractAndCsv)} (summed over workers: extraction ${seconds(s.extractMs)}, rows ${seconds(s.rowsMs)}; ` +
      `main thread ${seconds(s.csvMs)}), ` +
      `neo4j-admin ${seconds(s.ms.admin)}, indexes ${seconds(s.ms.indexes)}`,
    `  ${s.nodes} nodes and ${s.relationships} relationships; CSV ${megabytes(s.csvBytes)}, store ${megabytes(s.storeBytes)}`,
  ];
  for (const f of s.failed) lines.push(`  failed: ${f.reason}`);
  return lines.join("\n");
}

export async function runImport(paths: string[], options: ImportCliOptions): Promise<number> {
  if (paths.includes("-")) {
    console.error("kg import: reads report files, not standard input (use kg ingest - for one report)");
    return 2;
  }
  const config = loadConfig();
  if (config.neo4j.uri && !options.store) {
    console.error(`kg import: writes the embedded store (KG_NEO4J_DIR), but NEO4J_URI is set (${config.neo4j.uri}); use kg ingest for that server, or --store DIR`);
    return 2;
  }
  const sources = await listSources(paths);
  const storeDir = resolve(options.store ?? config.embedded.dataDir);
  const bar = progressPrinter();
  let barDone = false;
  const endBar = () => {
    if (!barDone) bar.end();
    barDone = true;
  };
  try {
    const summary = await bulkImport(sources, {
      storeDir,
      workers: options.workers,
      replace: options.replace ?? false,
      csvDir: options.csvDir,
      maxFacts: config.maxFactsPerReport,
      heap: config.embedded.heap,
      pageCache: config.embedded.pageCache,
      onProgress: (p) => bar.update(p),
      log: (line) => {
        endBar();
        console.error(line);
      },
    });
    endBar();
    console.log(options.json ? JSON.stringify(summary) : formatImportSummary(summary));
    if (!options.json) console.log(`  store: ${storeDir} (kg neo4j start, kg serve with KG_NEO4J_DIR=${storeDir})`);
    return summary.failed.length ? 1 : 0;
  } catch (error) {
    endBar();
    if (error instanceof BulkImportError || error instanceof AdminImportError) {
      console.error(`kg import: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
