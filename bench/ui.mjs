// First render of the explorer's entity pages on the benchmark graph, in headless Chromium.
// Prints figures; asserts nothing, but exits non-zero when the graph cannot be built, the server
// cannot start or a page does not render.
//   generate N reports (kg generate --seed 1) → fresh embedded Neo4j → kg ingest → kg serve
//   → warm up on other pages of each kind (query plans, browser)
//   → for a few entities: open #/e/<id>?depth=2&first=300 in a fresh tab and time it from
//     navigation start to the page's "ready" mark (graph and lists drawn) and to its "complete"
//     mark (a programme's timeline heatmap too), first with the server's answer cache cold,
//     then warm → the bundle's size.
// Usage: npm run bench:ui [-- --reports N]
//        node bench/ui.mjs --neo4j bolt://HOST:PORT   (a graph already built: skips generate and ingest)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import puppeteer from "puppeteer-core";
import { freePort, startServer, stopServer } from "../dist/neo4j-server/server.js";
import { gql, startService } from "./service.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kg = join(root, "dist/cli/main.js");
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const reports = option("--reports", 10000);
const givenUri = process.argv.includes("--neo4j") ? process.argv[process.argv.indexOf("--neo4j") + 1] : null;
const NODES = 300;

const scratch = mkdtempSync(join(tmpdir(), "kg-bench-ui-"));
const serverDir = join(scratch, "neo4j");
const reportsDir = join(scratch, "reports");
let service;
let browser;
let neo4j;

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "-");

/** Opens the page in a new tab; ms from navigation start to the page's drawn mark, and what it drew. */
async function firstRender(url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.complete === "1", { timeout: 120_000 });
    return await page.evaluate(() => ({
      ms: window.renderedAt,
      completeMs: window.completedAt,
      nodes: window.explorer?.cy.nodes().length ?? 0,
      edges: window.explorer?.cy.edges().length ?? 0,
      error: document.querySelector(".error")?.textContent ?? null,
    }));
  } finally {
    await page.close();
  }
}

try {
  console.log("== explorer (UI) benchmark ==");
  console.log(`${givenUri ? `the graph at ${givenUri}` : `${reports} reports`}; entity pages with a 2-step neighbourhood of up to ${NODES} nodes, in headless Chromium\n`);
  let uri = givenUri;
  if (!uri) {
    execFileSync(process.execPath, [kg, "generate", "--reports", String(reports), "--seed", "1", reportsDir], { stdio: ["ignore", "ignore", "inherit"] });
    neo4j = await startServer({ dataDir: serverDir, port: await freePort(), heap: "2g", pageCache: "1g" });
    uri = neo4j.uri;
    const t = performance.now();
    execFileSync(process.execPath, [kg, "ingest", reportsDir], { env: { ...process.env, NEO4J_URI: uri }, stdio: ["ignore", "ignore", "inherit"] });
    console.log(`graph built: ${reports} reports ingested in ${fmt((performance.now() - t) / 1000, 1)} s`);
  }
  service = await startService(uri);
  browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });

  // Entities drawn from the graph, two of each kind: the most widespread programmes, two of their
  // districts, two streets of the first district, two law firms.
  const tops = (await gql(service.url, `{ recurringPrograms(level: DISTRICT, first: 2) { edges { node { program { id name } jurisdictions { id name code } } } } }`))
    .recurringPrograms.edges.map((e) => e.node);
  const districts = tops[0].jurisdictions.slice(0, 2);
  const streets = (await gql(service.url, `{ jurisdictions(level: TOWNSHIP, within: "${districts[0].code}", first: 2) { edges { node { id name } } } }`)).jurisdictions.edges.map((e) => e.node);
  const firms = (await gql(service.url, `{ lawFirms(first: 2) { edges { node { id name } } } }`)).lawFirms.edges.map((e) => e.node);
  const kinds = [
    ["programme", tops.map((t) => t.program)],
    ["district", districts],
    ["street", streets],
    ["law firm", firms],
  ].filter(([, list]) => list.length === 2);
  const entities = kinds.map(([kind, list]) => ({ kind, ...list[0] }));

  // A running server has planned its queries and warmed its caches on other pages before: the
  // second entity of each kind is rendered first, so the measured page is new to the answer
  // cache but the browser, the bundle and Neo4j's query plans are warm.
  await firstRender(`${service.origin}/`);
  for (const [, list] of kinds) await firstRender(`${service.origin}/#/e/${list[1].id}?depth=2&first=${NODES}`);
  console.log("\n| page | nodes | edges | first render, cold server cache (ms) | with timeline (ms) | again, warm cache (ms) |");
  console.log("|---|---:|---:|---:|---:|---:|");
  const colds = [];
  for (const e of entities) {
    const url = `${service.origin}/#/e/${e.id}?depth=2&first=${NODES}`;
    const cold = await firstRender(url);
    const warm = await firstRender(url);
    if (cold.error) throw new Error(`${e.kind} ${e.name}: ${cold.error}`);
    colds.push(cold.ms);
    const timeline = e.kind === "programme" ? fmt(cold.completeMs) : "";
    console.log(`| ${e.kind} ${e.name} | ${cold.nodes} | ${cold.edges} | ${fmt(cold.ms)} | ${timeline} | ${fmt(warm.ms)} |`);
  }
  console.log(`\nslowest cold first render: ${fmt(Math.max(...colds))} ms (target ≤ 1000 ms)`);

  const web = join(root, "dist/web");
  const scripts = readdirSync(web).filter((f) => f.endsWith(".js"));
  const size = (f) => statSync(join(web, f)).size;
  const gz = (f) => gzipSync(readFileSync(join(web, f))).length;
  const kib = (n) => `${fmt(n / 1024)} KiB`;
  console.log(`bundle: app.js ${kib(size("app.js"))} (${kib(gz("app.js"))} gzipped) loads on every page; all scripts ${kib(scripts.reduce((s, f) => s + size(f), 0))} (${kib(scripts.reduce((s, f) => s + gz(f), 0))} gzipped)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await browser?.close();
  service?.child.kill("SIGTERM");
  if (neo4j) await stopServer(serverDir).catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
}
