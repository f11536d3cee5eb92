// Runs `neo4j-admin database import full` from the embedded Neo4j's own classpath (tools/neo4j
// depends on neo4j-import-tool): the store it writes is the one `kg neo4j start` then opens.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildServer, javaCommand, serverClasspath } from "../../neo4j-server/toolchain.js";
import { ARRAY_DELIMITER_OPTION } from "./csv.js";
import type { ImportFile } from "./graph-files.js";

/** The database the embedded server serves (Neo4j Community has one). */
export const DATABASE = "neo4j";

/** The Neo4j home of the embedded store in `storeDir` (src/neo4j-server/server.ts passes it as --data). */
export const neo4jHome = (storeDir: string) => join(storeDir, "data");

/** Whether `storeDir` holds a database already (started once, or imported). */
export const storeExists = (storeDir: string) => existsSync(join(neo4jHome(storeDir), "data", "databases", DATABASE));

export interface AdminImportOptions {
  /** where neo4j-admin writes its report of bad entries */
  reportFile: string;
  /** where its output is kept */
  logFile: string;
  /** memory the importer may use outside its heap (its caches), e.g. 2g */
  offHeap: string;
  heap: string;
  log?: (line: string) => void;
}

export class AdminImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdminImportError";
  }
}

export function importArguments(files: ImportFile[], reportFile: string, offHeap: string): string[] {
  const multiline = files.filter((f) => f.multiline);
  return [
    "database",
    "import",
    "full",
    // the database first: each --nodes/--relationships takes every argument after it as a file
    DATABASE,
    "--overwrite-destination=true",
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    `--report-file=${reportFile}`,
    `--max-off-heap-memory=${offHeap}`,
    // Values with line breaks (a report's text) need the multi-line reader. Its v2 form, which
    // takes a list of files, failed on 10,000 reports ("found CR outside a text cell" at a read
    // buffer's end, 5.26.30), so v1 reads every file that way when any needs it.
    ...(multiline.length ? ["--multiline-fields=true"] : []),
    ...files.map((f) => `--${f.kind}=${f.name}=${f.path}`),
  ];
}

/** Imports the files into an empty (or replaced) store; resolves with what neo4j-admin printed. */
export async function adminImport(storeDir: string, files: ImportFile[], options: AdminImportOptions): Promise<string> {
  buildServer(options.log);
  const home = neo4jHome(storeDir);
  mkdirSync(home, { recursive: true });
  const args = [`-Xmx${options.heap}`, "-cp", serverClasspath(), "org.neo4j.cli.AdminTool", ...importArguments(files, options.reportFile, options.offHeap), "--verbose"];
  const child = spawn(javaCommand(), args, {
    // The embedded store has no neo4j.conf: the defaults put the database where the server looks.
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, "conf") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
  const code = await new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    child.once("close", done);
  });
  writeFileSync(options.logFile, output);
  if (code !== 0) {
    const lines = output.trim().split("\n");
    const reason = lines.find((l) => /^Caused by:/.test(l)) ?? lines.findLast((l) => /error|exception|invalid|duplicate|missing/i.test(l)) ?? lines[lines.length - 1] ?? "";
    throw new AdminImportError(`neo4j-admin database import failed (exit ${code}): ${reason.trim().slice(0, 400)} (its output: ${options.logFile})`);
  }
  return output;
}
