// Load benchmark of the GraphQL API. Prints figures and ratios; asserts nothing, but exits non-zero
// when a graph cannot be built or the server cannot start.
//
// For each size: kg generate --seed 1 → fresh embedded Neo4j → kg ingest or kg import (peak RSS, time) → kg serve.
// Headline, uncached: every request carries a new argument drawn from the graph (and a unique
// alias, so the answer cache cannot replay it), at 1, 10 and 50 clients, for each README question
// and a lookup mix; beside it, in the same run, one hand-written Cypher query per question sent
// through the driver with the same arguments and concurrency, and the ratio of the two p50s.
// Then the cached case (the same request repeated). With two sizes, the growth of each p50.
// Usage: npm run bench:api [-- --sizes 10000,100000 --duration S --clients 1,10,50]
//        npm run bench:api -- --uri bolt://…[,bolt://…]   (graphs already loaded, smallest first,
//          served at once and measured side by side, question by question)
//        --build import: load with kg import (the bulk path) instead of kg ingest
//        --only WORD,…: the questions whose name holds a word; --kg PATH: serve with another build's CLI
//        --timing: kg serve sends Server-Timing; prints where each question's time goes at 1 client
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { disableNagle } from "../dist/graph/nodelay.js";
import { freePort, startServer, stopServer } from "../dist/neo4j-server/server.js";
import { Agent } from "node:http";
import { medianPhases, newTally, percentile, runLoad, timedPost } from "./load.mjs";
import { startService } from "./service.mjs";

// The hand-written queries go through a driver set up as the server's is (TCP_NODELAY, the same
// database named, read routing).
disableNagle();
const READ = { database: process.env.NEO4J_DATABASE || "neo4j", routing: "READ" };
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kg = join(root, "dist/cli/main.js");
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1];
};
const sizes = option("--sizes", option("--reports", "10000")).split(",").map(Number);
const durationMs = Number(option("--duration", "5")) * 1000;
const clientCounts = option("--clients", "1,10,50").split(",").map(Number);
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
const pad = (s, n) => String(s).padStart(n);

