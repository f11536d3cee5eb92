// Load benchmark of the GraphQL API on a realistic graph. Prints figures; asserts nothing, but
// exits non-zero when the graph cannot be built or the server cannot start.
//   generate N reports (kg generate --seed 1) → fresh embedded Neo4j → kg ingest → kg serve
//   → for each query: C concurrent clients for D seconds (bench/load.mjs) → req/s, p50, p95, p99, errors.
// Usage: npm run bench:api [-- --reports N --duration S --connections C]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startServer, stopServer } from "../dist/neo4j-server/server.js";
import { runLoad } from "./load.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kg = join(root, "dist/cli/main.js");
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const reports = option("--reports", 10000);
const durationS = option("--duration", 30);
const connections = option("--connections", 50);

const scratch = mkdtempSync(join(tmpdir(), "kg-bench-api-"));
const serverDir = join(scratch, "neo4j");
const reportsDir = join(scratch, "reports");
let service;

function startService(uri) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kg, "serve"], { env: { ...process.env, NEO4J_URI: uri, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const read = (d) => {
      output += d;
      const m = /GraphQL: (http:\/\/\S+\/graphql)/.exec(output);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`kg serve exited (${code}): ${output}`)));
  });
}

async function gql(url, query) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const body = (query) => JSON.stringify({ query });
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");

try {
  console.log("== API benchmark ==");
  console.log(`${reports} reports; ${connections} concurrent clients, ${durationS} s per query\n`);
  execFileSync(process.execPath, [kg, "generate", "--reports", String(reports), "--seed", "1", reportsDir], { stdio: ["ignore", "ignore", "inherit"] });
  const server = await startServer({ dataDir: serverDir, port: await freePort(), heap: "2g", pageCache: "1g" });
  let t = performance.now();
  execFileSync(process.execPath, [kg, "ingest", reportsDir], { env: { ...process.env, NEO4J_URI: server.uri }, stdio: ["ignore", "ignore", "inherit"] });
  console.log(`graph built: ${reports} reports ingested in ${fmt((performance.now() - t) / 1000)} s`);
  service = await startService(server.uri);

  // Arguments drawn from the graph itself, so that lookups vary over real entities.
  const districts = (await gql(service.url, `{ recurringPrograms(first: 1) { edges { node { jurisdictions { code } } } } }`))
    .recurringPrograms.edges[0].node.jurisdictions.map((j) => j.code);
  const programs = (await gql(service.url, `{ recurringPrograms(first: 40) { edges { node { program { name } } } } }`))
    .recurringPrograms.edges.map((e) => e.node.program.name);
  const terms = [...new Set(programs.map((p) => p.slice(0, 2)))];
  console.log(`sampled ${districts.length} districts, ${programs.length} programmes, ${terms.length} search terms\n`);

  const pick = (list, i) => list[i % list.length];
  const scenarios = [
    {
      name: "recurringPrograms",
      floor: 50,
      body: (i) => body(`{ recurringPrograms(level: DISTRICT, minJurisdictions: 2, first: 10${i % 2 ? ", year: 2023" : ""}) { totalCount edges { node { program { name } jurisdictionCount firstYear lastYear } } } }`),
    },
    {
      name: "jurisdiction + programmes + firms",
      floor: 30,
      body: (i) => body(`{ jurisdiction(code: "${pick(districts, i)}") { name level parent { name } programs(first: 10) { totalCount edges { node { program { name } reports } } } lawFirms { lawFirm { name } year } } }`),
    },
    {
      name: "program + jurisdictions",
      floor: 30,
      body: (i) => body(`{ program(name: "${pick(programs, i)}") { name jurisdictions(level: DISTRICT, first: 20) { totalCount edges { node { jurisdiction { name } reports firstYear lastYear } } } } }`),
    },
    {
      name: "search",
      floor: 30,
      body: (i) => body(`{ search(text: "${pick(terms, i)}", first: 10) { score node { id __typename } } }`),
    },
  ];

  // As clients ask: repeated questions, answered from the server's answer cache once computed.
  const rows = [];
  for (const s of scenarios) {
    await runLoad({ url: service.url, connections, durationMs: 3000, nextBody: s.body }); // warm-up
    const r = await runLoad({ url: service.url, connections, durationMs: durationS * 1000, nextBody: s.body });
    rows.push({ ...s, ...r });
    if (r.firstError) console.log(`  ${s.name}: first error: ${r.firstError}`);
  }
  // Every request new to the server (a unique alias defeats the cache): what Neo4j itself takes.
  const coldRows = [];
  const coldS = Math.max(5, Math.round(durationS / 3));
  for (const s of scenarios) {
    const unique = (i) => s.body(i).replace('{"query":"{ ', `{"query":"{ q${i}: `);
    const r = await runLoad({ url: service.url, connections, durationMs: coldS * 1000, nextBody: unique });
    coldRows.push({ ...s, ...r });
    if (r.firstError) console.log(`  ${s.name} (uncached): first error: ${r.firstError}`);
  }
  const header = "query                               req/s    p50 ms   p95 ms   p99 ms   errors";
  const line = (r) => `${r.name.padEnd(34)} ${fmt(r.rps).padStart(7)} ${fmt(r.p50).padStart(9)} ${fmt(r.p95).padStart(8)} ${fmt(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`;
  console.log(`repeated questions (${durationS} s each; the answer cache serves what it has seen)`);
  console.log(header + "   p95 floor");
  for (const r of rows) console.log(`${line(r)}   ≤ ${r.floor} ms ${r.errors === 0 && r.p95 <= r.floor ? "ok" : "MISSED"}`);
  console.log(`\nevery request new (${coldS} s each; no cache: Neo4j answers each one)`);
  console.log(header);
  for (const r of coldRows) console.log(line(r));
} catch (error) {
  console.error(`bench:api: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  if (service) {
    service.child.kill("SIGTERM");
    await new Promise((r) => service.child.once("exit", r));
  }
  await stopServer(serverDir).catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
}
