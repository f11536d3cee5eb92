// kg ingest on a real Neo4j: exact graph, idempotence, updates, deletes, failures, concurrency.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { extractReport } from "../../src/extract/index.js";
import { openDatabase, type Database } from "../../src/graph/driver.js";
import { deleteReport } from "../../src/graph/delete.js";
import { ingest, IngestInterruptedError, type IngestOptions } from "../../src/ingest/ingest.js";
import { listSources } from "../../src/ingest/sources.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph, countGraph, duplicateKeys, duplicateRelationships } from "../support/graph.js";
import { startProxy } from "../support/proxy.js";

const EXAMPLES = resolve("examples/reports");
const FORMATS = resolve("test/fixtures/formats");
const inline: IngestOptions = { workers: 0, batchSize: 4 };
let db: Database;
let scratch: string;

beforeAll(() => {
  db = openTestDatabase();
  scratch = mkdtempSync(join(tmpdir(), "kg-ingest-test-"));
});
beforeEach(() => clearGraph(db));
afterAll(async () => {
  await clearGraph(db);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function ingestPaths(paths: string[], options = inline, database = db) {
  return ingest(database, await listSources(paths), options);
}

function copyExamples(name: string): string {
  const dir = join(scratch, name);
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(cypher, params)).records.map((r) => r.toObject());

describe("ingesting the examples", () => {
  it("writes each report with exactly the extraction's facts", async () => {
    const summary = await ingestPaths([EXAMPLES]);
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).sort();
    expect(summary.counts).toEqual({ new: files.length, unchanged: 0, updated: 0 });
    expect(summary.failed).toEqual([]);

    for (const file of files) {
      const x = extractReport(readFileSync(join(EXAMPLES, file), "utf8"));
      const [report] = await query(
        `MATCH (r:Report {id: $id})<-[:OF]-(s:Source)
         OPTIONAL MATCH (r)-[:ABOUT]->(j:Jurisdiction)
         RETURN r.year AS year, r.publishedAt AS publishedAt, s.path AS source, j.code AS subject,
                COUNT { (r)-[:STATES]->(:Metric) } AS metrics,
                [(r)-[:MENTIONS]->(p:Program) | p.key] AS programs,
                [(r)-[:MENTIONS]->(l:Law) | l.key] AS laws,
                [(r)-[:MENTIONS]->(f:LawFirm) | f.key] AS firms,
                [(r)-[:MENTIONS]->(pl:Jurisdiction) | pl.code] AS places`,
        { id: x.textHash },
      );
      const keys = (type: string) => x.entities.filter((e) => e.type === type).map((e) => e.key).sort();
      expect(report, file).toMatchObject({
        year: x.report.year,
        publishedAt: x.report.publishedAt,
        source: join(EXAMPLES, file),
        subject: x.report.subject?.code ?? null,
        metrics: x.metrics.length,
      });
      expect((report!.programs as string[]).sort(), file).toEqual(keys("Program"));
      expect((report!.laws as string[]).sort(), file).toEqual(keys("Law"));
      expect((report!.firms as string[]).sort(), file).toEqual(keys("LawFirm"));
      const placeCodes = x.entities.filter((e) => (e.type === "Jurisdiction" || e.type === "Community") && e.code).map((e) => e.code);
      expect((report!.places as string[]).sort(), file).toEqual([...new Set(placeCodes)].sort());
    }
  });

  it("links places up to their province and records what the examples say about firms", async () => {
    await ingestPaths([EXAMPLES]);
    const chain = await query(
      `MATCH path = (:Jurisdiction {code: '330106005'})-[:PART_OF*]->(top:Jurisdiction)
       WHERE NOT (top)-[:PART_OF]->()
       RETURN [j IN nodes(path) | j.code] AS codes`,
    );
    expect(chain).toEqual([{ codes: ["330106005", "330106", "3301", "33"] }]);
    const advised = await query(
      `MATCH (:LawFirm {name: '浙江澄衡律师事务所'})-[a:ADVISES]->(j:Jurisdiction)
       RETURN j.code AS code, a.year AS year ORDER BY year, code`,
    );
    expect(advised).toEqual([
      { code: "330106005", year: 2022 },
      { code: "330106013", year: 2022 },
      { code: "330106005", year: 2023 },
    ]);
  });

  it("changes nothing when the same files are ingested again", async () => {
    await ingestPaths([EXAMPLES]);
    const before = await countGraph(db);
    const again = await ingestPaths([EXAMPLES]);
    expect(again.counts).toEqual({ new: 0, unchanged: before.labels.Report, updated: 0 });
    expect(again.created).toEqual({ nodes: 0, relationships: 0 });
    expect(await countGraph(db)).toEqual(before);
  });
});

describe("kg ingest, the command", () => {
  it("extracts on worker threads and prints its summary", () => {
    const result = spawnSync(process.execPath, ["dist/cli/main.js", "ingest", "--json", "--workers", "2", "--batch", "4", EXAMPLES], {
      encoding: "utf8",
      env: { ...process.env, NEO4J_URI: inject("neo4jUri") },
    });
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts).toEqual({ new: 6, unchanged: 0, updated: 0 });
    expect(summary.failed).toEqual([]);
    expect(summary.created.nodes).toBeGreaterThan(100);
    expect(summary.extractMs).toBeGreaterThan(0);
  });

  it("writes reports in listing order, whichever extraction ends first", async () => {
    // The first file is long (its extraction takes far longer), the second short; with two
    // workers the second is extracted first, but the graph must not depend on that.
    const dir = join(scratch, "ordered");
    mkdirSync(dir);
    const filler = "各项工作稳步推进，群众满意度不断提升。\n".repeat(20_000);
    writeFileSync(join(dir, "a.txt"), readFileSync(join(EXAMPLES, "2022-xihu-cuiyuan.txt"), "utf8") + filler);
    cpSync(join(EXAMPLES, "2023-wujin-hutang.txt"), join(dir, "b.txt"));
    const result = spawnSync(process.execPath, ["dist/cli/main.js", "ingest", "--json", "--workers", "2", "--batch", "1", dir], {
      encoding: "utf8",
      env: { ...process.env, NEO4J_URI: inject("neo4jUri") },
    });
    expect(result.status, result.stderr).toBe(0);
    // One report per transaction, so each Report's ingestedAt says when its batch was written.
    const written = await query("MATCH (s:Source)-[:OF]->(r:Report) RETURN s.path AS path ORDER BY r.ingestedAt");
    expect(written.map((w) => (w.path as string).split("/").pop())).toEqual(["a.txt", "b.txt"]);
  });
});

