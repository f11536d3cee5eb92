// The server stays up for everyone: hostile queries, oversized input and faults, tried over
// HTTP against the built `kg serve` on a real Neo4j holding the example reports. Each case is
// one a hostile client tried before these protections (issue 8).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emptyTestGraph, loadExamplesIntoEmptyGraph } from "../support/examples.js";
import { startProxy, type CuttableProxy } from "../support/proxy.js";
import { startService, type RunningService } from "../support/api.js";
import { mainThreadCpuMs, processCpuMs } from "../support/cpu-time.js";

const KEY = "test-key";
const auth = { authorization: `Bearer ${KEY}` };
let service: RunningService;
let proxy: CuttableProxy;

beforeAll(async () => {
  await loadExamplesIntoEmptyGraph();
  proxy = await startProxy(inject("neo4jUri"));
  service = await startService({ NEO4J_URI: proxy.uri, KG_API_KEY: KEY, NODE_ENV: "development" });
  // Warm up (first requests compile code paths), so timings below measure the cases.
  for (let i = 0; i < 5; i++) {
    await service.get("/healthz");
    await service.gql(`{ reports(first: ${i + 1}) { totalCount } }`);
    await service.gql(`{ jurisdiction(code: "33") { name ...F } } fragment F on Jurisdiction { code }`);
  }
});

afterAll(async () => {
  await service?.stop();
  await proxy?.close();
  await emptyTestGraph();
});

interface Answer {
  status: number;
  json: any;
  ms: number;
}

/** A raw POST to /graphql: the body as given, JSON unless said otherwise. */
async function post(body: string, headers: Record<string, string> = {}, url = service.url): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, ms: performance.now() - started };
}

const gql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>, url?: string) =>
  post(JSON.stringify({ query, variables }), headers, url);

/**
 * Runs `attack` while polling /healthz (which must keep answering, unless `polled` is false);
 * returns the attack's answer and the CPU time the server spent meanwhile: its main thread's
 * (the event loop's) and all its threads'. A refusal that blocked the event loop shows in the
 * loop's CPU time: the old server spent 23.7 s on the fan-out and 26 s on three levels of the
 * 152-byte query. CPU time is bounded rather than how long health answers take, because a shared,
 * loaded machine (2 cores, load average 14–23 while these were written) delays every answer,
 * blocked or not, while the CPU time the same work takes hardly changes. Each health check costs
 * the loop a little CPU time too, so the poll is spaced.
 */
async function whileHealthChecked<T>(attack: () => Promise<T>, polled = true): Promise<{ result: T; loopCpuMs: number; processCpuMs: number; checks: number }> {
  let running = true;
  let checks = 0;
  const loopBefore = mainThreadCpuMs(service.pid);
  const processBefore = processCpuMs(service.pid);
  const poll = (async () => {
    if (!polled) return;
    do {
      const health = await service.get("/healthz");
      checks++;
      // The server answers; whether it also reaches Neo4j within the health check's own 1 s is
      // left out, since a loaded machine can delay that.
      expect(JSON.parse(health.body).server, health.body).toBe("up");
      await new Promise((r) => setTimeout(r, 50));
    } while (running);
  })();
  let result: T;
  try {
    result = await attack();
  } finally {
    running = false;
  }
  const loopCpuMs = mainThreadCpuMs(service.pid) - loopBefore;
  const processCpu = processCpuMs(service.pid) - processBefore;
  await poll;
  return { result, loopCpuMs, processCpuMs: processCpu, checks };
}

/** CPU time a refusal may cost the event loop, health checks included (a few ms each). */
const LOOP_CPU_BOUND_MS = 500;

