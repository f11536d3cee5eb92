// Starting the service where something already listens: one line, no work done, dist/ untouched.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let taken: Server;
let port: number;

beforeAll(async () => {
  taken = createServer();
  port = await new Promise<number>((done) => taken.listen(0, "127.0.0.1", () => done((taken.address() as { port: number }).port)));
});
afterAll(() => new Promise<void>((done) => taken.close(() => done())));

// NEO4J_URI names nothing: a command that went on to connect would say "cannot reach Neo4j".
const env = () => ({ ...process.env, PORT: String(port), HOST: "127.0.0.1", NEO4J_URI: "bolt://127.0.0.1:9" });

describe("a taken HTTP port", { timeout: 60_000 }, () => {
  it("kg serve says so in one line and exits 1", () => {
    const result = spawnSync(process.execPath, ["dist/cli/main.js", "serve"], { encoding: "utf8", env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `kg: port ${port} on 127.0.0.1 is already in use (another kg serve?); stop that or set PORT to another port`,
    ]);
  });

  it("npm start says so without rebuilding dist/ under the running server", () => {
    const before = statSync("dist/cli/main.js").mtimeMs;
    const result = spawnSync("npm", ["start", "--silent"], { encoding: "utf8", env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`kg: port ${port} on 127.0.0.1 is already in use`);
    expect(result.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    expect(statSync("dist/cli/main.js").mtimeMs).toBe(before);
  });
});