describe("a changed file", () => {
  it("replaces only that report's facts, in place of the old version", async () => {
    const dir = copyExamples("changed");
    await ingestPaths([dir]);
    const file = join(dir, "2022-xihu-wenxin.txt");
    const oldId = extractReport(readFileSync(file, "utf8")).textHash;
    const others = await query("MATCH (r:Report) WHERE r.id <> $id RETURN r.id AS id, COUNT { (r)-->() } AS facts ORDER BY id", { id: oldId });

    const changed = readFileSync(file, "utf8").replace(/\n/, "\n街道全年开展“法润万家”主题普法活动36场,覆盖群众4200人次。\n");
    writeFileSync(file, changed);
    const summary = await ingestPaths([dir]);
    expect(summary.counts).toEqual({ new: 0, unchanged: others.length, updated: 1 });

    const newId = extractReport(changed).textHash;
    expect(await query("MATCH (r:Report {id: $id}) RETURN r.id AS id", { id: oldId })).toEqual([]);
    expect(await query("MATCH (:Source {path: $path})-[:OF]->(r:Report) RETURN r.id AS id", { path: file })).toEqual([{ id: newId }]);
    const metrics = await query("MATCH (:Report {id: $id})-[:STATES]->(m:Metric) WHERE m.value = 36 RETURN m.unit AS unit", { id: newId });
    expect(metrics).toEqual([{ unit: "场" }]);
    expect(await query("MATCH (r:Report) WHERE r.id <> $id RETURN r.id AS id, COUNT { (r)-->() } AS facts ORDER BY id", { id: newId })).toEqual(others);
    expect(await duplicateKeys(db)).toEqual([]);
  });
});