/** Waits for `condition`; the bound is far above what a loaded machine needs, only so a failure says what it waited for. */
async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A refusal made before any Cypher: HTTP 400, QUERY_TOO_COMPLEX, no data, no round trips. */
function expectRefused(answer: Answer, message: RegExp) {
  expect(answer.status, JSON.stringify(answer.json).slice(0, 300)).toBe(400);
  expect(answer.json.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  expect(answer.json.errors[0].message).toMatch(message);
  expect(answer.json.data).toBeUndefined();
  expect(answer.json.extensions?.cypherRoundTrips ?? 0).toBe(0);
}

function fanOut(levels: number): string {
  const fragments = [`fragment F0 on Jurisdiction { name }`];
  for (let k = 1; k <= levels; k++) fragments.push(`fragment F${k} on Jurisdiction { ...F${k - 1} ...F${k - 1} }`);
  return `{ jurisdiction(code: "33") { ...F${levels} } }\n${fragments.join("\n")}`;
}

describe("hostile queries are refused before any Cypher, in linear time", () => {
  it("the 152-byte query of nested unpaged lists", async () => {
    const query = `{ reports(first: 100) { edges { node { metrics { key report { metrics { key report { metrics { key report { metrics { key sentence } } } } } } } } } } }`;
    expect(Buffer.byteLength(query)).toBe(152);
    const { result, loopCpuMs } = await whileHealthChecked(() => gql(query));
    expectRefused(result, /may resolve about \d+ fields; the limit is 20000/);
    expect(loopCpuMs).toBeLessThanOrEqual(LOOP_CPU_BOUND_MS);
  });

  it("500 aliases of recurringPrograms in one 36 KB request", async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: recurringPrograms(minJurisdictions: ${i}, first: 1) { totalCount }`).join(" ")} }`;
    const { result, loopCpuMs } = await whileHealthChecked(() => gql(query));
    expect(result.status).toBe(400);
    expect(result.json.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(result.json.errors[0].message).toMatch(/tokens|top-level fields/);
    expect(loopCpuMs).toBeLessThanOrEqual(LOOP_CPU_BOUND_MS);
    // within the token limit, the alias count alone refuses it
    const fewer = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: recurringPrograms(minJurisdictions: ${i}, first: 1) { totalCount }`).join(" ")} }`;
    expectRefused(await gql(fewer), /60 top-level fields; the limit is 20/);
  });

  it("a 23-level fragment fan-out (1.1 KB)", async () => {
    const query = fanOut(23);
    expect(query.length).toBeLessThan(1200);
    const { result, loopCpuMs, checks } = await whileHealthChecked(() => gql(query));
    expectRefused(result, /may resolve about \d+ fields/);
    expect(loopCpuMs).toBeLessThanOrEqual(LOOP_CPU_BOUND_MS); // was 23.7 s of CPU
    expect(checks).toBeGreaterThan(0);
  });

  it("a 3.7 MB query of 600k tokens", async () => {
    const query = `{ ${"__typename ".repeat(340_000)}}`;
    const body = JSON.stringify({ query });
    expect(body.length).toBeGreaterThan(3_700_000);
    const { result, loopCpuMs } = await whileHealthChecked(() => post(body));
    expectRefused(result, /more than 5000 tokens/);
    // reading and parsing a 3.7 MB body is work of its own
    expect(loopCpuMs).toBeLessThanOrEqual(2 * LOOP_CPU_BOUND_MS);
  });

  it("batched (array) requests", async () => {
    const one = { query: `{ reports(first: 1) { totalCount } }` };
    const answer = await post(JSON.stringify([one, one, one]));
    expectRefused(answer, /batched requests are not accepted \(got 3 operations\)/);
  });

  it("a 10 MB body gets 413, not a reset", async () => {
    const answer = await post(JSON.stringify({ query: `{ reports { totalCount } }`, pad: "x".repeat(10 * 1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect(answer.json.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await service.get("/healthz")).status).toBe(200);
  });
});

describe("what passes analysis is still bounded at run time", () => {
  let strict: RunningService;
  beforeAll(async () => {
    strict = await startService({ NEO4J_URI: inject("neo4jUri"), NODE_ENV: "production", KG_MAX_ROUND_TRIPS: "3", KG_MAX_RESPONSE_BYTES: "4096" });
  });
  afterAll(async () => strict?.stop());

  it("a request over its round-trip budget ends with a clear error", async () => {
    const query = `{ a: reports(first: 1, year: 2022) { totalCount } b: reports(first: 1, year: 2023) { totalCount } c: reports(first: 1, year: 2021) { totalCount } d: reports(first: 1, year: 2020) { totalCount } }`;
    const answer = await gql(query, undefined, undefined, strict.url);
    const codes = answer.json.errors.map((e: any) => e.extensions.code);
    expect(codes).toContain("QUERY_TOO_COMPLEX");
    expect(answer.json.errors.find((e: any) => e.extensions.code === "QUERY_TOO_COMPLEX").message).toMatch(/more than 3 database queries/);
    expect(answer.json.extensions.cypherRoundTrips).toBe(4); // the fourth was refused before it reached Neo4j
  });

  it("an answer over the response size limit is replaced by an error", async () => {
    const answer = await gql(`{ reports(first: 6) { edges { node { title metrics { key sentence } } } } }`, undefined, undefined, strict.url);
    expect(answer.status).toBe(200);
    expect(answer.json.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(answer.json.errors[0].message).toMatch(/larger than 4096 bytes/);
  });

  it("introspection and field suggestions are off under NODE_ENV=production, on in development", async () => {
    const introspection = `{ __schema { queryType { name } } }`;
    const off = await gql(introspection, undefined, undefined, strict.url);
    expect(off.json.errors[0].message).toMatch(/introspection/i);
    const typo = `{ reprots { totalCount } }`;
    expect((await gql(typo, undefined, undefined, strict.url)).json.errors[0].message).not.toMatch(/Did you mean/);

    expect((await gql(introspection)).json.data.__schema.queryType.name).toBe("Query");
    expect((await gql(typo)).json.errors[0].message).toMatch(/Did you mean "reports"/);
  });
});

describe("smaller holes", () => {
  it("search treats AND, OR and NOT as words, not Lucene syntax", async () => {
    for (const text of ["AND", "OR", "a AND", "a OR b", "NOT", "枫桥 AND 经验", "(", "\\", "\"*?"]) {
      const answer = await gql(`query($t: String!) { search(text: $t) { score } }`, { t: text });
      expect(answer.json.errors, text).toBeUndefined();
      expect(Array.isArray(answer.json.data.search)).toBe(true);
    }
    const hits = await gql(`{ search(text: "枫桥 AND") { node { ... on Program { name } } } }`);
    expect(hits.json.data.search.map((h: any) => h.node.name)).toContain("枫桥经验");
  });

  it("cursors out of range or oversized are BAD_USER_INPUT, quoted short", async () => {
    const cursor = (offset: string) => Buffer.from(`o:${offset}`).toString("base64url");
    for (const after of [cursor(String(2 ** 31)), cursor("99999999999999999999"), cursor("-1"), "x".repeat(10_000), "%%%"]) {
      const answer = await gql(`query($a: String) { reports(after: $a) { totalCount } }`, { a: after });
      expect(answer.json.errors[0].extensions.code, after.slice(0, 20)).toBe("BAD_USER_INPUT");
      expect(answer.json.errors[0].message.length).toBeLessThan(250);
    }
    // a cursor the server gave out still works
    const first = await gql(`{ reports(first: 1) { pageInfo { endCursor } } }`);
    const next = await gql(`query($a: String) { reports(first: 1, after: $a) { edges { node { reportId } } } }`, { a: first.json.data.reports.pageInfo.endCursor });
    expect(next.json.errors).toBeUndefined();
  });

  it("error messages quote at most about 100 characters of an argument", async () => {
    const name = "名".repeat(1_000_000);
    const answer = await gql(`query($n: String!) { program(name: $n) { name } }`, { n: name });
    expect(answer.json.errors[0].extensions.code).toBe("NOT_FOUND");
    expect(answer.json.errors[0].message.length).toBeLessThan(200);
    // GraphQL's own messages, which quote variable values, are cut too
    const wrongType = await gql(`query($n: Int!) { reports(first: $n) { totalCount } }`, { n: "9".repeat(100_000) });
    expect(wrongType.json.errors[0].message.length).toBeLessThan(600);
  });

  it("CSRF: a text/plain POST is refused even when its body is a cached query", async () => {
    const body = JSON.stringify({ query: `{ reports(year: 2022) { totalCount } }` });
    await post(body);
    expect((await post(body)).json.extensions.cached).toBe(true);
    const forged = await post(body, { "content-type": "text/plain" });
    expect(forged.status).toBe(400);
    expect(forged.json.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(forged.json.data).toBeUndefined();
    const form = await post(body, { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(400);
  });

  it("ingestReport runs kg ingest's input checks and bounds source", async () => {
    const ingest = `mutation($t: String!, $s: String) { ingestReport(text: $t, source: $s) { status } }`;
    const good = "杭州市西湖区文新街道2021年法治政府建设年度报告\n全年调处矛盾纠纷77起。\n";
    const refusals: [string, string | null, RegExp][] = [
      [good + "\u0000".repeat(20), null, /binary data/],
      [good + "\u0001\u0002\u0003\u0004".repeat(20), null, /binary data|control/],
      ["æ³•æ²»æ”¿åºœå»ºè®¾å¹´åº¦æŠ¥å‘Š ".repeat(30), null, /garbled/],
      [Array.from({ length: 65536 }, (_, i) => String.fromCharCode(0x20 + ((i * 7919) % 0xffdf))).join(""), null, /garbled|binary/],
      [good, "s".repeat(10_000), /source: give a name of 1 to 1000 characters/],
      [good, "a\u0000b", /source: control characters/],
    ];
    for (const [text, source, reason] of refusals) {
      const answer = await gql(ingest, { t: text, s: source }, auth);
      expect(answer.json.errors?.[0]?.extensions.code, reason.source).toBe("BAD_USER_INPUT");
      expect(answer.json.errors[0].message).toMatch(reason);
    }
  });

  it("a large ingestReport text is extracted off the event loop", async () => {
    const lines = ["杭州市西湖区文新街道2020年法治政府建设年度报告"];
    for (let i = 0; i < 95_000; i++) lines.push(i % 50 ? "推进法治建设。" : `办理案件${i % 997}件。`);
    const text = lines.join("\n");
    expect(text.length).toBeLessThan(1_000_000);
    // Not polled for health meanwhile: each check costs the loop CPU time of its own, and a loaded
    // machine makes more of them, which would blur the measure.
    const { result, loopCpuMs, processCpuMs } = await whileHealthChecked(
      () => gql(`mutation($t: String!) { ingestReport(text: $t) { status report { reportId } } }`, { t: text }, auth),
      false,
    );
    expect(result.json.errors).toBeUndefined();
    // It blocked the loop up to 6 s. Most of the request's CPU time (the extraction) is now spent
    // in a worker thread; what is left on the event loop is copying the extraction back from the
    // worker (~150 ms for 95k sentences) and building the write's rows. With the extraction on
    // the loop, its share was about 60 %; in the worker, about 15 %.
    expect(loopCpuMs, `event loop ${loopCpuMs} ms of ${processCpuMs} ms CPU`).toBeLessThanOrEqual(0.45 * processCpuMs);
    expect((await service.get("/healthz")).status).toBe(200);
    const id = result.json.data.ingestReport.report.reportId;
    const del = await gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id }, auth);
    expect(del.json.data.deleteReport).toBe(true);
  });

  it("cypherRoundTrips counts writes too", async () => {
    const absent = "0".repeat(64);
    const answer = await gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: absent }, auth);
    expect(answer.json.data.deleteReport).toBe(false);
    expect(answer.json.extensions.cypherRoundTrips).toBeGreaterThanOrEqual(1); // was 0: writes went uncounted
  });
});

describe("faults", () => {
  it("Neo4j gone: SERVICE_UNAVAILABLE at once, without trying Neo4j per request; recovery by itself when it returns", async () => {
    const query = `{ jurisdiction(code: "330106") { name } }`;
    expect((await gql(query)).json.data.jurisdiction.name).toBe("西湖区");
    proxy.cutAfter(0);
    try {
      // The first request finds Neo4j gone (a query not answered before: no cached answer); from then on the server knows.
      expect((await gql(`{ jurisdiction(code: "330100") { name } }`)).json.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      // A probe confirms the outage (one broken connection is not one); then it is known down.
      await until(async () => (await service.get("/healthz")).status === 503, "the outage to be confirmed");
      for (let i = 0; i < 20; i++) {
        const answer = await gql(`{ jurisdiction(code: "4401${String(i).padStart(2, "0")}") { name } }`); // never asked before: no cached answer
        expect(answer.json.errors?.[0]?.extensions.code, JSON.stringify(answer.json)).toBe("SERVICE_UNAVAILABLE");
        // Refused before its first statement: no connection attempt and its timeouts (2.6–3.8 s
        // each before). Counted rather than timed, so that a loaded machine cannot fail it.
        expect(answer.json.extensions.cypherRoundTrips, JSON.stringify(answer.json)).toBe(0);
      }
      expect((await service.get("/healthz")).status).toBe(503);
    } finally {
      proxy.restore();
    }
    // The background probe notices Neo4j is back (it tries every 250 ms).
    await until(async () => !(await gql(query)).json.errors, "requests to succeed again");
    const health = await service.get("/healthz");
    expect(health.status, health.body).toBe(200);
  }, 300_000);

  it("SIGTERM under load: every request in flight is answered, then exit 0", async () => {
    const relay = await startProxy(inject("neo4jUri"));
    // Long request and shutdown limits: this test is about which requests are answered, and a
    // loaded machine must not turn it into one about time.
    const server = await startService({ NEO4J_URI: relay.uri, KG_REQUEST_TIMEOUT_MS: "600000", KG_SHUTDOWN_MS: "600000" });
    const searchFor = (marker: string) =>
      gql(`query($t: String!) { search(text: $t) { score } }`, { t: marker }, undefined, server.url).then(
        (a) => (a.status === 200 && Array.isArray(a.json?.data?.search) ? "answered" : `${a.status}: ${JSON.stringify(a.json).slice(0, 200)}`),
        (error: Error) => `failed: ${(error.cause as Error)?.message ?? error.message}`,
      );
    const markers = (prefix: string) => Array.from({ length: 20 }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);
    try {
      // Open the driver's connections first, so that holding answers below never meets a handshake.
      expect(await Promise.all(markers("warmup").map(searchFor))).toEqual(markers("warmup").map(() => "answered"));
      // Each request's search text reaches Neo4j as a parameter; Neo4j's answers to them are held,
      // so all 20 are in flight, and stay so, until the test releases them after the signal.
      relay.holdAnswersTo("inflight");
      const requests = markers("inflight").map(searchFor);
      await until(() => markers("inflight").every((m) => relay.sentOnHeld().includes(m)), "all 20 queries at Neo4j");
      const exit = server.signal("SIGTERM");
      await until(() => /stopping: no new requests/.test(server.output()), "the server to start stopping");
      relay.release();
      const answers = await Promise.all(requests);
      expect(answers, server.output().slice(-300)).toEqual(answers.map(() => "answered"));
      expect(await exit).toBe(0);
      expect(server.output()).toMatch(/stopped: 20 requests in flight were answered/);
    } finally {
      relay.release();
      await server.stop();
      await relay.close();
    }
  }, 300_000);
});
