// The CSV form neo4j-admin reads: quoting, lists, absent values, line breaks; and its arguments.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ARRAY_DELIMITER, CsvFile } from "../../src/graph/bulk/csv.js";
import { importArguments } from "../../src/graph/bulk/admin.js";
import { isSchemaStatement } from "../../src/graph/bulk/schema.js";
import { loadMigrations } from "../../src/graph/migrate.js";

const dir = mkdtempSync(join(tmpdir(), "kg-csv-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CsvFile", () => {
  it("quotes strings, writes numbers bare, leaves nulls and empty lists empty, joins lists", async () => {
    const file = await CsvFile.create(join(dir, "a.csv"), ["id:ID(A)", "s", "n:double", "l:string[]", "e:string[]"]);
    file.row(["a", 'say "hi", twice', 2.5, ["x", "y"], []]);
    file.row(["b", "", null, [1, 2], undefined]);
    expect(file.multiline).toBe(false);
    file.row(["c", "two\nlines", 0, [], []]);
    expect(file.multiline).toBe(true);
    await file.close();
    expect(file.rows).toBe(3);
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe(
      `id:ID(A),s,n:double,l:string[],e:string[]\n` +
        `"a","say ""hi"", twice",2.5,"x${ARRAY_DELIMITER}y",\n` +
        `"b","",,"1${ARRAY_DELIMITER}2",\n` +
        `"c","two\nlines",0,,\n`,
    );
  });

  it("refuses a row of the wrong width and a list element holding the delimiter", async () => {
    const file = await CsvFile.create(join(dir, "b.csv"), ["id:ID(B)", "l:string[]"]);
    expect(() => file.row(["only one"])).toThrow(/1 values for the 2 columns/);
    expect(() => file.row(["x", [`a${ARRAY_DELIMITER}b`]])).toThrow(/array delimiter/);
    await file.close();
  });
});

describe("neo4j-admin arguments", () => {
  it("names the database before the files, and reads multi-line values when a file has them", () => {
    const args = importArguments(
      [
        { kind: "nodes", name: "Report", path: "/t/nodes-Report.csv", rows: 1, multiline: true },
        { kind: "relationships", name: "OF", path: "/t/relationships-OF-Metric.csv", rows: 1, multiline: false },
      ],
      "/t/import.report",
      "2g",
    );
    expect(args.slice(0, 4)).toEqual(["database", "import", "full", "neo4j"]);
    expect(args).toContain("--multiline-fields=true");
    expect(args.slice(-2)).toEqual(["--nodes=Report=/t/nodes-Report.csv", "--relationships=OF=/t/relationships-OF-Metric.csv"]);
  });
});

describe("after the import", () => {
  it("runs the migrations' schema statements and none of their data statements", async () => {
    const statements = (await loadMigrations()).flatMap((m) => m.statements);
    const schema = statements.filter(isSchemaStatement);
    expect(schema.some((s) => s.startsWith("CREATE FULLTEXT INDEX"))).toBe(true);
    expect(schema.some((s) => s.startsWith("DROP INDEX"))).toBe(true);
    expect(schema.some((s) => s.startsWith("CREATE TEXT INDEX"))).toBe(true);
    expect(statements.filter((s) => !isSchemaStatement(s)).every((s) => /^(MATCH|MERGE)\b/.test(s))).toBe(true);
  });
});
