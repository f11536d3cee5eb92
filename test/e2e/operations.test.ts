// What an operator sees of a running `kg serve`: one JSON log line per request, Prometheus
// metrics at /metrics, where a request's time went (Server-Timing), and a graph at NEO4J_URI
// that the service leaves as it found it.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestDatabase } from "../support/db.js";
import { clearGraph } from "../support/graph.js";
import { startService, type RunningService } from "../support/api.js";

const KEY = "ops-key";
let service: RunningService;

beforeAll(async () => {
  const db = openTestDatabase();
  await clearGraph(db);
  await db.close();
  service = await startService({ NEO4J_URI: inject("neo4jUri"), KG_API_KEY: KEY, KG_LOG_FORMAT: "json", KG_SERVER_TIMING: "on" });
});

afterAll(async () => {
  await service?.stop();
  const db = openTestDatabase();
  await clearGraph(db);
  await db.close();
});

/** The service's JSON log lines about GraphQL requests. */
function requestLines(): Record<string, any>[] {
  return service
    .output()
    .split("\n")
    .filter((line) => line.startsWith('{"'))
    .map((line) => JSON.parse(line))
    .filter((line) => line.msg === "graphql request");
}

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(service.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { response, body: (await response.json()) as any };
}

/** A sample's value from the Prometheus text, e.g. value(text, 'kg_answer_cache_total{result="hit"}'). */
function value(metrics: string, sample: string): number | undefined {
  const line = metrics.split("\n").find((l) => l.startsWith(sample + " "));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe("a graph at NEO4J_URI", () => {
  it("is not filled with the examples when it is empty", async () => {
    const { body } = await post("{ reports { totalCount } }");
    expect(body.data.reports.totalCount).toBe(0);
  });
});

describe("logs", () => {
  it("writes one JSON line per request: id, operation, duration, round trips, cache hit, status", async () => {
    const first = await post("query Places { jurisdictions(first: 2) { totalCount } }", { "x-request-id": "trace-123" });
    expect(first.response.headers.get("x-request-id")).toBe("trace-123");
    await post("query Places { jurisdictions(first: 2) { totalCount } }");
    await post('query Missing { program(name: "没有的工程") { name } }');
    // A line is written once its answer has gone out, so it may reach this process after the answer:
    // wait for the three lines rather than for a fixed time.
    const ours = () => requestLines().filter((line) => ["Places", "Missing"].includes(line.operation));
    for (const deadline = Date.now() + 60_000; ours().length < 3 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    const lines = ours();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 30, id: "trace-123", operation: "Places", cached: false, status: 200, outcome: "ok" });
    expect(lines[0]!.roundTrips).toBeGreaterThan(0);
    expect(lines[0]!.durationMs).toBeGreaterThan(0);
    expect(typeof lines[0]!.time).toBe("string");
    expect(lines[1]).toMatchObject({ operation: "Places", cached: true, roundTrips: 0 });
    expect(lines[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[2]).toMatchObject({ operation: "Missing", outcome: "NOT_FOUND" });
  });
});

describe("Server-Timing (KG_SERVER_TIMING=on)", () => {
  /** name → duration of each entry of the header */
  const entries = (header: string | null) =>
    new Map((header ?? "").split(", ").map((entry) => [entry.split(";")[0]!, Number(/dur=([\d.]+)/.exec(entry)?.[1])]));

  it("says how long each phase of a GraphQL request took, and how much of it the Cypher statements took", async () => {
    const { response, body } = await post(`{ t1: jurisdictions(first: 3) { totalCount edges { node { name } } } }`);
    expect(body.errors).toBeUndefined();
    const timing = entries(response.headers.get("server-timing"));
    // No "parse": the query analysis parsed it (in "check") and Apollo was handed that parse.
    expect([...timing.keys()]).toEqual(["receive", "read", "check", "context", "validate", "execute", "send", "db", "total"]);
    for (const [name, ms] of timing) expect(ms, name).toBeGreaterThanOrEqual(0);
    expect(response.headers.get("server-timing")).toMatch(/db;dur=[\d.]+;desc="[1-9]\d* statements"/);
    expect(timing.get("db")!).toBeGreaterThan(0);
    expect(timing.get("db")!).toBeLessThanOrEqual(timing.get("execute")! + 0.01);
    const phases = [...timing].filter(([name]) => name !== "db" && name !== "total").reduce((sum, [, ms]) => sum + ms, 0);
    expect(Math.abs(phases - timing.get("total")!)).toBeLessThan(0.1);
  });

  it("is not sent for answers from the answer cache or for refused requests", async () => {
    const query = `{ t2: reports { totalCount } }`;
    let replayed = await post(query);
    for (let tries = 0; !replayed.body.extensions?.cached && tries < 5; tries++) replayed = await post(query);
    expect(replayed.body.extensions?.cached).toBe(true);
    expect(replayed.response.headers.get("server-timing")).toBeNull();
    const deep = `{ t3: jurisdiction(code: "1") { ${"parent { ".repeat(14)}name${" }".repeat(14)} } }`;
    const refused = await post(deep);
    expect(refused.response.status).toBe(400);
    expect(refused.response.headers.get("server-timing")).toBeNull();
  });
});

describe("/metrics", () => {
  it("counts requests by operation and outcome, latencies, round trips, cache hits, pool use and ingests", async () => {
    await post("query Count { reports { totalCount } }");
    await post("query Count { reports { totalCount } }");
    await post("query Bad { reports(after: \"nonsense\") { totalCount } }");
    const ingested = await post(
      'mutation { ingestReport(text: "杭州市西湖区2023年法治政府建设年度报告\\n全年调处矛盾纠纷56起。") { status } }',
      { authorization: `Bearer ${KEY}` },
    );
    expect(ingested.body.data.ingestReport.status).toBe("new");

    const page = await service.get("/metrics");
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = page.body;
    expect(value(text, 'kg_graphql_requests_total{operation="Count",outcome="ok"}')).toBe(2);
    expect(value(text, 'kg_graphql_requests_total{operation="Bad",outcome="BAD_USER_INPUT"}')).toBe(1);
    expect(value(text, 'kg_graphql_request_duration_seconds_count{operation="Count"}')).toBe(2);
    expect(value(text, 'kg_graphql_request_duration_seconds_bucket{le="+Inf",operation="Count"}')).toBe(2);
    expect(value(text, "kg_cypher_round_trips_count")).toBeGreaterThan(0);
    expect(value(text, 'kg_answer_cache_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'kg_answer_cache_total{result="miss"}')).toBeGreaterThanOrEqual(3);
    expect(value(text, "kg_neo4j_pool_in_use")).toBeGreaterThanOrEqual(0);
    expect(value(text, 'kg_ingested_reports_total{status="new"}')).toBe(1);
    expect(text).toContain("kg_process_resident_memory_bytes");
  });
});
