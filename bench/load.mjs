// A small closed-loop HTTP load generator: C clients, each sending its next request as soon as
// the previous answer is in, for a fixed time. Keeps every latency, so percentiles are exact.
import { Agent, request } from "node:http";

/** Sends one POST; resolves with the status, body and Server-Timing header. */
export function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8"), timing: res.headers["server-timing"] }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A Server-Timing header's durations by name: "read;dur=0.1, db;dur=1.2;desc=…" → { read: 0.1, db: 1.2 }. */
export function serverTimings(header) {
  const phases = {};
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.find((p) => p.startsWith("dur="));
    if (dur) phases[name] = Number(dur.slice(4));
  }
  return phases;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Where timed requests are counted: latencies, errors (the first one's text) and Server-Timing phases. */
export const newTally = () => ({ latencies: [], errors: 0, firstError: null, timings: {} });

/**
 * One POST, timed into the tally. A response counts as an error when its status is not 200 or
 * its JSON carries GraphQL errors.
 */
export async function timedPost(agent, url, body, tally) {
  const started = performance.now();
  try {
    const res = await post(agent, url, body);
    tally.latencies.push(performance.now() - started);
    if (res.timing) for (const [name, ms] of Object.entries(serverTimings(res.timing))) (tally.timings[name] ??= []).push(ms);
    if (res.status !== 200 || res.body.includes('"errors"')) {
      tally.errors++;
      tally.firstError ??= `${res.status} ${res.body.slice(0, 200)}`;
    }
  } catch (error) {
    tally.errors++;
    tally.firstError ??= String(error);
  }
}

/** Each Server-Timing phase's median (ms). */
export const medianPhases = (timings) =>
  Object.fromEntries(Object.entries(timings).map(([name, list]) => [name, percentile(list.sort((a, b) => a - b), 50)]));

/**
 * Runs the load. nextBody(i) gives the i-th request's JSON body. When the server sends
 * Server-Timing (KG_SERVER_TIMING=on), `phases` holds each phase's median (ms).
 */
export async function runLoad({ url, connections, durationMs, nextBody }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const tally = newTally();
  let sent = 0;
  const deadline = performance.now() + durationMs;
  const client = async () => {
    while (performance.now() < deadline) await timedPost(agent, url, nextBody(sent++), tally);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const { latencies, errors, firstError } = tally;
  latencies.sort((a, b) => a - b);
  const phases = medianPhases(tally.timings);
  return {
    phases,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    firstError,
  };
}
