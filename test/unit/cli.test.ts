// The command line as a user meets it: every flag is checked before any work starts, typos get a
// suggestion, numbers are checked against bounds, each command has its own --help.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// A Neo4j that is not there: a command that started working would say "cannot reach Neo4j".
const env = { ...process.env, NEO4J_URI: "bolt://127.0.0.1:9" };
const kg = (...args: string[]) => spawnSync(process.execPath, ["dist/cli/main.js", ...args], { encoding: "utf8", env });

// Each case starts node a few times; on a busy machine that can take seconds.
describe("kg command line", { timeout: 30_000 }, () => {
  it("prints help and exits 2 when given no command", () => {
    const result = kg();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Usage: kg /);
    for (const command of ["extract", "ingest", "delete", "serve", "neo4j", "migrate", "generate", "schema"]) {
      expect(result.stderr).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  it("refuses a mistyped flag with a suggestion before touching anything", () => {
    const result = kg("ingest", "--worker", "2", "examples/reports");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--worker'");
    expect(result.stderr).toContain("Did you mean --workers?");
    expect(result.stderr).not.toContain("cannot reach");
    expect(result.stdout).toBe("");
  });

  it("kg extract --jsno is refused with a suggestion, not read as a file", () => {
    const result = kg("extract", "--jsno", "examples/reports/2022-xihu-wenxin.txt");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Did you mean --json?");
    expect(result.stderr).not.toContain("no such file");
    expect(result.stdout).toBe("");
  });

  it.each([
    [["ingest", "--workers", "abc", "x"], /'--workers <n>' argument 'abc' is invalid\. expected a whole number from 0 to 64/],
    [["ingest", "--batch", "0", "x"], /'--batch <n>' argument '0' is invalid\. expected a whole number from 1 to 10000/],
    [["ingest", "--workers", "-3", "x"], /--workers/],
    [["generate", "--reports", "1e3", "--seed", "1", "out"], /'--reports <n>' argument '1e3' is invalid/],
    [["generate", "--seed", "1", "out"], /required option '--reports <n>' not specified/],
  ])("checks numbers and required flags: kg %j", (args, message) => {
    const result = kg(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stderr).not.toContain("cannot reach");
  });

  it("suggests the command meant", () => {
    const result = kg("ingset", "x");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Did you mean ingest?");
  });

  it("gives each command its own --help, exit 0", () => {
    const ingest = kg("ingest", "--help");
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toMatch(/^Usage: kg ingest \[options\] <path\.\.\.>/);
    expect(ingest.stdout).toContain("--workers <n>");
    expect(kg("help", "generate").stdout).toContain("--seed <s>");
    const neo4j = kg("neo4j", "--help");
    expect(neo4j.stdout).toMatch(/start[\s\S]*stop[\s\S]*status/);
  });

  it("says in --help where settings come from", () => {
    const help = kg("--help");
    expect(help.stdout).toContain("./.env");
    expect(help.stdout).toContain("kg.config.json");
    expect(help.stdout).toMatch(/^  config\b/m);
  });

  it("needs at least one path or id", () => {
    expect(kg("ingest").stderr).toContain("missing required argument 'path'");
    expect(kg("delete").status).toBe(2);
  });
});