describe("deleting a report", () => {
  it("keeps entities other reports mention and removes the ones only it mentioned", async () => {
    await ingestPaths([EXAMPLES]);
    const file = join(EXAMPLES, "2023-wujin-hutang.txt");
    const x = extractReport(readFileSync(file, "utf8"));
    const programs = x.entities.filter((e) => e.type === "Program").map((e) => e.key);
    const mentionedElsewhere = await query(
      `UNWIND $keys AS key MATCH (p:Program {key: key})<-[:MENTIONS]-(r:Report) WHERE r.id <> $id RETURN DISTINCT p.key AS key`,
      { keys: programs, id: x.textHash },
    );
    const shared = mentionedElsewhere.map((r) => r.key as string).sort();
    const own = programs.filter((k) => !shared.includes(k)).sort();
    expect(shared.length).toBeGreaterThan(0);

    expect(await deleteReport(db, x.textHash)).toBe(true);
    expect(await deleteReport(db, x.textHash)).toBe(false);
    const left = await query("UNWIND $keys AS key MATCH (p:Program {key: key}) RETURN p.key AS key ORDER BY key", { keys: programs });
    expect(left.map((r) => r.key)).toEqual(shared);
    expect(own.every((k) => !left.some((r) => r.key === k))).toBe(true);
    // Its township (only this report is about Jiangsu) is gone, with the chain above it.
    expect(await query("MATCH (j:Jurisdiction) WHERE j.code STARTS WITH '32' RETURN j.code AS code")).toEqual([]);
    expect(await query("MATCH (m:Metric) WHERE m.id STARTS WITH $id RETURN m", { id: x.textHash })).toEqual([]);
    expect(await query("MATCH (s:Source {path: $path}) RETURN s", { path: file })).toEqual([]);
  });
});

