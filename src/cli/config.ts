// kg config : the configuration in force, and where each value came from.
import type { Command } from "commander";
import { CONFIG_VARIABLES, loadConfig, readSettings, type Config } from "../config.js";

export function addConfigCommand(program: Command): void {
  program
    .command("config")
    .description("print the configuration in force and where each value came from (environment, .env, kg.config.json, default)")
    .option("--json", "print it as JSON")
    .action((options: { json?: boolean }) => printConfig(options.json ?? false));
}

/** Each variable's value as the program uses it, defaults filled in; secrets only as "(set)". */
function inForce(config: Config): Record<string, string> {
  return {
    NEO4J_URI: config.neo4j.uri ?? "(unset: the embedded Neo4j)",
    NEO4J_USER: config.neo4j.user,
    NEO4J_PASSWORD: config.neo4j.password === null ? "(unset: no authentication)" : "(set)",
    NEO4J_DATABASE: config.neo4j.database,
    KG_NEO4J_DIR: config.embedded.dataDir,
    KG_NEO4J_PORT: String(config.embedded.port),
    KG_NEO4J_HEAP: config.embedded.heap,
    KG_NEO4J_PAGECACHE: config.embedded.pageCache,
    PORT: String(config.port),
    HOST: config.host,
    KG_API_KEY: config.apiKey === null ? "(unset: mutations refused)" : "(set)",
    KG_PAGE_DEFAULT: String(config.page.defaultSize),
    KG_PAGE_MAX: String(config.page.maxSize),
    KG_MAX_DEPTH: String(config.query.maxDepth),
    KG_MAX_COST: String(config.query.maxCost),
    KG_MAX_BODY_BYTES: String(config.limits.maxBodyBytes),
    KG_MAX_TOKENS: String(config.limits.maxTokens),
    KG_MAX_ROOT_FIELDS: String(config.limits.maxRootFields),
    KG_MAX_ALIASES: String(config.limits.maxAliases),
    KG_MAX_ROUND_TRIPS: String(config.limits.maxRoundTrips),
    KG_MAX_ROWS: String(config.limits.maxRows),
    KG_REQUEST_TIMEOUT_MS: String(config.limits.requestTimeoutMs),
    KG_MAX_RESPONSE_BYTES: String(config.limits.maxResponseBytes),
    KG_INTROSPECTION: config.introspection ? "on" : "off",
    KG_SHUTDOWN_MS: String(config.shutdownMs),
    KG_MAX_FACTS_PER_REPORT: String(config.maxFactsPerReport),
    NODE_ENV: config.environment,
    KG_CORS_ORIGINS: config.corsOrigins.length ? config.corsOrigins.join(",") : "(none)",
    KG_LOG_LEVEL: config.log.level,
    KG_LOG_FORMAT: config.log.format,
    KG_SERVER_TIMING: config.serverTiming ? "on" : "off",
  };
}

function printConfig(json: boolean): void {
  const settings = readSettings();
  const values = inForce(loadConfig(settings.values));
  // A variable added to CONFIG_VARIABLES without a line above still shows, as written.
  const rows = CONFIG_VARIABLES.filter(([name]) => name !== "KG_CONFIG").map(([name]) => ({
    name,
    value: values[name] ?? settings.values[name] ?? "(default)",
    source: settings.sources[name] ?? "default",
  }));
  if (json) {
    console.log(JSON.stringify({ files: settings.files, settings: rows }, null, 1));
    return;
  }
  console.log(
    settings.files.length
      ? `configuration files: ${settings.files.join(", ")} (the environment overrides them)`
      : "configuration files: none (kg reads ./kg.config.json and ./.env, or the file KG_CONFIG names)",
  );
  const width = Math.max(...rows.map((r) => r.name.length));
  const valueWidth = Math.min(48, Math.max(...rows.map((r) => r.value.length)));
  for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.source}`);
}
