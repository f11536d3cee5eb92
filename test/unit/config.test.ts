import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("gives defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ uri: null, user: "neo4j", password: null, database: "neo4j" });
    expect(config.port).toBe(4000);
    expect(config.embedded).toEqual({ dataDir: ".neo4j", port: 7687, heap: "1g", pageCache: "512m" });
    expect(config.apiKey).toBeNull();
    expect(config.page).toEqual({ defaultSize: 20, maxSize: 100 });
    expect(config.query).toEqual({ maxDepth: 12, maxCost: 20000 });
  });

  it("reads good values", () => {
    const config = loadConfig({
      NEO4J_URI: "neo4j+s://graph.example.org",
      NEO4J_USER: "reader",
      NEO4J_PASSWORD: "s3cret",
      NEO4J_DATABASE: "reports",
      PORT: "8080",
      KG_API_KEY: "k",
      KG_NEO4J_HEAP: "2G",
      KG_PAGE_DEFAULT: "10",
      KG_PAGE_MAX: "50",
    });
    expect(config.neo4j).toEqual({ uri: "neo4j+s://graph.example.org", user: "reader", password: "s3cret", database: "reports" });
    expect(config.port).toBe(8080);
    expect(config.apiKey).toBe("k");
    expect(config.embedded.heap).toBe("2g");
    expect(config.page).toEqual({ defaultSize: 10, maxSize: 50 });
  });

  it.each([
    ["NEO4J_URI", "http://localhost:7474", /NEO4J_URI: expected a URI with scheme bolt/],
    ["NEO4J_URI", "not a uri", /NEO4J_URI: expected a Bolt URI/],
    ["PORT", "80a", /PORT: expected a whole number from 0 to 65535, got "80a"/],
    ["PORT", "70000", /PORT: expected a whole number/],
    ["PORT", "-1", /PORT: expected a whole number from 0 to 65535/],
    ["KG_NEO4J_PORT", "0", /KG_NEO4J_PORT: expected a whole number/],
    ["KG_NEO4J_HEAP", "lots", /KG_NEO4J_HEAP: expected a size such as 512m/],
    ["NEO4J_DATABASE", "my db", /NEO4J_DATABASE: expected a Neo4j database name/],
  ])("refuses %s=%s with a one-line message naming it", (name, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses a default page size above the maximum", () => {
    expect(() => loadConfig({ KG_PAGE_DEFAULT: "200", KG_PAGE_MAX: "100" })).toThrow(/KG_PAGE_DEFAULT: expected at most KG_PAGE_MAX/);
  });
});
