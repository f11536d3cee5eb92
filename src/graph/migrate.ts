// Applies cypher/migrations/NNN_name.cypher in order, each once, recorded as (:Migration {id}).
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "./driver.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../cypher/migrations/", import.meta.url));

export interface Migration {
  id: string;
  statements: string[];
}

/** Splits a migration file into statements: `;` at a line end separates them, `//` lines are comments. */
export function parseStatements(source: string): string[] {
  return source
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[\w-]+\.cypher$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      id: file.replace(/\.cypher$/, ""),
      statements: parseStatements(await readFile(dir + file, "utf8")),
    })),
  );
}

/** Applies the migrations not yet recorded; returns the ids applied now. */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const options = { database: db.database };
  const done = await db.driver.executeQuery("MATCH (m:Migration) RETURN m.id AS id", {}, options);
  const applied = new Set(done.records.map((r) => r.get("id") as string));
  const now: string[] = [];
  for (const migration of all) {
    if (applied.has(migration.id)) continue;
    // Schema statements cannot share a transaction with writes: each runs on its own.
    // They are written with IF NOT EXISTS, so a run interrupted here is safe to repeat.
    // Auto-commit (session.run), so that a data change over a large graph can commit in slices
    // (CALL … IN TRANSACTIONS).
    const session = db.driver.session(options);
    try {
      for (const statement of migration.statements) await session.run(statement);
    } finally {
      await session.close();
    }
    await db.driver.executeQuery(
      "MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()",
      { id: migration.id },
      options,
    );
    now.push(migration.id);
  }
  return now;
}
