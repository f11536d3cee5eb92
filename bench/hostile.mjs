// Hostile-client benchmark: do well-behaved clients keep their latency while others send the
// worst queries the server accepts, alias batches and refused queries? Prints p95 of the
// well-behaved clients alone and under attack, and their ratio (the floor: at most 2×).
//   generate N reports → fresh embedded Neo4j → kg ingest → kg serve
//   → C well-behaved clients for D s alone → the same again with H hostile clients alongside.
// Usage: npm run bench:hostile [-- --reports N --duration S --connections C --hostile H]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startServer, stopServer } from "../dist/neo4j-server/server.js";
import { runLoad } from "./load.mjs";
import { gql, startService } from "./service.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kg = join(root, "dist/cli/main.js");
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const reports = option("--reports", 500);
const durationS = option("--duration", 10);
const connections = option("--connections", 20);
const hostileClients = option("--hostile", 2);
const FLOOR = 2;

const scratch = mkdtempSync(join(tmpdir(), "kg-bench-hostile-"));
const serverDir = join(scratch, "neo4j");
const reportsDir = join(scratch, "reports");
let service;

const body = (query) => JSON.stringify({ query });
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");

function fanOut(levels) {
  const fragments = ["fragment F0 on Jurisdiction { name }"];
  for (let k = 1; k <= levels; k++) fragments.push(`fragment F${k} on Jurisdiction { ...F${k - 1} ...F${k - 1} }`);
  return `{ jurisdiction(code: "33") { ...F${levels} } }\n${fragments.join("\n")}`;
}

try {
  console.log("== hostile-client benchmark ==");
  console.log(`${reports} reports; ${connections} well-behaved clients, ${hostileClients} hostile clients, ${durationS} s per run\n`);
  execFileSync(process.execPath, [kg, "generate", "--reports", String(reports), "--seed", "1", reportsDir], { stdio: ["ignore", "ignore", "inherit"] });
  const server = await startServer({ dataDir: serverDir, port: await freePort(), heap: "1g", pageCache: "512m" });
  execFileSync(process.execPath, [kg, "ingest", reportsDir], { env: { ...process.env, NEO4J_URI: server.uri }, stdio: ["ignore", "ignore", "inherit"] });
  service = await startService(server.uri);

  const districts = (await gql(service.url, `{ recurringPrograms(first: 1) { edges { node { jurisdictions { code } } } } }`))
    .recurringPrograms.edges[0].node.jurisdictions.map((j) => j.code);
  const programs = (await gql(service.url, `{ recurringPrograms(first: 40) { edges { node { program { name } } } } }`))
    .recurringPrograms.edges.map((e) => e.node.program.name);
  const pick = (list, i) => list[i % list.length];

  // Well-behaved: everyday questions, each new to the server (a unique alias defeats the answer cache).
  const polite = [
    (i) => `{ q${i}: jurisdiction(code: "${pick(districts, i)}") { name parent { name } programs(first: 10) { edges { node { program { name } reports } } } } }`,
    (i) => `{ q${i}: recurringPrograms(level: DISTRICT, minJurisdictions: 2, first: 10) { totalCount edges { node { program { name } jurisdictionCount } } } }`,
    (i) => `{ q${i}: program(name: "${pick(programs, i)}") { name jurisdictions(first: 10) { edges { node { jurisdiction { name } reports } } } } }`,
    (i) => `{ q${i}: search(text: "${pick(programs, i).slice(0, 2)}", first: 10) { score node { id } } }`,
  ];
  const politeBody = (i) => body(pick(polite, i)(i));

  // Hostile: the costliest queries the analysis accepts (just under KG_MAX_COST), batches of
  // 20 aliases (the most accepted), and queries that are refused (500 aliases, fragment fan-out).
  const aliases = (n, i) => `{ ${Array.from({ length: n }, (_, k) => `a${k}: recurringPrograms(minJurisdictions: ${(i + k) % 50 + 1}, first: 1) { totalCount }`).join(" ")} }`;
  const hostile = [
    (i) => `{ q${i}: reports(first: 24) { edges { node { title metrics { key value unit sentence } } } } }`,
    (i) => aliases(20, i),
    (i) => `{ q${i}: lawFirms(first: 20) { edges { node { name advises { year jurisdiction { name lawFirms { year lawFirm { name } } } } } } } }`,
    (i) => aliases(500, i),
    () => fanOut(23),
  ];
  const hostileBody = (i) => body(pick(hostile, i)(i));

  const measure = (nextBody, clients) => runLoad({ url: service.url, connections: clients, durationMs: durationS * 1000, nextBody });
  await runLoad({ url: service.url, connections, durationMs: 3000, nextBody: politeBody }); // warm-up
  const alone = await measure(politeBody, connections);
  const [attacked, attackers] = await Promise.all([measure((i) => politeBody(i + 1_000_000), connections), measure(hostileBody, hostileClients)]);

  const header = "run                                   req/s    p50 ms   p95 ms   p99 ms   errors";
  const line = (name, r) => `${name.padEnd(36)} ${fmt(r.rps).padStart(7)} ${fmt(r.p50).padStart(9)} ${fmt(r.p95).padStart(8)} ${fmt(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`;
  console.log(header);
  console.log(line(`${connections} well-behaved, alone`, alone));
  console.log(line(`${connections} well-behaved, under attack`, attacked));
  console.log(line(`${hostileClients} hostile (errors = refusals)`, attackers));
  if (alone.firstError) console.log(`  well-behaved alone: first error: ${alone.firstError}`);
  if (attacked.firstError) console.log(`  well-behaved under attack: first error: ${attacked.firstError}`);
  const ratio = attacked.p95 / alone.p95;
  console.log(`\nwell-behaved p95: ${fmt(alone.p95)} ms alone, ${fmt(attacked.p95)} ms under attack: ratio ${fmt(ratio, 2)} (floor ≤ ${FLOOR}×) ${ratio <= FLOOR && attacked.errors === 0 ? "ok" : "MISSED"}`);
} catch (error) {
  console.error(`bench:hostile: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  if (service) {
    service.child.kill("SIGTERM");
    await new Promise((r) => service.child.once("exit", r));
  }
  await stopServer(serverDir).catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
}
