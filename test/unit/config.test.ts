import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, readSettings } from "../../src/config.js";

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

describe("configuration files", { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "kg-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const kg = (cwd: string, args: string[], env: Record<string, string> = {}) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NEO4J_|KG_|PORT$|HOST$|NODE_ENV$)/.test(k)));
    return spawnSync(process.execPath, [join(process.cwd(), "dist/cli/main.js"), ...args], { cwd, encoding: "utf8", env: { ...clean, ...env } });
  };
  const folder = (files: Record<string, string>) => {
    const d = mkdtempSync(join(dir, "case-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    return d;
  };

  it("reads the environment over .env over kg.config.json, and says where each value came from", () => {
    const d = folder({ ".env": "KG_NEO4J_PORT=7690\nPORT=5000\nUNRELATED=1\n", "kg.config.json": JSON.stringify({ PORT: 8080, KG_NEO4J_DIR: "/srv/neo4j", KG_CORS_ORIGINS: ["https://a.example.org", "http://localhost:5173"] }) });
    const settings = readSettings({ PORT: "9000" }, d);
    expect(settings.files).toEqual([join(d, "kg.config.json"), join(d, ".env")]);
    expect(settings.values).toMatchObject({ PORT: "9000", KG_NEO4J_PORT: "7690", KG_NEO4J_DIR: "/srv/neo4j" });
    expect(settings.values).not.toHaveProperty("UNRELATED");
    expect(settings.sources).toMatchObject({ PORT: "environment", KG_NEO4J_PORT: join(d, ".env"), KG_NEO4J_DIR: join(d, "kg.config.json") });
    const config = loadConfig(settings.values);
    expect(config.port).toBe(9000);
    expect(config.embedded).toMatchObject({ port: 7690, dataDir: "/srv/neo4j" });
    expect(config.corsOrigins).toEqual(["https://a.example.org", "http://localhost:5173"]);

    const printed = kg(d, ["config"], { PORT: "9000" });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^PORT +9000 +environment$/m);
    expect(printed.stdout).toMatch(new RegExp(`^KG_NEO4J_PORT +7690 +${join(d, ".env")}$`, "m"));
    expect(printed.stdout).toMatch(/^HOST +127\.0\.0\.1 +default$/m);
  });

  it("every command reads .env: kg migrate goes to the NEO4J_URI it names", () => {
    const d = folder({ ".env": "NEO4J_URI=bolt://127.0.0.1:9\n" });
    const result = kg(d, ["migrate"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^kg: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: /);
  });

  it("never prints secrets", () => {
    const d = folder({ ".env": "NEO4J_PASSWORD=hunter2\nKG_API_KEY=k-123\n" });
    const printed = kg(d, ["config", "--json"]);
    expect(printed.stdout).not.toContain("hunter2");
    expect(printed.stdout).not.toContain("k-123");
    expect(JSON.parse(printed.stdout).settings).toContainEqual({ name: "NEO4J_PASSWORD", value: "(set)", source: join(d, ".env") });
  });

  it("refuses an unknown setting in kg.config.json with a suggestion, in one line", () => {
    const d = folder({ "kg.config.json": '{"NEO4J_URL": "bolt://x"}' });
    const result = kg(d, ["config"]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`kg: ${join(d, "kg.config.json")}: unknown setting "NEO4J_URL"; did you mean NEO4J_URI?`);
  });

  it("reads only the file KG_CONFIG names, and refuses one that is missing", () => {
    const d = folder({ ".env": "PORT=1111\n", "prod.env": "PORT=2222\n" });
    expect(readSettings({ KG_CONFIG: "prod.env" }, d).values.PORT).toBe("2222");
    expect(() => readSettings({ KG_CONFIG: "nope.json" }, d)).toThrow(/nope\.json: KG_CONFIG names a file that does not exist/);
  });

  it("refuses a malformed origin", () => {
    expect(() => loadConfig({ KG_CORS_ORIGINS: "localhost:5173" })).toThrow(/KG_CORS_ORIGINS: expected comma-separated origins/);
    expect(loadConfig({ NODE_ENV: "production" }).corsOrigins).toEqual([]);
    expect(loadConfig({}).corsOrigins).toContain("http://localhost:*");
  });
});
