// The kg command's answers to a machine or configuration it cannot work with: one clear line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(join(tmpdir(), "kg-cli-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function kg(args: string[], env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, ["dist/cli/main.js", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
}

describe("kg on a machine or configuration it cannot use", () => {
  it("says in one line that Java is missing, and points to Docker", () => {
    // A PATH on which only node can be found.
    const bin = join(scratch, "bin");
    spawnSync("mkdir", ["-p", bin]);
    symlinkSync(process.execPath, join(bin, "node"));
    const result = kg(["neo4j", "start"], { PATH: bin, JAVA_HOME: "", KG_NEO4J_DIR: join(scratch, "neo4j"), KG_NEO4J_PORT: "1" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "kg: the embedded Neo4j needs Java 17 or newer, and none was found; or run Neo4j in Docker: docker compose up -d neo4j, then NEO4J_URI=bolt://localhost:7687",
    ]);
  });

  it("names a bad variable and what it expects, in one line", () => {
    const result = kg(["migrate"], { NEO4J_URI: "http://localhost:7474" });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'kg: NEO4J_URI: expected a URI with scheme bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc and a host, got "http://localhost:7474"',
    );
  });

  it("says in one line that nothing answers at NEO4J_URI", () => {
    const result = kg(["migrate"], { NEO4J_URI: "bolt://127.0.0.1:9" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kg: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: /);
  });

  it("refuses an unknown command and explains itself with --help", () => {
    const unknown = kg(["frobnicate"], {});
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const help = kg(["--help"], {});
    expect(help.status).toBe(0);
    for (const command of ["extract", "ingest", "delete", "serve", "neo4j", "migrate", "generate", "schema"]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });
});
