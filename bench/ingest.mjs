// End-to-end benchmark of `kg ingest` into a fresh embedded Neo4j. Prints figures, asserts nothing
// (but exits non-zero when the ingest itself fails).
//   generate N reports (kg generate --seed 1) → start a fresh embedded Neo4j (heap 2g, page cache 1g) on a free port
//   → `kg ingest --json DIR` as a child process (it migrates itself) → throughput, writes/s, peak RSS, Neo4j's CPU time,
//   extraction vs writing split → the same ingest again (everything unchanged) → stop the server (a clean stop
//   checkpoints the store) → the store's size on disk, store files and transaction logs apart → remove temp dirs.
// On a shared machine read the CPU seconds beside the wall times: they move less with the others' load.
// Usage: npm run bench:ingest [-- --reports N] [-- --workers N --batch N]   (--workers/--batch go to kg ingest)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startServer, stopServer } from "../dist/neo4j-server/server.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kg = join(root, "dist/cli/main.js");

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: expected a whole number`);
  return value;
}
const reports = option("--reports", 10000);
const FLOOR = 300; // reports/s end to end (issue 10)
const workers = option("--workers", undefined);
const batch = option("--batch", undefined);
const ingestArgs = [
  ...(workers !== undefined ? ["--workers", String(workers)] : []),
  ...(batch !== undefined ? ["--batch", String(batch)] : []),
];
const effectiveWorkers = workers ?? Math.max(1, availableParallelism()); // kg ingest's default

const fmt = (x, digits = 1) => x.toFixed(digits);
const duMb = (path) => (existsSync(path) ? Number(execFileSync("du", ["-sk", path], { encoding: "utf8" }).split("\t")[0]) / 1024 : 0);
/** CPU seconds (user + system) a process has used so far, from /proc; null where there is no /proc. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second on Linux)
  } catch {
    return null;
  }
}
const verdict = (ok) => (ok ? "ok" : "BELOW FLOOR");
const TIME = "/usr/bin/time";
const memoryMethod = existsSync(TIME) ? `${TIME} -f %M` : "polling /proc/<pid>/status VmHWM";
const ingestCpuMethod = existsSync(TIME) ? "" : " (last poll)";

/** Runs kg ingest --json DIR; returns its summary, exit code, wall time, peak RSS (kB) and CPU seconds. */
function runIngest(uri, dir, scratch) {
  const rssFile = join(scratch, "ingest-maxrss.txt");
  const command = [process.execPath, kg, "ingest", "--json", ...ingestArgs, dir];
  const argv = existsSync(TIME) ? [TIME, "-f", "%M %U %S", "-o", rssFile, ...command] : command;
  const env = { ...process.env, NEO4J_URI: uri };
  for (const name of ["NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete env[name]; // embedded: no auth, default db
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let vmHwmKb = 0;
    let polledCpuS = 0;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const poll = existsSync(TIME)
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) vmHwmKb = Math.max(vmHwmKb, Number(m[1]));
            polledCpuS = cpuSeconds(child.pid) ?? polledCpuS;
          } catch {} // exited between polls
        }, 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (poll) clearInterval(poll);
      const wallMs = performance.now() - started;
      const timed = existsSync(TIME) ? readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ").map(Number) : null;
      const peakKb = timed ? timed[0] : vmHwmKb;
      const cpuS = timed ? timed[1] + timed[2] : polledCpuS;
      const jsonLine = stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      resolve({ code, wallMs, peakKb, cpuS, summary: jsonLine ? JSON.parse(jsonLine) : null, stderr });
    });
  });
}

function failed(run) {
  return run.code !== 0 || !run.summary || run.summary.failed.length > 0;
}

function explainFailure(label, run) {
  console.error(`\n${label} FAILED (exit code ${run.code})`);
  if (run.summary?.failed?.length) for (const f of run.summary.failed.slice(0, 10)) console.error(`  failed: ${f.source}: ${f.reason}`);
  console.error("  last lines of its stderr:\n" + run.stderr.trim().split("\n").slice(-15).map((l) => "    " + l).join("\n"));
}

const scratch = mkdtempSync(join(tmpdir(), "kg-bench-ingest-"));
const reportsDir = join(scratch, "reports");
const serverDir = join(scratch, "neo4j");
let exitCode = 0;
const cleanUp = async () => {
  await stopServer(serverDir).catch((e) => console.error(`stopping the server failed: ${e.message}`));
  rmSync(scratch, { recursive: true, force: true });
};
process.once("SIGINT", () => cleanUp().finally(() => process.exit(130)));

try {
  console.log("== ingest benchmark ==");
  console.log(`${reports} reports, kg ingest options: ${ingestArgs.join(" ") || "(defaults)"}, ${effectiveWorkers} workers, ` +
    `${availableParallelism()} cores; peak memory via ${memoryMethod}\n`);

  let t = performance.now();
  execFileSync(process.execPath, [kg, "generate", "--reports", String(reports), "--seed", "1", reportsDir], { stdio: ["ignore", "ignore", "inherit"] });
  const inputBytes = Number(execFileSync("du", ["-sb", reportsDir], { encoding: "utf8" }).split("\t")[0]);
  console.log(`generated ${reports} reports (${fmt(inputBytes / 1024 / 1024)} MB on disk) in ${fmt((performance.now() - t) / 1000)} s`);

  const server = await startServer({ dataDir: serverDir, port: await freePort(), heap: "2g", pageCache: "1g" });
  const serverCpu = () => cpuSeconds(server.pid);
  console.log(`embedded Neo4j (heap 2g, page cache 1g) answering on ${server.uri} after ${fmt(server.readyMs / 1000)} s\n`);

  // ---- first ingest: everything new --------------------------------------------------------
  const cpuBefore = serverCpu();
  const first = await runIngest(server.uri, reportsDir, scratch);
  const cpuAfter = serverCpu();
  if (failed(first)) {
    explainFailure("ingest", first);
    exitCode = 1;
  }
  if (first.summary) {
    const s = first.summary;
    const wallS = first.wallMs / 1000;
    const rate = s.total / wallS;
    const writes = s.created.nodes + s.created.relationships;
    const extractS = s.extractMs / 1000;
    const perWorkerS = extractS / effectiveWorkers;
    const writeS = s.writeMs / 1000;
    console.log("first ingest (fresh database)");
    console.log(`  reports:            ${s.total} (${s.counts.new} new, ${s.counts.unchanged} unchanged, ${s.counts.updated} updated, ${s.failed.length} failed)`);
    console.log(`  wall:               ${fmt(wallS)} s for the whole kg ingest process (summary wallMs, without start-up/migrations: ${fmt(s.wallMs / 1000)} s)`);
    console.log(`  throughput:         ${fmt(rate)} reports/s end to end   [floor ≥ ${FLOOR} reports/s: ${verdict(rate >= FLOOR)}]`);
    console.log(`  graph writes:       ${s.created.nodes} nodes + ${s.created.relationships} relationships = ${fmt(writes / wallS, 0)} writes/s`);
    console.log(`  peak RSS of ingest: ${fmt(first.peakKb / 1024, 0)} MB (parent process; extraction worker threads share it)`);
    if (cpuBefore !== null && cpuAfter !== null) {
      const ingestCpu = first.cpuS;
      console.log(`  CPU time:           Neo4j ${fmt(cpuAfter - cpuBefore)} s, kg ingest ${fmt(ingestCpu)} s${ingestCpuMethod} (with its extraction threads) ` +
        `= ${fmt((cpuAfter - cpuBefore + ingestCpu) * 1000 / s.total, 1)} ms per report on ${availableParallelism()} cores`);
    }
    console.log(`  data dir while up:  ${fmt(duMb(join(serverDir, "data")))} MB (store pages not yet checkpointed sit in the transaction log)`);
    console.log(`  time split:         extraction ${fmt(extractS)} s summed over ${effectiveWorkers} workers ≈ ${fmt(perWorkerS)} s per worker; writing ${fmt(writeS)} s`);
    console.log(`                      → ${writeS > perWorkerS ? `writing is the slower side (${fmt(writeS / perWorkerS, 1)}× per-worker extraction)` : `extraction is the slower side (${fmt(perWorkerS / writeS, 1)}× writing)`}; ` +
      `per report: extraction ${fmt(s.extractMs / s.total, 2)} ms (summed), writing ${fmt(s.writeMs / s.total, 2)} ms\n`);
  }

  // ---- second ingest: same files, all unchanged --------------------------------------------
  if (!failed(first)) {
    const again = await runIngest(server.uri, reportsDir, scratch);
    if (failed(again)) {
      explainFailure("re-ingest", again);
      exitCode = 1;
    }
    if (again.summary) {
      const s = again.summary;
      console.log("re-ingest (same directory)");
      console.log(`  ${s.total} reports: ${s.counts.unchanged} unchanged, ${s.counts.new} new, ${s.counts.updated} updated, ${s.failed.length} failed`);
      console.log(`  wall: ${fmt(again.wallMs / 1000)} s (${fmt(s.total / (again.wallMs / 1000))} reports/s); extraction ${fmt(s.extractMs / 1000)} s summed, writing ${fmt(s.writeMs / 1000)} s; ` +
        `created ${s.created.nodes} nodes, ${s.created.relationships} relationships; peak RSS ${fmt(again.peakKb / 1024, 0)} MB`);
    }
  }

  // ---- the store on disk, after a clean stop has checkpointed it ------------------------------
  await stopServer(serverDir);
  const data = join(serverDir, "data", "data");
  const storeMb = duMb(join(data, "databases"));
  const logsMb = duMb(join(data, "transactions"));
  console.log(`\nstore on disk after a clean stop: ${fmt(storeMb + logsMb)} MB = store files ${fmt(storeMb)} MB + transaction logs ${fmt(logsMb)} MB`);
} catch (error) {
  console.error(`bench:ingest: ${error instanceof Error ? error.stack : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exitCode = exitCode;
