// One typed configuration, read from the environment, a .env file and kg.config.json, and
// validated once at start-up. Every kg command and the server read it the same way. A bad
// value stops the program with one line naming the variable and what it expects.
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parse as parseDotenv } from "dotenv";

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string | undefined,
  ) {
    super(`${variable}: expected ${expected}, got ${got === undefined ? "nothing" : JSON.stringify(got)}`);
    this.name = "ConfigError";
  }
}

/** A configuration file that cannot be used: one line naming the file and what is wrong. */
export class ConfigFileError extends ConfigError {
  constructor(file: string, problem: string) {
    super(file, "", undefined);
    this.message = `${file}: ${problem}`;
    this.name = "ConfigFileError";
  }
}

export interface Neo4jConfig {
  /** Bolt URI of a Neo4j to use; null means: start and use the embedded server */
  uri: string | null;
  user: string;
  password: string | null;
  database: string;
}

export interface EmbeddedConfig {
  /** where the embedded server keeps its data, pid and log */
  dataDir: string;
  port: number;
  /** JVM heap, e.g. 1g */
  heap: string;
  /** Neo4j page cache, e.g. 512m */
  pageCache: string;
}

export interface Config {
  neo4j: Neo4jConfig;
  embedded: EmbeddedConfig;
  /** HTTP port and address of the GraphQL server */
  port: number;
  host: string;
  /** key that unlocks mutations (Authorization: Bearer …); null disables them */
  apiKey: string | null;
  page: { defaultSize: number; maxSize: number };
  /** GraphQL queries deeper or costlier than this are refused before they run */
  query: { maxDepth: number; maxCost: number };
  /** what one request may ask for and use; see src/api/guard/ */
  limits: RequestLimits;
  /** introspection and "did you mean" suggestions (off by default when NODE_ENV=production) */
  introspection: boolean;
  /** in-flight requests get this long to finish on SIGTERM/SIGINT */
  shutdownMs: number;
  /** a report with more figures and mentions than this is refused as a whole */
  maxFactsPerReport: number;
  /** "production" tightens defaults (no CORS origins); anything else is development */
  environment: "production" | "development";
  /** browser origins allowed to call the API (CORS); "*" allows any */
  corsOrigins: string[];
  log: { level: LogLevel; format: "json" | "pretty" | "auto" };
  /** answers carry a Server-Timing header: where the request's time went */
  serverTiming: boolean;
}

export interface RequestLimits {
  /** request body, in bytes (larger: 413) */
  maxBodyBytes: number;
  /** GraphQL tokens in one query (graphql-js parse maxTokens) */
  maxTokens: number;
  /** fields (aliases included) at the top of an operation */
  maxRootFields: number;
  /** aliased fields in the whole query */
  maxAliases: number;
  /** Cypher statements one request may send */
  maxRoundTrips: number;
  /** rows (and list elements) one request may read from Neo4j */
  maxRows: number;
  /** wall time of one request's database work, in ms (also the Neo4j transaction timeout) */
  requestTimeoutMs: number;
  /** a response body larger than this is replaced by an error */
  maxResponseBytes: number;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Origins a development setup serves pages from: any port on this machine. */
export const DEVELOPMENT_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"];

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  }
  return value;
}

const BOLT_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];

function boltUri(env: Env, name: string): string | null {
  const raw = text(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, "a Bolt URI such as bolt://localhost:7687 or neo4j+s://host", raw);
  }
  const scheme = url.protocol.replace(/:$/, "");
  if (!BOLT_SCHEMES.includes(scheme) || !url.hostname) {
    throw new ConfigError(name, `a URI with scheme ${BOLT_SCHEMES.join(", ")} and a host`, raw);
  }
  return raw;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (["1", "true", "on", "yes"].includes(raw)) return true;
  if (["0", "false", "off", "no"].includes(raw)) return false;
  throw new ConfigError(name, "on or off (also 1/0, true/false, yes/no)", raw);
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(name, "a size such as 512m or 2g", raw);
  return raw.toLowerCase();
}

function databaseName(env: Env, name: string): string {
  const raw = text(env, name);
  if (raw === undefined) return "neo4j";
  if (!/^[a-z][a-z0-9.-]{2,62}$/i.test(raw)) throw new ConfigError(name, "a Neo4j database name (letters, digits, . and -)", raw);
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `one of ${allowed.join(", ")}`, raw);
  return raw as T;
}

/** Comma-separated origins such as https://app.example.org or http://localhost:*, or "*". */
function origins(env: Env, name: string, fallback: string[]): string[] {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (raw === "none") return [];
  const list = raw.split(/[\s,]+/).filter(Boolean);
  for (const origin of list) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(name, "comma-separated origins such as https://app.example.org or http://localhost:* (no path), * or none", origin);
    }
  }
  return list;
}

