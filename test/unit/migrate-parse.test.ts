import { describe, expect, it } from "vitest";
import { loadMigrations, parseStatements } from "../../src/graph/migrate.js";

describe("migration files", () => {
  it("split into statements at line-ending semicolons, comments dropped", () => {
    const source = "// keys\nCREATE CONSTRAINT a IF NOT EXISTS FOR (x:A) REQUIRE x.id IS UNIQUE;\n\nCREATE INDEX b IF NOT EXISTS\n  FOR (y:B) ON (y.name);\n";
    expect(parseStatements(source)).toEqual([
      "CREATE CONSTRAINT a IF NOT EXISTS FOR (x:A) REQUIRE x.id IS UNIQUE",
      "CREATE INDEX b IF NOT EXISTS\n  FOR (y:B) ON (y.name)",
    ]);
  });

  it("are found in order with their ids", async () => {
    const migrations = await loadMigrations();
    expect(migrations[0]!.id).toBe("001_constraints");
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    expect(migrations.every((m) => m.statements.length > 0)).toBe(true);
  });
});
