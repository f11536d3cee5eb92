// The extraction pool when its workers fail: every request gets an answer (a one-line error),
// none waits forever. The workers here are small scripts that fail on purpose.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionPool } from "../../src/ingest/worker-pool.js";
import type { ExtractRequest, ExtractResponse } from "../../src/ingest/worker-protocol.js";

const scratch = mkdtempSync(join(tmpdir(), "kg-worker-pool-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A worker script of the given body, which receives each request as `request`. */
function workerScript(name: string, onMessage: string, atStart = ""): URL {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(file, `import { parentPort } from "node:worker_threads";\n${atStart}\nparentPort.on("message", (request) => { ${onMessage} });\n`);
  return pathToFileURL(file);
}

const request = (id: number, display = `report-${id}`): ExtractRequest => ({ id, path: "", display, maxFacts: 100 });
const errorOf = (response: ExtractResponse) => (response.ok ? "ok" : response.error);
// Not a timing check: a hang (the bug) fails at this bound; a loaded machine needs far less.
const HANG = 60_000;

describe("a pool whose workers fail", () => {
  it("fails the queued requests, and later ones, when its worker cannot start", async () => {
    const pool = new ExtractionPool(1, pathToFileURL(join(scratch, "absent.mjs")));
    try {
      const answers = await Promise.all([1, 2, 3].map((id) => pool.extract(request(id))));
      expect(answers.map((a) => a.id)).toEqual([1, 2, 3]);
      for (const answer of answers) expect(errorOf(answer)).toMatch(/^extraction worker failed: .*absent\.mjs[^\n]*$/);
      expect(errorOf(await pool.extract(request(4)))).toMatch(/^extraction worker failed: /);
    } finally {
      await pool.close();
    }
  }, HANG);

  it("fails the request a worker held and those queued behind it when the worker exits", async () => {
    const pool = new ExtractionPool(1, workerScript("exits", "process.exit(3);"));
    try {
      const answers = await Promise.all([1, 2, 3].map((id) => pool.extract(request(id))));
      expect(answers.map(errorOf)).toEqual(Array(3).fill("extraction worker failed: it exited with code 3"));
      expect(errorOf(await pool.extract(request(4)))).toBe("extraction worker failed: it exited with code 3");
    } finally {
      await pool.close();
    }
  }, HANG);

  it("says in one line what a crashed worker threw", async () => {
    const pool = new ExtractionPool(1, workerScript("throws", `throw new Error("the worker broke\\n    at somewhere (x.js:1:1)");`));
    try {
      const answers = await Promise.all([1, 2].map((id) => pool.extract(request(id))));
      expect(answers.map(errorOf)).toEqual(Array(2).fill("extraction worker failed: the worker broke"));
    } finally {
      await pool.close();
    }
  }, HANG);

  it("keeps serving with the workers it has left", async () => {
    const echo = `if (request.display === "crash") process.exit(1); parentPort.postMessage({ id: request.id, ok: false, error: "served " + request.display });`;
    const pool = new ExtractionPool(2, workerScript("some-crash", echo));
    try {
      const answers = await Promise.all([request(1, "crash"), request(2), request(3), request(4)].map((r) => pool.extract(r)));
      expect(answers.map(errorOf)).toEqual(["extraction worker failed: it exited with code 1", "served report-2", "served report-3", "served report-4"]);
      expect(errorOf(await pool.extract(request(5)))).toBe("served report-5");
    } finally {
      await pool.close();
    }
  }, HANG);

  it("answers requests still waiting when it is closed, and refuses later ones", async () => {
    const pool = new ExtractionPool(1, workerScript("silent", "/* never answers */"));
    const waiting = [1, 2].map((id) => pool.extract(request(id)));
    await pool.close();
    expect((await Promise.all(waiting)).map(errorOf)).toEqual(Array(2).fill("extraction worker failed: the pool was closed"));
    expect(errorOf(await pool.extract(request(3)))).toBe("extraction worker failed: the pool was closed");
  }, HANG);
});