describe("unusual reports", () => {
  it("writes a report in which nothing is found", async () => {
    const file = join(scratch, "plain.txt");
    writeFileSync(file, "今天天气很好,我们一起去公园散步。\n");
    const summary = await ingestPaths([file]);
    expect(summary.counts.new).toBe(1);
    const [row] = await query("MATCH (r:Report) RETURN COUNT { (r)-->() } AS out, r.year AS year");
    expect(row).toEqual({ out: 0, year: null });
  });

  it("reports unreadable files with their reason and writes the rest", async () => {
    const dir = join(scratch, "mixed");
    cpSync(join(EXAMPLES, "2022-xihu-cuiyuan.txt"), join(dir, "good.txt"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    cpSync(join(FORMATS, "truncated.pdf"), join(dir, "truncated.pdf"));
    cpSync(join(FORMATS, "legacy.doc"), join(dir, "legacy.doc"));
    const summary = await ingestPaths([dir]);
    expect(summary.counts.new).toBe(1);
    expect(summary.failed.map((f) => f.reason).sort()).toEqual([
      `${join(dir, "binary.txt")}: binary data (NUL bytes), not a text report`,
      `${join(dir, "empty.txt")}: empty file`,
      `${join(dir, "legacy.doc")}: a Word 97-2003 .doc file is not read: save it as .docx or PDF first`,
      `${join(dir, "truncated.pdf")}: truncated PDF (no %%EOF end marker): the file is incomplete; download it again`,
    ]);
  });
});

describe("a folder of reports as they are published", () => {
  it("reads HTML (GBK and UTF-8), PDF, DOCX and text in one call, counts each format and keeps every report's source", async () => {
    const dir = join(scratch, "published");
    cpSync(join(FORMATS, "fengqiao-gbk.html"), join(dir, "fengqiao.html"));
    writeFileSync(join(dir, "fengqiao.html.url"), "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html\n");
    cpSync(join(FORMATS, "fengqiao.pdf"), join(dir, "fengqiao.pdf"));
    writeFileSync(join(dir, "fengqiao.url"), "[InternetShortcut]\r\nURL=https://www.zhuji.gov.cn/files/fengqiao-2022.pdf\r\n");
    cpSync(join(FORMATS, "fengqiao.docx"), join(dir, "fengqiao.docx"));
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>文新街道2022年法治政府建设年度报告</title></head><body><nav><a href="/">首页</a></nav><div class="content">${readFileSync(join(EXAMPLES, "2022-xihu-wenxin.txt"), "utf8").split(/\n+/).map((p) => `<p>${p}</p>`).join("")}</div><footer>主办单位：杭州市上城区人民政府</footer></body></html>`;
    writeFileSync(join(dir, "wenxin.htm"), page);
    cpSync(join(EXAMPLES, "2023-wujin-hutang.txt"), join(dir, "hutang.txt"));
    writeFileSync(join(dir, "notes.md"), "not a report");

    const summary = await ingestPaths([dir]);
    expect(summary.failed).toEqual([]);
    expect(summary.formats).toEqual({ text: 1, html: 2, pdf: 1, docx: 1 });
    // The PDF and the DOCX read to the same normalized text, so they are one report with two
    // sources (the first in listing order, fengqiao.docx, gives its provenance: src/graph/provenance.ts);
    // the page shows a view count, so it differs.
    expect(summary.counts).toEqual({ new: 4, unchanged: 1, updated: 0 });
    const rows = await query(
      `MATCH (r:Report) RETURN r.subjectCode AS subject, r.sourceFormat AS format, r.sourceEncoding AS encoding,
         r.sourceUrl AS url, r.sourceTitle AS title, r.sourcePublishedAt AS publishedAt, r.sourceCanonicalUrl AS canonicalUrl,
         r.sourcePath AS path, size(r.text) = r.textLength AS textKept ORDER BY subject, format`,
    );
    expect(rows.every((r) => r.textKept)).toBe(true);
    const title = "诸暨市枫桥镇2022年法治政府建设年度报告";
    expect(rows).toEqual([
      { subject: "320412100", format: "text", encoding: "utf-8", url: null, title: null, publishedAt: null, canonicalUrl: null, path: join(dir, "hutang.txt"), textKept: true },
      { subject: "330106013", format: "html", encoding: "utf-8", url: null, title: "文新街道2022年法治政府建设年度报告", publishedAt: null, canonicalUrl: null, path: join(dir, "wenxin.htm"), textKept: true },
      { subject: "330681109", format: "docx", encoding: null, url: "https://www.zhuji.gov.cn/files/fengqiao-2022.pdf", title, publishedAt: null, canonicalUrl: null, path: join(dir, "fengqiao.docx"), textKept: true },
      {
        subject: "330681109", format: "html", encoding: "gb18030", url: "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html", title, publishedAt: "2023-01-13",
        canonicalUrl: "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html", path: join(dir, "fengqiao.html"), textKept: true,
      },
    ]);
    const [{ paths }] = await query(`MATCH (s:Source)-[:OF]->(r:Report {sourceFormat: "docx"}) RETURN collect(s.path) AS paths`);
    expect(paths.sort()).toEqual([join(dir, "fengqiao.docx"), join(dir, "fengqiao.pdf")]);
  });
});

describe("when Neo4j goes away mid-ingest", () => {
  it("stops with a clear error, leaves no partial report, and a rerun finishes the job", async () => {
    const proxy = await startProxy(inject("neo4jUri"));
    const viaProxy = openDatabase({ ...loadConfig().neo4j, uri: proxy.uri }, 1_000);
    try {
      const options: IngestOptions = {
        workers: 0,
        batchSize: 2,
        // After the first batch is committed, let the next one start and cut it part-way.
        onProgress: (p) => p.done === 2 && proxy.cutAfter(3_000),
      };
      const error = await ingestPaths([EXAMPLES], options, viaProxy).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestInterruptedError);
      expect((error as Error).message).toMatch(
        // Neo4j is still away when the ingest checks what the failed batch left: it says so rather than claim "not written".
        /^writing to Neo4j failed after 2 of 6 reports were confirmed written: .*\. Whether the batch of 2 reports being written was committed is unknown \(Neo4j did not answer a check\); run the same command again to finish/,
      );

      // Only whole reports are there: each written one has all of its facts.
      const written = await query("MATCH (r:Report) RETURN r.id AS id, COUNT { (r)-[:STATES]->() } AS metrics, r.writtenBy AS pending");
      expect(written).toHaveLength(2);
      for (const row of written) {
        const file = (await query("MATCH (:Report {id: $id})<-[:OF]-(s:Source) RETURN s.path AS path", { id: row.id }))[0]!.path as string;
        expect(row).toEqual({ id: row.id, metrics: extractReport(readFileSync(file, "utf8")).metrics.length, pending: null });
      }

      proxy.restore();
      const rerun = await ingestPaths([EXAMPLES], { workers: 0, batchSize: 2 }, viaProxy);
      expect(rerun.counts).toEqual({ new: 4, unchanged: 2, updated: 0 });
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});

describe("a file too large for one report", () => {
  it("a 1M-figure file fails alone with its reason; Neo4j stays up and the rest of the batch is written", async () => {
    const dir = copyExamples("huge");
    const lines = ["某某区2023年法治政府建设年度报告"];
    for (let i = 0; i < 1_000_000; i++) lines.push(`办理案件${(i % 997) + 1}件。`);
    const huge = join(dir, "huge.txt");
    writeFileSync(huge, lines.join("\n"));
    const summary = await ingestPaths([dir], { workers: 0, batchSize: 200 });
    expect(summary.failed).toEqual([{ source: huge, reason: expect.stringMatching(/too many figures for one report \(more than 20000 numbers; the limit is 20000, KG_MAX_FACTS_PER_REPORT\)/) }]);
    expect(summary.counts.new).toBe(readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).length);
    expect(await query("MATCH (r:Report) RETURN count(r) AS n")).toEqual([{ n: summary.counts.new }]);
  });

  it("splits a batch by its facts, not only by its number of reports", async () => {
    const batches = async (batchFacts?: number) => {
      await clearGraph(db);
      const done: number[] = [];
      await ingestPaths([EXAMPLES], { workers: 0, batchSize: 200, batchFacts, onProgress: (p) => done.push(p.done) });
      return done;
    };
    expect(await batches()).toEqual([6]); // six small reports: one transaction
    expect(await batches(60)).toEqual([1, 2, 3, 4, 5, 6]); // each example has more than 60 facts: one report per transaction
  });

  it("a report with more figures and mentions than the limit fails alone", async () => {
    const summary = await ingestPaths([EXAMPLES], { workers: 0, batchSize: 4, maxFacts: 70 });
    expect(summary.failed.length).toBeGreaterThan(0);
    for (const f of summary.failed) expect(f.reason).toMatch(/too many (facts|figures) for one report .*the limit is 70/);
    expect(summary.counts.new).toBeGreaterThan(0); // 64 and 68 facts: written
    expect(summary.counts.new + summary.failed.length).toBe(summary.total);
  });
});

describe("two ingests at once", () => {
  it("end with no duplicate node or relationship", async () => {
    const second = openTestDatabase();
    try {
      const all = await listSources([EXAMPLES]);
      const [a, b] = await Promise.all([
        ingest(db, all, { workers: 0, batchSize: 2 }),
        ingest(second, [...all].reverse(), { workers: 0, batchSize: 3 }),
      ]);
      expect(a.counts.new + b.counts.new).toBe(all.length);
      expect(a.counts.unchanged + b.counts.unchanged).toBe(all.length);
    } finally {
      await second.close();
    }
    expect(await duplicateKeys(db)).toEqual([]);
    expect(await duplicateRelationships(db)).toBe(0);
    const single = await countGraph(db);
    await clearGraph(db);
    await ingestPaths([EXAMPLES]);
    expect(await countGraph(db)).toEqual(single);
  });
});
