// Starts, stops and reports on the embedded Neo4j (tools/neo4j) as a background process.
// Its state lives in one directory: data/ (the store), server.json (pid, port), server.log.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import neo4j from "neo4j-driver";
import { buildServer, javaCommand, serverClasspath } from "./toolchain.js";

export interface ServerOptions {
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  /** progress lines (build, waiting) */
  log?: (line: string) => void;
  /** how long to wait for the first answered query */
  timeoutMs?: number;
}

export interface ServerState {
  pid: number;
  port: number;
  uri: string;
  startedAt: string;
}

export interface StartResult extends ServerState {
  alreadyRunning: boolean;
  /** from spawning the JVM to the first answered query */
  readyMs: number;
}

export class ServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServerError";
  }
}

const MAIN_CLASS = "kg.neo4j.EmbeddedNeo4j";
const stateFile = (dir: string) => join(dir, "server.json");
const logFile = (dir: string) => join(dir, "server.log");

function readState(dir: string): ServerState | null {
  try {
    return JSON.parse(readFileSync(stateFile(dir), "utf8")) as ServerState;
  } catch {
    return null;
  }
}

/** True when pid is a live embedded Neo4j (not a reused pid of something else). */
export function isServerProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync("/proc/self") || (existsSync(cmdline) && readFileSync(cmdline, "utf8").includes(MAIN_CLASS));
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, host, () => probe.close(() => done(true)));
  });
}

/** A port nobody listens on now, for tests. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function answers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    // A read from the store, not just RETURN 1: a server that accepts Bolt but fails queries is not answering.
    await driver.executeQuery("OPTIONAL MATCH (v:GraphVersion) RETURN count(v) AS n");
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

function lastLogLine(dir: string): string {
  try {
    const lines = readFileSync(logFile(dir), "utf8").trim().split("\n");
    const error = lines.findLast((l) => /exception|error|failed/i.test(l));
    return (error ?? lines[lines.length - 1] ?? "").trim().slice(0, 300);
  } catch {
    return "(no log)";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(options: ServerOptions): Promise<StartResult> {
  const dir = resolve(options.dataDir);
  const log = options.log ?? (() => {});
  mkdirSync(dir, { recursive: true });

  const existing = readState(dir);
  if (existing && isServerProcess(existing.pid)) {
    return { ...existing, alreadyRunning: true, readyMs: 0 };
  }
  if (existing) rmSync(stateFile(dir), { force: true }); // stale: the process is gone

  if (!(await portIsFree(options.port))) {
    throw new ServerError(`port ${options.port} on 127.0.0.1 is already in use; free it or set KG_NEO4J_PORT to another port`);
  }
  buildServer(log);

  const out = openSync(logFile(dir), "a");
  const started = Date.now();
  const child = spawn(
    javaCommand(),
    [
      `-Xmx${options.heap}`,
      "-XX:+UseG1GC",
      // After an OutOfMemoryError Neo4j may keep accepting connections while failing queries;
      // exiting makes the fault plain to kg neo4j status, /healthz and the API (SERVICE_UNAVAILABLE).
      "-XX:+ExitOnOutOfMemoryError",
      "-cp",
      serverClasspath(),
      MAIN_CLASS,
      "--data",
      join(dir, "data"),
      "--port",
      String(options.port),
      "--pagecache",
      options.pageCache,
    ],
    { detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  child.unref();
  const uri = `bolt://127.0.0.1:${options.port}`;
  const state: ServerState = { pid: child.pid!, port: options.port, uri, startedAt: new Date().toISOString() };
  writeFileSync(stateFile(dir), JSON.stringify(state, null, 2) + "\n");

  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = started + (options.timeoutMs ?? 180_000);
  log(`waiting for Neo4j to answer on ${uri} ...`);
  while (Date.now() < deadline) {
    if (exited || !isServerProcess(child.pid!)) {
      rmSync(stateFile(dir), { force: true });
      throw new ServerError(`the embedded Neo4j exited while starting: ${lastLogLine(dir)} (log: ${logFile(dir)})`);
    }
    if (await answers(uri)) return { ...state, alreadyRunning: false, readyMs: Date.now() - started };
    await sleep(250);
  }
  await stopServer(dir);
  throw new ServerError(`the embedded Neo4j did not answer within ${Math.round((options.timeoutMs ?? 180_000) / 1000)} s (log: ${logFile(dir)})`);
}

/** Stops the server recorded in dataDir; returns false when none was running. */
export async function stopServer(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  const dir = resolve(dataDir);
  const state = readState(dir);
  if (!state) return false;
  const running = isServerProcess(state.pid);
  if (running) {
    process.kill(state.pid, "SIGTERM"); // the server's shutdown hook closes the store cleanly
    const deadline = Date.now() + timeoutMs;
    while (isServerProcess(state.pid) && Date.now() < deadline) await sleep(200);
    if (isServerProcess(state.pid)) process.kill(state.pid, "SIGKILL");
    while (isServerProcess(state.pid)) await sleep(100);
  }
  rmSync(stateFile(dir), { force: true });
  return running;
}

export interface ServerStatus {
  running: boolean;
  state: ServerState | null;
  answering: boolean;
}

export async function serverStatus(dataDir: string): Promise<ServerStatus> {
  const state = readState(resolve(dataDir));
  if (!state || !isServerProcess(state.pid)) return { running: false, state: null, answering: false };
  return { running: true, state, answering: await answers(state.uri) };
}
