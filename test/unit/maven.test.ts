// Maven as kg runs it (first start of the embedded Neo4j): its messages arrive without the raw
// colour codes Maven 3.8 writes even in batch mode.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MODULE_DIR, runMaven } from "../../src/neo4j-server/toolchain.js";

const hasMaven = spawnSync("mvn", ["-v"]).status === 0;

describe.skipIf(!hasMaven)("runMaven", { timeout: 120_000 }, () => {
  it("passes Maven's messages on without escape codes", () => {
    const raw = spawnSync("mvn", ["-q", "-B", "-f", join(MODULE_DIR, "pom.xml"), "no-such-phase"], { encoding: "utf8" });
    const result = runMaven(["-f", join(MODULE_DIR, "pom.xml"), "no-such-phase"]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('[ERROR] Unknown lifecycle phase "no-such-phase"');
    expect(result.output).not.toContain("\u001b[");
    // Maven itself writes them (else this test proves nothing on this machine).
    if (!(raw.stdout + raw.stderr).includes("\u001b[")) console.warn("this Maven writes no colour codes");
  });
});
