// schema/schema.graphql must be exactly what the code defines: a change to the types that is
// not checked in (kg schema > schema/schema.graphql) fails here, and so in CI.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("schema/schema.graphql", () => {
  it("matches the SDL printed from the built code", () => {
    // Built by tsc (npm test builds first): type-graphql needs the decorator metadata tsc emits.
    const printed = execFileSync(process.execPath, ["dist/cli/main.js", "schema"], { encoding: "utf8" });
    expect(printed).toBe(readFileSync("schema/schema.graphql", "utf8"));
  });
});
