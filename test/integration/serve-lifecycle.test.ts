// kg serve owning the embedded Neo4j: the examples on its first start, Ctrl-C stops both,
// --keep-neo4j leaves Neo4j running. Uses its own embedded server in a scratch directory.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, isServerProcess, stopServer } from "../../src/neo4j-server/server.js";

const dir = mkdtempSync(join(tmpdir(), "kg-serve-lifecycle-"));
afterAll(async () => {
  await stopServer(dir);
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  url: string;
  output: () => string;
  interrupt(): Promise<number | null>;
}

async function serve(neo4jPort: number, args: string[] = []): Promise<Run> {
  const { NEO4J_URI: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["dist/cli/main.js", "serve", ...args], {
    env: { ...env, PORT: "0", KG_NEO4J_DIR: dir, KG_NEO4J_PORT: String(neo4jPort), KG_NEO4J_HEAP: "512m", KG_NEO4J_PAGECACHE: "64m", KG_LOG_FORMAT: "json" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL: (http:\/\/\S+\/graphql)/.exec(output);
      if (match) done(match[1]!);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    void exited.then((code) => fail(new Error(`kg serve exited (${code}):\n${output}`)));
  });
  return {
    url,
    output: () => output,
    interrupt: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

const neo4jPid = () => (JSON.parse(readFileSync(join(dir, "server.json"), "utf8")) as { pid: number }).pid;

async function reportCount(url: string): Promise<number> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ reports { totalCount } }" }) });
  return ((await response.json()) as any).data.reports.totalCount;
}

describe("kg serve with the embedded Neo4j", { timeout: 300_000 }, () => {
  it("loads the examples on the first start and stops Neo4j on Ctrl-C", async () => {
    const run = await serve(await freePort());
    expect(await reportCount(run.url)).toBeGreaterThan(0);
    expect(run.output()).toMatch(/first start of the embedded graph: loaded \d+ example reports/);
    const pid = neo4jPid();
    expect(isServerProcess(pid)).toBe(true);

    expect(await run.interrupt()).toBe(0);
    expect(run.output()).toContain("stopped the embedded Neo4j this command started");
    expect(isServerProcess(pid)).toBe(false);
    expect(existsSync(join(dir, "server.json"))).toBe(false);
  });

  it("leaves Neo4j running with --keep-neo4j, and loads no examples again", async () => {
    const run = await serve(await freePort(), ["--keep-neo4j"]);
    expect(run.output()).not.toContain("example reports");
    const pid = neo4jPid();
    expect(await run.interrupt()).toBe(0);
    expect(run.output()).toContain("the embedded Neo4j keeps running; stop it with: kg neo4j stop");
    expect(isServerProcess(pid)).toBe(true);
  });
});
