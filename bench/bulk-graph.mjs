// Building a benchmark graph of N generated reports with the bulk path, for any benchmark:
//   const { storeDir } = await buildBulkGraph({ reports: 100000, dir });
//   startServer({ dataDir: storeDir, ... })  — or KG_NEO4J_DIR=storeDir kg serve
// Runs `kg generate --reports N --seed SEED DIR/reports` (kept when it is there already, so that a
// corpus is generated once per size) and `kg import --json --store DIR/store` as child processes.
// Peak RSS is the largest process of the import's tree (node, neo4j-admin or the Neo4j that
// builds the indexes), as GNU time reports it; the summary carries node's own peak as well.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kg = join(root, "dist/cli/main.js");
const TIME = "/usr/bin/time";

/** Writes N reports into dir/reports unless that holds N already; returns the seconds it took. */
export function generateReports({ reports, seed = "1", dir }) {
  const reportsDir = join(dir, "reports");
  if (existsSync(reportsDir) && readdirSync(reportsDir).length === reports) return { reportsDir, seconds: 0 };
  const started = performance.now();
  execFileSync(process.execPath, [kg, "generate", "--reports", String(reports), "--seed", seed, reportsDir], { stdio: ["ignore", "ignore", "inherit"] });
  return { reportsDir, seconds: (performance.now() - started) / 1000 };
}

/** Runs kg import of dir/reports into dir/store (replacing it); resolves with its summary and peak RSS. */
export function importReports({ dir, workers, replace = true }) {
  const storeDir = join(dir, "store");
  const rssFile = join(dir, "import-maxrss.txt");
  const command = [process.execPath, kg, "import", "--json", "--store", storeDir, ...(replace ? ["--replace"] : []),
    ...(workers !== undefined ? ["--workers", String(workers)] : []), join(dir, "reports")];
  const argv = existsSync(TIME) ? [TIME, "-f", "%M", "-o", rssFile, ...command] : command;
  const env = { ...process.env };
  delete env.NEO4J_URI;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - started;
      const peakKb = existsSync(TIME) && existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : NaN;
      const jsonLine = stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      const summary = jsonLine ? JSON.parse(jsonLine) : null;
      if (code !== 0 || !summary) reject(new Error(`kg import exited ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`));
      else resolve({ storeDir, summary, wallMs, peakKb });
    });
  });
}

/** A graph of N generated reports built with kg import: { storeDir, summary, wallMs, peakKb, generateSeconds }. */
export async function buildBulkGraph({ reports, seed = "1", dir, workers }) {
  const generated = generateReports({ reports, seed, dir });
  const imported = await importReports({ dir, workers });
  return { ...imported, generateSeconds: generated.seconds };
}
