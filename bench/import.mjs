// Benchmark of the bulk path, `kg import` (extraction → CSV → neo4j-admin database import → indexes),
// at one or more sizes. Prints figures, asserts nothing (exits non-zero when an import fails).
// After each import it extracts a sample of the same reports in this process, one thread, warm:
// extraction alone, and the whole of a worker's job (read, extract, make the CSV rows), so that
// the import's first phase can be set against what the cores allow at most.
// Usage: npm run bench:import [-- --reports 10000,100000] [-- --workers N] [-- --keep DIR]
//   --keep DIR: build in DIR and leave the reports and stores there (DIR/N/store), for bench:api.
import { mkdtempSync, rmSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import { generateReports, importReports } from "./bulk-graph.mjs";

function option(name) {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}
const sizes = (option("--reports") ?? "10000").split(",").map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--reports: expected whole numbers, got ${s}`);
  return n;
});
const workers = option("--workers") === undefined ? undefined : Number(option("--workers"));
const keep = option("--keep");
const FLOOR = 2000;
const SAMPLE = 500;
const dist = (path) => pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "..", "dist", path)).href;

/** Reports per second on one thread, warm, over the first SAMPLE reports: extraction alone, and a worker's whole job. */
async function oneCoreRates(reportsDir) {
  const { extractReport } = await import(dist("extract/index.js"));
  const { rowsOfOne } = await import(dist("ingest/worker-protocol.js"));
  const paths = readdirSync(reportsDir).sort().slice(0, SAMPLE).map((f) => join(reportsDir, f));
  const texts = paths.map((p) => readFileSync(p, "utf8"));
  for (const text of texts.slice(0, 50)) extractReport(text);
  let started = performance.now();
  for (const text of texts) extractReport(text);
  const extraction = texts.length / ((performance.now() - started) / 1000);
  for (const [i, path] of paths.slice(0, 50).entries()) await rowsOfOne({ id: i, path, display: path, maxFacts: 5000, url: null });
  started = performance.now();
  for (const [i, path] of paths.entries()) await rowsOfOne({ id: i, path, display: path, maxFacts: 5000, url: null });
  return { extraction, workerJob: paths.length / ((performance.now() - started) / 1000) };
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "?");
const mb = (bytes) => fmt(bytes / 1e6);
const scratch = keep ?? mkdtempSync(join(tmpdir(), "kg-bench-import-"));
const rows = [];
let exitCode = 0;

console.log("== bulk import benchmark (kg import) ==");
console.log(`sizes ${sizes.join(", ")}; ${workers ?? availableParallelism()} extraction workers, ${availableParallelism()} cores; ` +
  `the machine may be shared: read the split and the ratios, not only the totals\n`);
try {
  for (const reports of sizes) {
    const dir = join(scratch, String(reports));
    mkdirSync(dir, { recursive: true });
    const generated = generateReports({ reports, dir });
    const inputBytes = Number(execFileSync("du", ["-sb", generated.reportsDir], { encoding: "utf8" }).split("\t")[0]);
    console.log(`${reports} reports: ${mb(inputBytes)} MB of text${generated.seconds ? `, generated in ${fmt(generated.seconds)} s` : " (generated before)"}`);
    try {
      const { summary: s, wallMs, peakKb, storeDir } = await importReports({ dir, workers });
      const seconds = (ms) => ms / 1000;
      const oneCore = await oneCoreRates(generated.reportsDir);
      const row = {
        reports: s.imported,
        wall: seconds(wallMs),
        rate: s.imported / seconds(wallMs),
        extractCsv: seconds(s.ms.extractAndCsv),
        extractRate: s.imported / seconds(s.ms.extractAndCsv),
        extractSummed: seconds(s.extractMs),
        rowsSummed: seconds(s.rowsMs),
        csvRows: seconds(s.csvMs),
        oneCore,
        admin: seconds(s.ms.admin),
        indexes: seconds(s.ms.indexes),
        loadRate: s.imported / seconds(s.ms.admin + s.ms.indexes),
        nodes: s.nodes,
        relationships: s.relationships,
        csvMb: s.csvBytes / 1e6,
        storeMb: s.storeBytes / 1e6,
        nodeRssMb: s.nodePeakRssBytes / 1e6,
        treeRssMb: peakKb / 1024,
        storeDir,
      };
      rows.push(row);
      console.log(`  ${fmt(row.wall)} s end to end: ${fmt(row.rate, 0)} reports/s; ${row.nodes} nodes, ${row.relationships} relationships\n`);
    } catch (error) {
      console.error(`  FAILED: ${error.message}\n`);
      exitCode = 1;
    }
  }

  if (rows.length) {
    console.log("| reports | end to end | reports/s | extraction + CSV (reports/s) | extraction, summed over workers | CSV rows, summed over workers | main thread | neo4j-admin | indexes | load only (admin + indexes), reports/s | CSV | store | peak RSS kg import (node) | peak RSS, largest process |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of rows) {
      console.log(`| ${r.reports} | ${fmt(r.wall)} s | ${fmt(r.rate, 0)} | ${fmt(r.extractCsv)} s (${fmt(r.extractRate, 0)}) | ${fmt(r.extractSummed)} s | ${fmt(r.rowsSummed)} s | ${fmt(r.csvRows)} s | ` +
        `${fmt(r.admin)} s | ${fmt(r.indexes)} s | ${fmt(r.loadRate, 0)} | ${fmt(r.csvMb)} MB | ${fmt(r.storeMb)} MB | ${fmt(r.nodeRssMb, 0)} MB | ${fmt(r.treeRssMb, 0)} MB |`);
    }
    const cores = availableParallelism();
    console.log(`\nwhat the cores allow (one thread, warm, first ${SAMPLE} of the same reports, measured right after each import):`);
    console.log("| reports | extraction alone, 1 core | worker's job (read + extract + rows), 1 core | × " + cores + " cores | extraction + CSV phase, share of that | end to end, share of that |");
    console.log("|---|---|---|---|---|---|");
    for (const r of rows) {
      const ceiling = r.oneCore.workerJob * cores;
      console.log(`| ${r.reports} | ${fmt(r.oneCore.extraction, 0)} reports/s | ${fmt(r.oneCore.workerJob, 0)} reports/s | ${fmt(ceiling, 0)} reports/s | ` +
        `${fmt((100 * r.extractRate) / ceiling, 0)} % | ${fmt((100 * r.rate) / ceiling, 0)} % |`);
    }
    console.log(`\nfloor ${FLOOR} reports/s end to end: ${rows.map((r) => `${r.reports}: ${fmt(r.rate / FLOOR, 2)}× the floor (${r.rate >= FLOOR ? "ok" : "BELOW FLOOR"})`).join("; ")}`);
    if (rows.length > 1) {
      const [a, b] = [rows[0], rows[rows.length - 1]];
      console.log(`growth ${a.reports} → ${b.reports} (${fmt(b.reports / a.reports, 0)}× the reports): end to end ${fmt(b.wall / a.wall, 1)}×, store ${fmt(b.storeMb / a.storeMb, 1)}×`);
    }
    if (keep) for (const r of rows) console.log(`store of ${r.reports} reports kept in ${r.storeDir}`);
  }
} finally {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
