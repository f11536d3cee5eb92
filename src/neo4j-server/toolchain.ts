// Java and Maven for the embedded Neo4j: found, checked, and the module built on first use.
import { spawnSync } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { existsSync, statSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const MODULE_DIR = fileURLToPath(new URL("../../tools/neo4j/", import.meta.url));
const MAIN_CLASS_FILE = join(MODULE_DIR, "target/classes/kg/neo4j/EmbeddedNeo4j.class");
const LIB_DIR = join(MODULE_DIR, "target/lib");

export const DOCKER_HINT = "or run Neo4j in Docker: docker compose up -d neo4j, then NEO4J_URI=bolt://localhost:7687";

export class ToolchainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolchainError";
  }
}

function javaHome(): string | null {
  const home = process.env.JAVA_HOME;
  return home && existsSync(join(home, "bin/java")) ? home : null;
}

export function javaCommand(): string {
  const home = javaHome();
  return home ? join(home, "bin/java") : "java";
}

/** The major version of the java on PATH (or JAVA_HOME), or null when there is none. */
export function javaMajorVersion(): number | null {
  const result = spawnSync(javaCommand(), ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function requireJava(): void {
  const major = javaMajorVersion();
  if (major === null) throw new ToolchainError(`the embedded Neo4j needs Java 17 or newer, and none was found; ${DOCKER_HINT}`);
  if (major < 17) throw new ToolchainError(`the embedded Neo4j needs Java 17 or newer, found Java ${major}; ${DOCKER_HINT}`);
}

function newestSource(): number {
  let newest = statSync(join(MODULE_DIR, "pom.xml")).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(MODULE_DIR, "src"));
  return newest;
}

export function isBuilt(): boolean {
  return existsSync(MAIN_CLASS_FILE) && existsSync(LIB_DIR) && statSync(MAIN_CLASS_FILE).mtimeMs >= newestSource();
}

/**
 * Runs Maven quietly: no download progress, and its output without the colour codes Maven 3.8
 * writes even in batch mode (they would show raw in a log or a terminal that is not a TTY).
 */
export function runMaven(args: string[]): { status: number | null; output: string } {
  const result = spawnSync("mvn", ["-q", "-B", "--no-transfer-progress", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout ?? ""}${result.stderr ?? ""}`).trim() };
}

/** Builds tools/neo4j with Maven unless it is built and current. Maven's messages go to stderr. */
export function buildServer(log: (line: string) => void = () => {}): void {
  requireJava();
  if (isBuilt()) return;
  const mvn = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (mvn.error || mvn.status !== 0) {
    throw new ToolchainError(`building the embedded Neo4j needs Maven (mvn), which was not found; ${DOCKER_HINT}`);
  }
  log("building the embedded Neo4j (first use; Maven downloads Neo4j once) ...");
  const build = runMaven(["-f", join(MODULE_DIR, "pom.xml"), "package", "-DskipTests"]);
  if (build.output) process.stderr.write(build.output + "\n");
  if (build.status !== 0) throw new ToolchainError(`building tools/neo4j with Maven failed (exit ${build.status}); see the output above`);
}

export function serverClasspath(): string {
  return `${join(MODULE_DIR, "target/classes")}:${join(LIB_DIR, "*")}`;
}