/**
 * The configuration in force. Without an argument: the environment over the .env file over
 * kg.config.json (see readSettings); with one, exactly those variables (for tests).
 */
export function loadConfig(env: Env = readSettings().values): Config {
  const environment = text(env, "NODE_ENV") === "production" ? "production" : "development";
  const defaultSize = integer(env, "KG_PAGE_DEFAULT", 20, 1, 1000);
  const maxSize = integer(env, "KG_PAGE_MAX", 100, 1, 1000);
  if (defaultSize > maxSize) {
    throw new ConfigError("KG_PAGE_DEFAULT", `at most KG_PAGE_MAX (${maxSize})`, String(defaultSize));
  }
  return {
    neo4j: {
      uri: boltUri(env, "NEO4J_URI"),
      user: text(env, "NEO4J_USER") ?? "neo4j",
      password: text(env, "NEO4J_PASSWORD") ?? null,
      database: databaseName(env, "NEO4J_DATABASE"),
    },
    embedded: {
      dataDir: text(env, "KG_NEO4J_DIR") ?? ".neo4j",
      port: integer(env, "KG_NEO4J_PORT", 7687, 1, 65535),
      heap: memorySize(env, "KG_NEO4J_HEAP", "1g"),
      pageCache: memorySize(env, "KG_NEO4J_PAGECACHE", "512m"),
    },
    port: integer(env, "PORT", 4000, 0, 65535),
    host: text(env, "HOST") ?? "127.0.0.1",
    apiKey: text(env, "KG_API_KEY") ?? null,
    page: { defaultSize, maxSize },
    query: {
      maxDepth: integer(env, "KG_MAX_DEPTH", 12, 2, 100),
      maxCost: integer(env, "KG_MAX_COST", 20000, 10, 10_000_000),
    },
    limits: {
      maxBodyBytes: integer(env, "KG_MAX_BODY_BYTES", 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxTokens: integer(env, "KG_MAX_TOKENS", 5000, 100, 1_000_000),
      maxRootFields: integer(env, "KG_MAX_ROOT_FIELDS", 20, 1, 10_000),
      maxAliases: integer(env, "KG_MAX_ALIASES", 50, 0, 10_000),
      maxRoundTrips: integer(env, "KG_MAX_ROUND_TRIPS", 100, 1, 100_000),
      maxRows: integer(env, "KG_MAX_ROWS", 100_000, 100, 100_000_000),
      requestTimeoutMs: integer(env, "KG_REQUEST_TIMEOUT_MS", 10_000, 100, 3_600_000),
      maxResponseBytes: integer(env, "KG_MAX_RESPONSE_BYTES", 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
    introspection: onOff(env, "KG_INTROSPECTION", environment !== "production"),
    shutdownMs: integer(env, "KG_SHUTDOWN_MS", 10_000, 0, 600_000),
    maxFactsPerReport: integer(env, "KG_MAX_FACTS_PER_REPORT", 20_000, 10, 10_000_000),
    environment,
    corsOrigins: origins(env, "KG_CORS_ORIGINS", environment === "production" ? [] : DEVELOPMENT_ORIGINS),
    log: {
      level: oneOf(env, "KG_LOG_LEVEL", LOG_LEVELS, "info"),
      format: oneOf(env, "KG_LOG_FORMAT", ["json", "pretty", "auto"] as const, "auto"),
    },
    serverTiming: onOff(env, "KG_SERVER_TIMING", false),
  };
}

/** Names and meanings of every variable, for kg config and the README. */
export const CONFIG_VARIABLES: ReadonlyArray<[string, string]> = [
  ["NEO4J_URI", "Bolt URI of the Neo4j to use (bolt://, neo4j://, neo4j+s:// ...); unset: the embedded server"],
  ["NEO4J_USER", "user name (default neo4j)"],
  ["NEO4J_PASSWORD", "password (unset: no authentication, as the embedded server needs)"],
  ["NEO4J_DATABASE", "database name (default neo4j)"],
  ["KG_NEO4J_DIR", "data, pid and log directory of the embedded server (default .neo4j)"],
  ["KG_NEO4J_PORT", "Bolt port of the embedded server (default 7687)"],
  ["KG_NEO4J_HEAP", "JVM heap of the embedded server (default 1g)"],
  ["KG_NEO4J_PAGECACHE", "page cache of the embedded server (default 512m)"],
  ["PORT", "HTTP port of the GraphQL server (default 4000; 0 picks a free one)"],
  ["HOST", "address the GraphQL server listens on (default 127.0.0.1; 0.0.0.0 for all)"],
  ["KG_API_KEY", "bearer key that unlocks mutations (unset: mutations refused)"],
  ["KG_PAGE_DEFAULT", "default page size of list fields (default 20)"],
  ["KG_PAGE_MAX", "largest page size a client may ask for (default 100)"],
  ["KG_MAX_DEPTH", "deepest GraphQL query accepted (default 12)"],
  ["KG_MAX_COST", "largest estimated number of resolved fields per query (default 20000)"],
  ["KG_MAX_BODY_BYTES", "largest HTTP request body; larger gets 413 (default 4194304)"],
  ["KG_MAX_TOKENS", "most GraphQL tokens in one query (default 5000)"],
  ["KG_MAX_ROOT_FIELDS", "most top-level fields, aliases included, in one operation (default 20)"],
  ["KG_MAX_ALIASES", "most aliased fields in one query (default 50)"],
  ["KG_MAX_ROUND_TRIPS", "most Cypher statements one request may send (default 100)"],
  ["KG_MAX_ROWS", "most rows and list elements one request may read from Neo4j (default 100000)"],
  ["KG_REQUEST_TIMEOUT_MS", "time one request's database work may take, also the Neo4j transaction timeout (default 10000)"],
  ["KG_MAX_RESPONSE_BYTES", "largest response body; larger is replaced by an error (default 16777216)"],
  ["KG_INTROSPECTION", "on/off: schema introspection and field suggestions (default on, off when NODE_ENV=production)"],
  ["KG_SHUTDOWN_MS", "how long in-flight requests may finish after SIGTERM/SIGINT (default 10000)"],
  ["KG_MAX_FACTS_PER_REPORT", "most figures plus mentions one report may have; more fails that report (default 20000)"],
  ["NODE_ENV", "production tightens defaults (no CORS origins); unset or anything else: development"],
  ["KG_CORS_ORIGINS", "browser origins allowed to call the API, comma-separated (http://localhost:* allows any port), * or none (default: localhost in development, none in production)"],
  ["KG_LOG_LEVEL", `log level: ${LOG_LEVELS.join(", ")} (default info)`],
  ["KG_LOG_FORMAT", "json, pretty, or auto: pretty on a terminal, JSON otherwise (default auto)"],
  ["KG_SERVER_TIMING", "on/off: GraphQL answers carry a Server-Timing header with where the request's time went (default off)"],
  ["KG_CONFIG", "a configuration file to read instead of ./kg.config.json and ./.env"],
];

const KNOWN = new Set(CONFIG_VARIABLES.map(([name]) => name));

/** Where a value in force came from: "environment", "default", or a file's path. */
export interface Settings {
  values: Env;
  sources: Record<string, string>;
  /** the configuration files read, in order of increasing precedence */
  files: string[];
}

function closest(name: string): string | undefined {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  const [best] = [...KNOWN].map((k) => [k, distance(name, k)] as const).sort((a, b) => a[1] - b[1]);
  return best && best[1] <= 3 ? best[0] : undefined;
}

/** kg.config.json: an object of the same names as the environment variables. */
function readJsonFile(file: string): Env {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigFileError(file, `not valid JSON (${(error as Error).message.split("\n")[0]})`);
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new ConfigFileError(file, "expected an object of settings");
  const values: Env = {};
  for (const [key, value] of Object.entries(json)) {
    if (!KNOWN.has(key)) {
      const guess = closest(key);
      throw new ConfigFileError(file, `unknown setting ${JSON.stringify(key)}${guess ? `; did you mean ${guess}?` : ""}`);
    }
    if (Array.isArray(value)) values[key] = value.join(",");
    else if (["string", "number", "boolean"].includes(typeof value)) values[key] = String(value);
    else throw new ConfigFileError(file, `${key}: expected a string, number or list`);
  }
  return values;
}

/** .env: the usual KEY=value lines; names this program does not know are left alone. */
function readDotenvFile(file: string): Env {
  const values: Env = {};
  for (const [key, value] of Object.entries(parseDotenv(readFileSync(file)))) if (KNOWN.has(key)) values[key] = value;
  return values;
}

function readFile(file: string): Env {
  return basename(file).endsWith(".json") ? readJsonFile(file) : readDotenvFile(file);
}

/**
 * Settings from the environment over ./.env over ./kg.config.json (or over KG_CONFIG alone when
 * it names a file), each value with where it came from.
 */
export function readSettings(env: Env = process.env, cwd = process.cwd()): Settings {
  const named = text(env, "KG_CONFIG");
  if (named && !existsSync(resolve(cwd, named))) throw new ConfigFileError(named, "KG_CONFIG names a file that does not exist");
  const files = named ? [resolve(cwd, named)] : [resolve(cwd, "kg.config.json"), resolve(cwd, ".env")].filter((f) => existsSync(f));
  const values: Env = {};
  const sources: Record<string, string> = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(readFile(file))) {
      values[key] = value;
      sources[key] = file;
    }
  }
  for (const name of KNOWN) {
    if (text(env, name) !== undefined) {
      values[name] = env[name];
      sources[name] = "environment";
    }
  }
  return { values, sources, files };
}
