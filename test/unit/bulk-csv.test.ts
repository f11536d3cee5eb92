// The CSV form neo4j-admin reads: quoting, lists, absent values, line breaks; and its arguments.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ARRAY_DELIMITER, CsvFile, CsvLines, packCsv } from "../../src/graph/bulk/csv.js";
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

describe("rows made in a worker", () => {
  it("pack several files' rows into one buffer of their own, which the file writes as they were", async () => {
    const report = new CsvLines(["id:ID(R)", "text", "url"], "R");
    report.row(["r1", "第一行\n第二行"], 1);
    const metric = new CsvLines(["id:ID(M)", "v:double"], "M");
    metric.row(["m1", 1.5]);
    metric.row(["m2", 2]);
    const [reportBytes, metricBytes] = packCsv([report, metric]);
    expect(reportBytes!.bytes.buffer).toBe(metricBytes!.bytes.buffer);
    expect(reportBytes!.bytes.buffer.byteLength).toBe(reportBytes!.bytes.length + metricBytes!.bytes.length);
    expect(metricBytes).toMatchObject({ rows: 2, multiline: false });

    const reports = await CsvFile.create(join(dir, "r.csv"), ["id:ID(R)", "text", "url"]);
    reports.append(reportBytes!);
    reports.appendText(`,"https://example.gov.cn/r1"\n`);
    await reports.close();
    expect(reports).toMatchObject({ rows: 1, multiline: true });
    expect(readFileSync(join(dir, "r.csv"), "utf8")).toBe(`id:ID(R),text,url\n"r1","第一行\n第二行","https://example.gov.cn/r1"\n`);
    const metrics = await CsvFile.create(join(dir, "m.csv"), ["id:ID(M)", "v:double"]);
    metrics.append(metricBytes!);
    await metrics.close();
    expect(readFileSync(join(dir, "m.csv"), "utf8")).toBe(`id:ID(M),v:double\n"m1",1.5\n"m2",2\n`);
  });

  it("refuses a row of the wrong width, counting the fields left open", () => {
    const lines = new CsvLines(["a", "b", "c"], "X");
    expect(() => lines.row(["1", "2", "3"], 1)).toThrow(/3 values for the 2 columns of X/);
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
