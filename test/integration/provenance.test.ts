// Where a report can be found, when the same text arrives again from another file or with
// another URL (src/graph/provenance.ts), on a real Neo4j.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/graph/driver.js";
import { readVersion } from "../../src/graph/version.js";
import { ingest } from "../../src/ingest/ingest.js";
import { listSources } from "../../src/ingest/sources.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph, countGraph } from "../support/graph.js";

const FENGQIAO = resolve("examples/reports/2022-zhuji-fengqiao.txt");
const WENXIN = resolve("examples/reports/2022-xihu-wenxin.txt");
const FORMATS = resolve("test/fixtures/formats");
const URL_1 = "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html";
const URL_2 = "https://www.zhuji.gov.cn/art/2023/1/20/art_1229_4100.html";
const URL_3 = "https://www.zhuji.gov.cn/files/fengqiao-2022.pdf";

let db: Database;
let scratch: string;
let dir: string;

beforeAll(() => {
  db = openTestDatabase();
  scratch = mkdtempSync(join(tmpdir(), "kg-provenance-"));
});
beforeEach(async () => {
  await clearGraph(db);
  dir = mkdtempSync(join(scratch, "case-"));
});
afterAll(async () => {
  await clearGraph(db);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

const run = async (paths: string[] = [dir]) => ingest(db, await listSources(paths), { workers: 0, batchSize: 10 });

async function sources() {
  const { records } = await db.driver.executeQuery(
    `MATCH (r:Report) OPTIONAL MATCH (s:Source)-[:OF]->(r)
     WITH r, s ORDER BY s.path
     RETURN r.subjectCode AS subject, r.sourcePath AS path, r.sourceUrl AS url, r.sourceFormat AS format, collect(s.path) AS files
     ORDER BY subject`,
  );
  return records.map((r) => r.toObject());
}

describe("the same text again", () => {
  it("from the same file and URL changes nothing; a URL added or changed for that file is shown; a file without a URL keeps it", async () => {
    const a = join(dir, "a.txt");
    cpSync(FENGQIAO, a);
    await run();
    expect(await sources()).toEqual([{ subject: "330681109", path: a, url: null, format: "text", files: [a] }]);

    // The same text from the same place: no write at all.
    const graph = await countGraph(db);
    const version = await readVersion(db);
    const again = await run();
    expect(again.counts).toEqual({ new: 0, unchanged: 1, updated: 0 });
    expect(again.created).toEqual({ nodes: 0, relationships: 0 });
    expect(await readVersion(db)).toBe(version);
    expect(await countGraph(db)).toEqual(graph);

    // A sidecar gives the file a URL: the report shows it, counts as updated, and readers' cached answers are renewed.
    writeFileSync(`${a}.url`, URL_1);
    const withUrl = await run();
    expect(withUrl.counts).toEqual({ new: 0, unchanged: 0, updated: 1 });
    expect(withUrl.results).toEqual([{ source: a, id: withUrl.results[0]!.id, status: "updated" }]);
    expect(await sources()).toEqual([{ subject: "330681109", path: a, url: URL_1, format: "text", files: [a] }]);
    expect(await readVersion(db)).toBeGreaterThan(version);

    // Republished at a new address: the new URL replaces the old.
    writeFileSync(`${a}.url`, URL_2);
    expect((await run()).counts).toEqual({ new: 0, unchanged: 0, updated: 1 });
    expect((await sources())[0].url).toBe(URL_2);

    // Now with no URL (the sidecar gone), and again with the same one: the URL stays, nothing is written.
    rmSync(`${a}.url`);
    const before = await readVersion(db);
    expect((await run()).counts).toEqual({ new: 0, unchanged: 1, updated: 0 });
    writeFileSync(`${a}.url`, URL_2);
    expect((await run()).counts).toEqual({ new: 0, unchanged: 1, updated: 0 });
    expect((await sources())[0].url).toBe(URL_2);
    expect(await readVersion(db)).toBe(before);
    expect(await countGraph(db)).toEqual(graph);
  });

  it("from another file: the first file stays the source while it holds the text; its URL is taken only when the report has none", async () => {
    const a = join(dir, "a.txt");
    const b = join(dir, "b.txt");
    cpSync(FENGQIAO, a);
    await run();
    cpSync(FENGQIAO, b);
    writeFileSync(join(dir, "b.url"), URL_3);
    const second = await run();
    // b.txt brought the report a URL: b counts as updated, a as unchanged.
    expect(second.counts).toEqual({ new: 0, unchanged: 1, updated: 1 });
    expect(second.results.map((r) => [r.source, r.status])).toEqual([[a, "unchanged"], [b, "updated"]]);
    // a.txt still holds the text: it stays the source; the report had no URL, so b's is shown.
    expect(await sources()).toEqual([{ subject: "330681109", path: a, url: URL_3, format: "text", files: [a, b] }]);

    // a.txt gets a URL of its own: the source file's URL wins over the one another file brought.
    writeFileSync(`${a}.url`, URL_1);
    expect((await run()).results.map((r) => [r.source, r.status])).toEqual([[a, "updated"], [b, "unchanged"]]);
    expect((await sources())[0]).toMatchObject({ path: a, url: URL_1 });
    // b's URL changing does not touch a report whose source file has one.
    writeFileSync(join(dir, "b.url"), URL_2);
    expect((await run()).counts).toEqual({ new: 0, unchanged: 2, updated: 0 });
    expect((await sources())[0]).toMatchObject({ path: a, url: URL_1 });
  });

  it("when the source file now holds another text, the next file with this text becomes the source, with its encoding and URL", async () => {
    const a = join(dir, "a.txt");
    cpSync(FENGQIAO, a);
    writeFileSync(`${a}.url`, URL_1);
    // The same report saved as UTF-16, published at its own address.
    const copy = join(dir, "z.txt");
    cpSync(join(FORMATS, "fengqiao-utf16le.txt"), copy);
    writeFileSync(join(dir, "z.url"), URL_3);
    await run();
    expect(await sources()).toEqual([{ subject: "330681109", path: a, url: URL_1, format: "text", files: [a, copy] }]);

    // a.txt is overwritten with another report: the first report is still in z.txt, which becomes its source.
    cpSync(WENXIN, a);
    rmSync(`${a}.url`);
    const summary = await run();
    // z.txt is now the first report's source: that report counts as updated.
    expect(summary.counts).toEqual({ new: 1, unchanged: 0, updated: 1 });
    expect(summary.results.map((r) => [r.source, r.status])).toEqual([[a, "new"], [copy, "updated"]]);
    expect(await sources()).toEqual([
      { subject: "330106013", path: a, url: null, format: "text", files: [a] },
      { subject: "330681109", path: copy, url: URL_3, format: "text", files: [copy] },
    ]);
    const { records } = await db.driver.executeQuery("MATCH (r:Report {sourcePath: $copy}) RETURN r.sourceEncoding AS encoding", { copy });
    expect(records.map((r) => r.get("encoding"))).toEqual(["utf-16le"]);
  });

  it("when the source file now holds another text and only that file is ingested, another file still holding the text becomes the source", async () => {
    const a = join(dir, "a.txt");
    cpSync(FENGQIAO, a);
    writeFileSync(`${a}.url`, URL_1);
    const copy = join(dir, "z.txt");
    cpSync(join(FORMATS, "fengqiao-utf16le.txt"), copy);
    writeFileSync(join(dir, "z.url"), URL_3);
    await run();
    const version = await readVersion(db);

    // Only a.txt is read again, now holding another report: z.txt still holds the first one.
    cpSync(WENXIN, a);
    rmSync(`${a}.url`);
    expect((await run([a])).counts).toEqual({ new: 1, unchanged: 0, updated: 0 });
    expect(await sources()).toEqual([
      { subject: "330106013", path: a, url: null, format: "text", files: [a] },
      { subject: "330681109", path: copy, url: URL_3, format: "text", files: [copy] },
    ]);
    const { records } = await db.driver.executeQuery("MATCH (r:Report {sourcePath: $copy}) RETURN r.sourceEncoding AS encoding", { copy });
    expect(records.map((r) => r.get("encoding"))).toEqual(["utf-16le"]);
    expect(await readVersion(db)).toBeGreaterThan(version);
    // and reading both again changes nothing
    const after = await readVersion(db);
    expect((await run()).counts).toEqual({ new: 0, unchanged: 2, updated: 0 });
    expect(await readVersion(db)).toBe(after);
  });

  it("read from several files in one ingest: the first in listing order is the source, whatever order they were read in", async () => {
    const names = ["m.docx", "n.pdf"];
    cpSync(join(FORMATS, "fengqiao.docx"), join(dir, names[0]!));
    cpSync(join(FORMATS, "fengqiao.pdf"), join(dir, names[1]!));
    writeFileSync(join(dir, "n.pdf.url"), URL_3);
    const listed = await listSources([dir]);
    for (const order of [listed, [...listed].reverse()]) {
      await clearGraph(db);
      await ingest(db, order, { workers: 0, batchSize: 10 });
      // m.docx has no URL: the report takes n.pdf's.
      expect(await sources()).toEqual([{ subject: "330681109", path: join(dir, "m.docx"), url: URL_3, format: "docx", files: names.map((n) => join(dir, n)) }]);
    }
  });
});
