// Issue 13's "done when", end to end: a folder of reports as they are published (web pages in GBK
// and UTF-8, a PDF, a Word file, UTF-8 and UTF-16 text, sidecar URLs, one of them bad) goes in
// with one `kg ingest` call, and the API shows where every report came from.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emptyTestGraph } from "../support/examples.js";
import { startService, type RunningService } from "../support/api.js";

const EXAMPLES = resolve("examples/reports");
const FORMATS = resolve("test/fixtures/formats");
const PAGE_URL = "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html";
const PDF_URL = "https://www.zhuji.gov.cn/files/fengqiao-2022.pdf";
let scratch: string;
let service: RunningService;

const example = (name: string) => readFileSync(join(EXAMPLES, name), "utf8");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Word document of the given paragraphs, as Word writes its main parts. */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join("");
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

beforeAll(async () => {
  await emptyTestGraph();
  scratch = mkdtempSync(join(tmpdir(), "kg-published-"));
  service = await startService({ NEO4J_URI: inject("neo4jUri") });
});
afterAll(async () => {
  await service?.stop();
  await emptyTestGraph();
  rmSync(scratch, { recursive: true, force: true });
});

describe("a folder of reports as they are published", () => {
  it("ingests in one kg ingest call, warns about a bad sidecar URL in one line, and the API shows every report's source", async () => {
    const dir = join(scratch, "reports");
    mkdirSync(join(dir, "2023"), { recursive: true });
    const file = (name: string) => join(dir, name);
    cpSync(join(FORMATS, "fengqiao-gbk.html"), file("fengqiao.html"));
    writeFileSync(file("fengqiao.html.url"), `${PAGE_URL}\n`);
    cpSync(join(FORMATS, "fengqiao.pdf"), file("fengqiao.pdf"));
    writeFileSync(file("fengqiao.pdf.url"), `[InternetShortcut]\r\nURL=${PDF_URL}\r\n`);
    const wenxin = example("2022-xihu-wenxin.txt").split(/\n+/).filter(Boolean);
    writeFileSync(
      file("wenxin.htm"),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${wenxin[0]}</title></head><body><nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav>` +
        `<div class="content">${wenxin.map((p) => `<p>${escape(p)}</p>`).join("")}</div><footer>主办单位：杭州市西湖区人民政府</footer></body></html>`,
    );
    writeFileSync(file("2023/cuiyuan.docx"), await docx(example("2023-xihu-cuiyuan.txt").split(/\n+/).filter(Boolean)));
    cpSync(join(EXAMPLES, "2023-wujin-hutang.txt"), file("2023/hutang.txt"));
    writeFileSync(file("2023/hutang.url"), "htps//www.wujin.gov.cn/hutang.html\n");
    writeFileSync(file("2023/quzhengfu.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(example("2023-xihu-quzhengfu.txt"), "utf16le")]));
    writeFileSync(file("README.md"), "not a report");

    const result = spawnSync(process.execPath, ["dist/cli/main.js", "ingest", "--json", "--workers", "2", dir], {
      encoding: "utf8",
      env: { ...process.env, NEO4J_URI: inject("neo4jUri") },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split("\n").filter((l) => l.includes("warning"))).toEqual([
      `kg ingest: warning: ${file("2023/hutang.url")}: not a URL: "htps//www.wujin.gov.cn/hutang.html"; ${file("2023/hutang.txt")} is read without a URL`,
    ]);
    const summary = JSON.parse(result.stdout);
    expect(summary.failed).toEqual([]);
    expect(summary.formats).toEqual({ text: 2, html: 2, pdf: 1, docx: 1 });
    expect(summary.counts).toEqual({ new: 6, unchanged: 0, updated: 0 });

    const response = await service.gql(`{ reports(first: 20) { totalCount edges { node {
      subject { code } source { path url format encoding title publishedAt canonicalUrl } text(length: 6) { text } } } } }`);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const reports = response.data!.reports.edges.map((e: any) => e.node).sort((a: any, b: any) => (a.source.path < b.source.path ? -1 : 1));
    expect(response.data!.reports.totalCount).toBe(6);
    const fengqiao = "诸暨市枫桥镇2022年法治政府建设年度报告";
    const none = { url: null, title: null, publishedAt: null, canonicalUrl: null };
    expect(reports).toEqual([
      { subject: { code: "330106005" }, source: { ...none, path: file("2023/cuiyuan.docx"), format: "DOCX", encoding: null }, text: { text: "翠苑街道20" } },
      { subject: { code: "320412100" }, source: { ...none, path: file("2023/hutang.txt"), format: "TEXT", encoding: "utf-8" }, text: { text: "常州市武进区" } },
      { subject: { code: "330106" }, source: { ...none, path: file("2023/quzhengfu.txt"), format: "TEXT", encoding: "utf-16le" }, text: { text: "杭州市西湖区" } },
      {
        subject: { code: "330681109" },
        source: { path: file("fengqiao.html"), url: PAGE_URL, format: "HTML", encoding: "gb18030", title: fengqiao, publishedAt: "2023-01-13", canonicalUrl: PAGE_URL },
        text: { text: "诸暨市枫桥镇" },
      },
      { subject: { code: "330681109" }, source: { ...none, path: file("fengqiao.pdf"), url: PDF_URL, format: "PDF", encoding: null, title: fengqiao }, text: { text: "诸暨市枫桥镇" } },
      {
        subject: { code: "330106013" },
        source: { ...none, path: file("wenxin.htm"), format: "HTML", encoding: "utf-8", title: wenxin[0] },
        text: { text: wenxin[0]!.slice(0, 6) },
      },
    ]);
  });
});
