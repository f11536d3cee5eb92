// Log lines: JSON for machines, pretty (no JSON) on a terminal.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = isTTY;
  return { stream, text: () => chunks.join("") };
}

describe("createLogger", () => {
  it("writes one JSON object per line when not on a terminal", () => {
    const out = sink(false);
    createLogger({ level: "info", format: "auto" }, out.stream).info({ id: "r1", roundTrips: 3 }, "graphql request");
    const lines = out.text().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "graphql request", id: "r1", roundTrips: 3, service: "kg-reports" });
  });

  it("is pretty on a terminal", () => {
    const out = sink(true);
    createLogger({ level: "info", format: "auto" }, out.stream).info({ id: "r1" }, "graphql request");
    expect(out.text()).toContain("graphql request");
    expect(out.text()).toMatch(/INFO/);
    expect(out.text().trim().startsWith("{")).toBe(false);
  });

  it("honours the level", () => {
    const out = sink(false);
    const logger = createLogger({ level: "warn", format: "json" }, out.stream);
    logger.info("hidden");
    logger.warn("shown");
    expect(out.text()).not.toContain("hidden");
    expect(out.text()).toContain("shown");
  });
});