/** Runs kg with peak RSS from /usr/bin/time when present. */
function timedKg(args, env, scratch) {
  const rssFile = join(scratch, "rss.txt");
  const command = [process.execPath, kg, ...args];
  const argv = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", "%M", "-o", rssFile, ...command] : command;
  const started = performance.now();
  execFileSync(argv[0], argv.slice(1), { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const seconds = (performance.now() - started) / 1000;
  const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : NaN;
  return { seconds, rssMb };
}

/** C clients each running the next hand-written query as soon as the previous one answered. */
async function runCypherLoad(driver, clients, ms, next) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + ms;
  let sent = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const [cypher, params] = next(sent++);
      const t = performance.now();
      try {
        await driver.executeQuery(cypher, params, READ);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / ((performance.now() - t) / 1000), p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

/** Latency figures of one side; req/s as one client doing only this would get (sum of its own latencies). */
function summary(latencies, errors) {
  const busy = latencies.reduce((a, b) => a + b, 0) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / busy, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

/**
 * One client alternating the two sides request by request, the same argument on both: on a
 * shared machine whatever else runs slows both alike, where back-to-back cells of a few seconds
 * each can meet different loads.
 */
async function runInterleaved(url, driver, ms, q) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const api = newTally();
  const [cypher, autoCommit] = [[], []];
  let [cypherErrors, autoErrors] = [0, 0];
  const deadline = performance.now() + ms;
  for (let i = 0; performance.now() < deadline; i++) {
    await timedPost(agent, url, uncachedBody(q.gql(i), i), api);
    const [cypherText, params] = q.cypher(i);
    let t = performance.now();
    try {
      await driver.executeQuery(cypherText, params, READ);
      cypher.push(performance.now() - t);
    } catch {
      cypherErrors++;
    }
    // The same query as an auto-commit statement (one round trip, no retry), as kg serve sends its reads.
    const session = driver.session({ database: READ.database, defaultAccessMode: neo4j.session.READ });
    t = performance.now();
    try {
      await session.run(cypherText, params);
      autoCommit.push(performance.now() - t);
    } catch {
      autoErrors++;
    } finally {
      await session.close();
    }
  }
  agent.destroy();
  return {
    api: { ...summary(api.latencies, api.errors), phases: medianPhases(api.timings), firstError: api.firstError },
    cypher: summary(cypher, cypherErrors),
    autoCommit: summary(autoCommit, autoErrors),
  };
}

/** Arguments drawn from the graph: real places, programmes, firms and metric keys. */
async function sample(driver) {
  const rows = async (cypher) => (await driver.executeQuery(cypher)).records.map((r) => r.toObject());
  const districts = (await rows("MATCH (j:Jurisdiction {level: 'DISTRICT'}) WHERE EXISTS { (j)<-[:ABOUT]-() } RETURN j.code AS c LIMIT 400")).map((r) => r.c);
  const townships = (await rows("MATCH (j:Jurisdiction {level: 'TOWNSHIP'}) WHERE EXISTS { (j)<-[:ABOUT]-() } RETURN j.code AS c LIMIT 400")).map((r) => r.c);
  const programs = (await rows("MATCH (p:Program) RETURN p.name AS n, coalesce(p.aliases, []) AS a")).flatMap((r) => [r.n, ...r.a.slice(0, 2)]);
  const firms = (await rows("MATCH (f:LawFirm) WHERE EXISTS { (f)-[:ADVISES]->() } RETURN f.name AS n LIMIT 400")).map((r) => r.n);
  const provinces = (await rows("MATCH (j:Jurisdiction {level: 'PROVINCE'}) RETURN j.code AS c")).map((r) => r.c);
  const metricPlaces = (await rows(
    "MATCH (j:Jurisdiction {level: 'TOWNSHIP'}) WHERE EXISTS { (j)<-[:OF]-(:Metric) } RETURN j.code AS c LIMIT 300")).map((r) => r.c);
  const metricKeys = ["出庭应诉率", "调处纠纷", "法律咨询", "行政复议", "普法"];
  const terms = [...new Set(programs.map((p) => p.slice(0, 2)))];
  return { districts, townships, programs, firms, provinces, metricPlaces, metricKeys, terms, years: [2019, 2020, 2021, 2022, 2023, 2024] };
}

const pick = (list, i) => list[i % list.length];
const pickThree = (list, i) => [pick(list, i), pick(list, i * 7 + 3), pick(list, i * 13 + 5)];

/** Each question: a GraphQL query and the hand-written Cypher that answers it, for request i. */
function questions(s) {
  const recurringFilter = (i) => ({ year: i % 2 ? pick(s.years, i) : null, within: i % 3 ? pick(s.provinces, i) : null, min: 2 + (i % 3) });
  const recurringGql = (f, level = "DISTRICT") =>
    `recurringPrograms(level: ${level}, minJurisdictions: ${f.min}, first: 10${f.year ? `, year: ${f.year}` : ""}${f.within ? `, within: "${f.within}"` : ""}) { totalCount edges { node { program { name } jurisdictionCount firstYear lastYear } } }`;
  // The hand-written one reads the same roll-ups (they are part of the model), in one statement.
  const recurringCypher = `MATCH (x:ProgramRollup) WHERE x.code = $area AND x.year = $year AND x.districts >= $min
    WITH x ORDER BY x.districts DESC, x.program LIMIT 10 MATCH (p:Program {key: x.program})
    RETURN p.name AS name, x.districts AS places, x.firstYear AS firstYear, x.lastYear AS lastYear`;
  const recurringCount = `MATCH (x:ProgramRollup) WHERE x.code = $area AND x.year = $year AND x.districts >= $min RETURN count(x) AS total`;
  return [
    {
      name: "recurringPrograms, no filter",
      lookup: false,
      gql: (i) => recurringGql({ year: null, within: null, min: 2 + (i % 5) }),
      cypher: (i) => [`CALL () { ${recurringCypher} } WITH collect(name) AS page CALL () { ${recurringCount} } RETURN page, total`, { area: "ALL", year: 0, min: 2 + (i % 5) }],
    },
    {
      name: "recurringPrograms, year/region",
      lookup: false,
      gql: (i) => recurringGql(recurringFilter(i)),
      cypher: (i) => {
        const f = recurringFilter(i);
        return [`CALL () { ${recurringCypher} } WITH collect(name) AS page CALL () { ${recurringCount} } RETURN page, total`, { area: f.within ?? "ALL", year: f.year ?? 0, min: f.min }];
      },
    },
    {
      name: "lawFirm + lawyers + advises",
      lookup: true,
      gql: (i) => `lawFirm(name: "${pick(s.firms, i)}") { name lawyers { name } advises { jurisdiction { name code } year } }`,
      cypher: (i) => [
        // advises as the API answers it: the first 50 (its list bound) in place order.
        `MATCH (f:LawFirm {name: $name})
         CALL (f) { MATCH (f)-[a:ADVISES]->(j:Jurisdiction) WITH a, j ORDER BY j.code, a.year LIMIT 50
                    RETURN collect({name: j.name, code: j.code, year: a.year}) AS advises }
         RETURN f.name, [(p:Person)-[:WORKS_AT]->(f) | p.name] AS lawyers, advises`,
        { name: pick(s.firms, i) },
      ],
    },
    {
      name: "compareMetrics, 3 places × 2 years",
      lookup: true,
      gql: (i) => `compareMetrics(key: "${pick(s.metricKeys, i)}", jurisdictions: ${JSON.stringify(pickThree(s.metricPlaces, i))}, years: [2022, 2023]) { jurisdiction { name } year metrics { key value unit qualifier } }`,
      cypher: (i) => [
        `MATCH (j:Jurisdiction) WHERE j.code IN $codes
         MATCH (m:Metric)-[:OF]->(j) WHERE m.key CONTAINS $key AND m.year IN [2022, 2023]
         RETURN j.name, m.year, m.key, m.value, m.unit, m.qualifier ORDER BY j.code, m.year, m.key`,
        { codes: pickThree(s.metricPlaces, i), key: pick(s.metricKeys, i) },
      ],
    },
    {
      name: "jurisdiction + programmes + firms",
      lookup: true,
      gql: (i) => `jurisdiction(code: "${pick(s.districts, i)}") { name level parent { name } programs(first: 10) { edges { node { program { name } reports } } } lawFirms { lawFirm { name } year } }`,
      cypher: (i) => [
        `MATCH (j:Jurisdiction {code: $code})
         OPTIONAL MATCH (j)-[:PART_OF]->(parent:Jurisdiction)
         CALL (j) { MATCH (x:ProgramRollup) WHERE x.code = j.code AND x.year = 0
                    WITH x ORDER BY x.reports DESC, x.program LIMIT 10 MATCH (p:Program {key: x.program})
                    RETURN collect({name: p.name, reports: x.reports}) AS programs }
         RETURN j.name, j.level, parent.name, programs, [(f:LawFirm)-[a:ADVISES]->(j) | {name: f.name, year: a.year}] AS firms`,
        { code: pick(s.districts, i) },
      ],
    },
    {
      name: "program + places + reports",
      lookup: true,
      gql: (i) => `program(name: "${pick(s.programs, i)}") { name jurisdictions(level: DISTRICT, first: 20) { edges { node { jurisdiction { name } reports firstYear lastYear } } } reports(first: 10) { edges { node { reportId year } } } }`,
      cypher: (i) => [
        `CALL () { MATCH (p:Program {name: $name}) RETURN p UNION MATCH (:ProgramAlias {name: $name})-[:NAMES]->(p:Program) RETURN p }
         WITH p LIMIT 1
         // places in code order from the index on (program, level, year, code), stopped at 20, as the API reads them
         CALL (p) { MATCH (x:ProgramRollup) USING INDEX x:ProgramRollup(program, level, year, code)
                    WHERE x.program = p.key AND x.level = 'DISTRICT' AND x.year = 0 AND x.code IS NOT NULL
                    WITH x ORDER BY x.program, x.level, x.year, x.code LIMIT 20 MATCH (j:Jurisdiction {code: x.code})
                    RETURN collect({name: j.name, reports: x.reports, first: x.firstYear, last: x.lastYear}) AS places }
         // reports newest first, in the order of the MENTIONS index (target, newest, report), as the API reads them
         CALL (p) { WITH p, p.key AS key MATCH (r:Report)-[m:MENTIONS]->(p) USING INDEX m:MENTIONS(target, newest, report)
                    WHERE m.target = key AND m.newest <= 0 AND m.report IS NOT NULL
                    WITH r, m ORDER BY m.target, m.newest, m.report LIMIT 10 RETURN collect({id: r.id, year: r.year}) AS reports }
         RETURN p.name, places, reports`,
        { name: pick(s.programs, i) },
      ],
    },
    {
      name: "search",
      lookup: true,
      gql: (i) => `search(text: "${pick(s.terms, i)}", first: 10) { score node { id __typename } }`,
      cypher: (i) => [
        `CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 50}) YIELD node, score
         RETURN coalesce(node.key, node.code) AS key, node.name, score ORDER BY score DESC LIMIT 10`,
        { q: pick(s.terms, i) },
      ],
    },
  ];
}

const body = (query) => JSON.stringify({ query: `{ ${query} }` });
/** A unique alias per request: the text differs every time, so the answer cache never replays. */
const uncachedBody = (query, i) => JSON.stringify({ query: `{ q${i}: ${query} }` });

/** kg generate + kg ingest into a fresh embedded Neo4j; measure; stop it. */
async function measureSize(reports, scratch) {
  const dir = join(scratch, `r${reports}`);
  const dataDir = join(scratch, `neo4j${reports}`);
  execFileSync(process.execPath, [kg, "generate", "--reports", String(reports), "--seed", "1", dir], { stdio: ["ignore", "ignore", "inherit"] });
  // --build import: the bulk path (kg import into the stopped store, then start it); else kg ingest.
  const bulk = option("--build", "ingest") === "import";
  const loadedBulk = bulk ? timedKg(["import", "--store", dataDir, dir], {}, scratch) : null;
  const server = await startServer({ dataDir, port: await freePort(), heap: "2g", pageCache: "1g" });
  try {
    const loaded = loadedBulk ?? timedKg(["ingest", dir], { NEO4J_URI: server.uri }, scratch);
    const storeMb = Number(execFileSync("du", ["-sk", join(dataDir, "data")], { encoding: "utf8" }).split("\t")[0]) / 1024;
    console.log(`\n${reports} reports: kg ${bulk ? "import" : "ingest"} ${fmt(loaded.seconds)} s (${fmt(reports / loaded.seconds)} reports/s), peak RSS ${fmt(loaded.rssMb, 0)} MB, database ${fmt(storeMb)} MB on disk`);
    return await measureGraph(server.uri, reports);
  } finally {
    await stopServer(dataDir).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** kg serve on the graph Neo4j at `uri` holds, a driver beside it, and the questions with arguments drawn from it. */
async function openGraph(uri, reports) {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  if (process.argv.includes("--timing")) process.env.KG_SERVER_TIMING = "on";
  const service = await startService(uri, option("--kg", undefined)).catch(async (error) => {
    await driver.close();
    throw error;
  });
  const s = await sample(driver);
  console.log(`${reports} reports at ${uri}: arguments drawn from the graph: ${s.districts.length} districts, ${s.programs.length} programme names, ${s.firms.length} firms, ${s.metricPlaces.length} places with figures, ${s.terms.length} search terms`);
  const qs = questions(s);
  const mix = {
    name: "lookup mix (the lookups in turn)",
    lookup: true,
    gql: (i) => { const l = qs.filter((q) => q.lookup); return l[i % l.length].gql(Math.floor(i / l.length)); },
    cypher: (i) => { const l = qs.filter((q) => q.lookup); return l[i % l.length].cypher(Math.floor(i / l.length)); },
  };
  const only = option("--only", null)?.split(",");
  const all = [...qs, mix].filter((q) => !only || only.some((word) => q.name.includes(word)));
  return { uri, reports, driver, service, all, results: [] };
}

async function closeGraph(graph) {
  graph.service.child.kill("SIGTERM");
  await new Promise((r) => graph.service.child.once("exit", r));
  await graph.driver.close();
}

/** Warm-up, not measured: Neo4j plans each statement shape once and the JIT compiles the server's hot paths (other aliases, so the answer cache holds none of the measured requests). */
async function warmUp({ service, driver, all }) {
  for (const q of all) {
    await runLoad({ url: service.url, connections: 1, durationMs: 300, nextBody: (i) => uncachedBody(q.gql(i + 100_000), i + 100_000) });
    await runCypherLoad(driver, 1, 300, (i) => q.cypher(i + 100_000));
  }
}

/** One question at one client count on one graph, kept in graph.results. */
async function measureCell(graph, q, clients) {
  const { service, driver } = graph;
  // 1 client: the sides in turn; more: each side's clients on their own, one after the other.
  const { api, cypher, autoCommit } = clients === 1
    ? await runInterleaved(service.url, driver, 2 * durationMs, q)
    : {
        api: await runLoad({ url: service.url, connections: clients, durationMs, nextBody: (i) => uncachedBody(q.gql(i), i) }),
        cypher: await runCypherLoad(driver, clients, durationMs, q.cypher),
      };
  graph.results.push({ question: q.name, lookup: q.lookup, clients, api, cypher, autoCommit });
  if (api.firstError) console.log(`  ${q.name} (${graph.reports} reports): first error: ${api.firstError}`);
}

/** The tables of one graph: uncached, floors, where the time goes, then the cached case (measured here). */
async function report(graph) {
  const { service, all, results, reports } = graph;
  console.log(`\n## ${reports} reports: the graph at ${graph.uri}`);
  console.log(`\nUNCACHED (every request a new argument; ${durationMs / 1000} s per cell; API through kg serve, Cypher through the driver, same run;`);
  console.log("at 1 client the sides alternate request by request, req/s being 1 / mean latency)");
  console.log("question                             clients   API req/s  p50 ms  p95 ms  | Cypher req/s  p50 ms  p95 ms  | p50 ratio  errors");
  for (const r of results) {
    console.log(`${r.question.padEnd(36)} ${pad(r.clients, 7)} ${pad(fmt(r.api.rps), 11)} ${pad(fmt(r.api.p50), 7)} ${pad(fmt(r.api.p95), 7)}  | ${pad(fmt(r.cypher.rps), 12)} ${pad(fmt(r.cypher.p50), 7)} ${pad(fmt(r.cypher.p95), 7)}  | ${pad(fmt(r.api.p50 / r.cypher.p50, 2) + "×", 9)} ${pad(r.api.errors + r.cypher.errors, 7)}`);
  }
  const floors = results.filter((r) => r.clients === 1);
  console.log("\nfloors (uncached, 1 client; Cypher = executeQuery, the driver's managed transaction; beside it the same query");
  console.log("as an auto-commit statement, one round trip fewer, which is how kg serve sends its reads):");
  for (const r of floors) {
    const auto = r.autoCommit ? ` (auto-commit ${fmt(r.autoCommit.p50)} ms: ${fmt(r.api.p50 / r.autoCommit.p50, 2)}×)` : "";
    if (r.lookup) console.log(`  ${r.question.padEnd(36)} API p50 ${fmt(r.api.p50)} ms ≤ 2 × Cypher p50 ${fmt(r.cypher.p50)} ms: ${r.api.p50 <= 2 * r.cypher.p50 ? "ok" : "MISSED"}${auto}`);
    else console.log(`  ${r.question.padEnd(36)} API p50 ${fmt(r.api.p50)} ms ≤ 20 ms (the floor is for 100,000 reports): ${r.api.p50 <= 20 ? "ok" : "MISSED"}`);
  }

  const timed = results.filter((r) => r.clients === 1 && r.api.phases?.total !== undefined);
  if (timed.length) {
    const names = ["receive", "read", "check", "context", "parse", "validate", "execute", "db", "send", "total"];
    console.log("\nwhere the time goes (uncached, 1 client, medians in ms; Server-Timing of kg serve; execute includes db;");
    console.log("outside = the client's p50 minus the server's total: HTTP both ways and the client)");
    console.log(`${"question".padEnd(36)} ${names.map((n) => pad(n, 8)).join("")} ${pad("outside", 8)} | ${pad("Cypher", 7)}`);
    for (const r of timed) {
      const p = r.api.phases;
      console.log(`${r.question.padEnd(36)} ${names.map((n) => pad(fmt(p[n], 2), 8)).join("")} ${pad(fmt(r.api.p50 - p.total, 2), 8)} | ${pad(fmt(r.cypher.p50, 2), 7)}`);
    }
  }

  const cached = [];
  for (const q of all) {
    const r = await runLoad({ url: service.url, connections: 10, durationMs: Math.min(durationMs, 3000), nextBody: () => body(q.gql(0)) });
    cached.push({ question: q.name, ...r });
  }
  console.log("\ncached (the same request repeated, 10 clients; the answer cache replays it)");
  console.log("question                             req/s   p50 ms  p95 ms  errors");
  for (const r of cached) console.log(`${r.question.padEnd(36)} ${pad(fmt(r.rps), 7)} ${pad(fmt(r.p50, 2), 8)} ${pad(fmt(r.p95, 2), 7)} ${pad(r.errors, 7)}`);
  return { reports, results };
}

/** The benchmark proper, on the graph Neo4j at `uri` holds. */
async function measureGraph(uri, reports) {
  const graph = await openGraph(uri, reports);
  try {
    await warmUp(graph);
    for (const q of graph.all) for (const clients of clientCounts) await measureCell(graph, q, clients);
    return await report(graph);
  } finally {
    await closeGraph(graph);
  }
}

/**
 * --uri: graphs already loaded (for instance by kg import), each with its size its report count,
 * served at once and measured side by side: each question's cells on one graph, then at once on
 * the next, so that the growth between sizes compares figures taken seconds apart, not minutes.
 */
async function measureExisting(uris) {
  const graphs = [];
  try {
    for (const uri of uris) {
      const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
      const reports = await driver.executeQuery("MATCH (r:Report) RETURN count(r) AS n").then((r) => r.records[0].get("n")).finally(() => driver.close());
      graphs.push(await openGraph(uri, reports));
    }
    for (const graph of graphs) await warmUp(graph);
    for (const index of graphs[0].all.keys()) {
      for (const clients of clientCounts) for (const graph of graphs) await measureCell(graph, graph.all[index], clients);
    }
    const measured = [];
    for (const graph of graphs) measured.push(await report(graph));
    return measured;
  } finally {
    for (const graph of graphs) await closeGraph(graph);
  }
}

const scratch = mkdtempSync(join(tmpdir(), "kg-bench-api-"));
try {
  console.log(`== API benchmark: sizes ${option("--uri", null) ?? sizes.join(", ")}; clients ${clientCounts.join(", ")}; ${durationMs / 1000} s per cell ==`);
  console.log("(the machine's cores may be shared: compare figures side by side within one run)");
  const bySize = [];
  const uris = option("--uri", null)?.split(",") ?? [];
  if (uris.length) bySize.push(...(await measureExisting(uris)));
  else for (const reports of sizes) bySize.push(await measureSize(reports, scratch));
  if (bySize.length > 1) {
    const [small, large] = [bySize[0], bySize[bySize.length - 1]];
    console.log(`\ngrowth of the uncached p50 at 1 client, ${large.reports} vs ${small.reports} reports (floor for lookups: ≤ 1.3×)`);
    for (const r of large.results.filter((x) => x.clients === 1)) {
      const before = small.results.find((x) => x.question === r.question && x.clients === 1);
      const growth = r.api.p50 / before.api.p50;
      console.log(`  ${r.question.padEnd(36)} ${fmt(before.api.p50)} → ${fmt(r.api.p50)} ms: ${fmt(growth, 2)}×${r.lookup ? (growth <= 1.3 ? "  ok" : "  MISSED") : ""}`);
    }
  }
} catch (error) {
  console.error(`bench:api: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
