import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort, ServerError, serverStatus, startServer } from "../../src/neo4j-server/server.js";

const embeddedDir = inject("neo4jDir");
const scratch = mkdtempSync(join(tmpdir(), "kg-server-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const options = (dataDir: string, port: number) => ({ dataDir, port, heap: "512m", pageCache: "64m" });

function listen(port: number): Promise<Server> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(port, "127.0.0.1", () => done(server));
  });
}

describe("the embedded server manager", () => {
  it.skipIf(!embeddedDir)("does not start a second server for a directory whose server runs", async () => {
    const before = await serverStatus(embeddedDir);
    expect(before.running).toBe(true);
    const again = await startServer(options(embeddedDir, before.state!.port));
    expect(again.alreadyRunning).toBe(true);
    expect(again.pid).toBe(before.state!.pid);
    expect(again.uri).toBe(inject("neo4jUri"));
  });

  it("treats the pid file of a killed server as stale", async () => {
    const dir = join(scratch, "stale");
    const dead = spawnSync("true").pid; // a process that has already exited
    const port = await freePort();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "server.json"), JSON.stringify({ pid: dead, port, uri: `bolt://127.0.0.1:${port}`, startedAt: "" }));
    expect((await serverStatus(dir)).running).toBe(false);

    // The stale file does not block a start: it gets as far as the port check.
    const blocker = await listen(port);
    try {
      await expect(startServer(options(dir, port))).rejects.toThrow(ServerError);
    } finally {
      blocker.close();
    }
    expect(existsSync(join(dir, "server.json"))).toBe(false);
  });

  it("refuses a taken port with one line that names it", async () => {
    const port = await freePort();
    const blocker = await listen(port);
    try {
      const error = await startServer(options(join(scratch, "taken"), port)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as Error).message).toBe(
        `port ${port} on 127.0.0.1 is already in use; free it or set KG_NEO4J_PORT to another port`,
      );
    } finally {
      blocker.close();
    }
  });
});
