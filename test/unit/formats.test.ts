// Reports as they are published: each fixture (test/fixtures/formats, written by make-fixtures.mjs
// from examples/reports/2022-zhuji-fengqiao.txt) must extract to the same entities, figures and
// report facts as the plain-text original, or be refused with one clear line.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/index.js";
import type { ReportExtraction } from "../../src/extract/types.js";
import { isoDate } from "../../src/io/html.js";
import { unifyRadicals } from "../../src/io/radicals.js";
import { formatOf, readReportBytes, readReportFile } from "../../src/io/read-report.js";

const FIXTURES = "test/fixtures/formats/";
const ORIGINAL = "examples/reports/2022-zhuji-fengqiao.txt";
const originalText = readFileSync(ORIGINAL, "utf8");

/** What a comparison looks at: entity identities with their names, figures, and the report's own facts. */
function facts(x: ReportExtraction) {
  return {
    report: { title: x.report.title, year: x.report.year, subject: x.report.subject?.code, publishedAt: x.report.publishedAt, publisher: x.report.publisher },
    entities: x.entities.map((e) => `${e.type} ${e.key} ${e.name}`).sort(),
    metrics: x.metrics.map((m) => `${m.name}=${m.value}${m.unit} ${m.qualifier}`).sort(),
    advises: x.advises.map((a) => `${a.firm}→${a.jurisdiction}`).sort(),
  };
}
const expected = facts(extractReport(originalText));

describe("each published form of the example report extracts like the plain text", () => {
  const cases: [string, object][] = [
    ["fengqiao-gbk.html", { format: "html", encoding: "gb18030", title: "诸暨市枫桥镇2022年法治政府建设年度报告", publishedAt: "2023-01-13", canonicalUrl: "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html" }],
    ["fengqiao.pdf", { format: "pdf", encoding: null, title: "诸暨市枫桥镇2022年法治政府建设年度报告" }],
    ["fengqiao.docx", { format: "docx", encoding: null, title: "诸暨市枫桥镇2022年法治政府建设年度报告" }],
    ["fengqiao-utf16le.txt", { format: "text", encoding: "utf-16le", title: null }],
    ["fengqiao-utf16be.txt", { format: "text", encoding: "utf-16be", title: null }],
  ];
  it.each(cases)("%s", async (file, source) => {
    const document = await readReportFile(FIXTURES + file);
    expect(document.source).toMatchObject({ path: FIXTURES + file, url: null, ...source });
    expect(facts(extractReport(document.text))).toEqual(expected);
  }, 60_000);

  it("the web page's text has the article, not the navigation, sidebar, footer or scripts around it", async () => {
    const { text } = await readReportFile(FIXTURES + "fengqiao-gbk.html");
    expect(text.startsWith("诸暨市枫桥镇2022年法治政府建设年度报告\n\n发布时间：2023-01-13")).toBe(true);
    for (const furniture of ["首页", "政务公开", "当前位置", "相关链接", "柯桥区", "天册律师事务所", "上一篇", "打印本页", "主办单位", "浙ICP备", "上城区", "jquery", "欢迎访问"]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it("the PDF's text has no running header, footer or page numbers, and paragraphs rejoined", async () => {
    const { text } = await readReportFile(FIXTURES + "fengqiao.pdf");
    expect(text).not.toMatch(/file:\/\/|\d+\/\d+\s*$|\d{1,2}\/\d{1,2}\/\d{2,4}/m);
    expect(text.split("\n\n").length).toBe(originalText.trim().split(/\n+/).length);
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  }, 60_000);
});

describe("files that cannot be read get one line saying why", () => {
  const cases: [string, RegExp][] = [
    ["scanned.pdf", /^test\/fixtures\/formats\/scanned\.pdf: a scanned PDF without a text layer \(1 page, no text to read\): OCR it first/],
    ["truncated.pdf", /^test\/fixtures\/formats\/truncated\.pdf: truncated PDF \(no %%EOF end marker\)/],
    ["legacy.doc", /^test\/fixtures\/formats\/legacy\.doc: a Word 97-2003 \.doc file is not read: save it as \.docx or PDF first$/],
  ];
  it.each(cases)("%s", async (file, message) => {
    const error = await readReportFile(FIXTURES + file).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain("\n");
  }, 60_000);

  it("damaged PDF, DOCX and ZIP files, binary data and empty files", async () => {
    const pdf = readFileSync(FIXTURES + "fengqiao.pdf");
    const broken = Buffer.concat([pdf.subarray(0, 200), Buffer.alloc(2000, 0x41), Buffer.from("\n%%EOF\n")]);
    const reasons = await Promise.all(
      [
        [broken, "broken.pdf"],
        [readFileSync(FIXTURES + "fengqiao.docx").subarray(0, 900), "cut.docx"],
        [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "archive.zip"],
        [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), "picture.txt"],
        [Buffer.alloc(0), "empty.html"],
        [Buffer.from("  \n\t "), "blank.txt"],
      ].map(([bytes, name]) => readReportBytes(bytes as Buffer, name as string).then(() => "read", (e: Error) => e.message)),
    );
    expect(reasons[0]).toMatch(/^broken\.pdf: (not a readable PDF|a scanned PDF)/);
    expect(reasons[1]).toMatch(/^cut\.docx: not a readable Word document/);
    expect(reasons[2]).toMatch(/^archive\.zip: not a readable Word document/);
    expect(reasons[3]).toBe("picture.txt: binary data (NUL bytes), not a text report");
    expect(reasons[4]).toBe("empty.html: empty file");
    expect(reasons[5]).toBe("blank.txt: no text (only whitespace)");
    for (const reason of reasons) expect(reason).not.toContain("\n");
  }, 60_000);
});

describe("text encodings", () => {
  it("decodes GBK, GB18030 and Big5 text and names the encoding", async () => {
    const traditional = OpenCC.Converter({ from: "cn", to: "tw" })(originalText);
    const gbk = await readReportBytes(iconv.encode(originalText, "gbk"), "report.txt");
    expect(gbk).toEqual({ text: originalText, source: expect.objectContaining({ format: "text", encoding: "gb18030" }) });
    const gb18030 = await readReportBytes(iconv.encode("𠮷" + originalText, "gb18030"), "report.txt");
    expect(gb18030.text).toBe("𠮷" + originalText);
    const big5 = await readReportBytes(iconv.encode(traditional, "big5"), "report.txt");
    expect(big5).toEqual({ text: traditional, source: expect.objectContaining({ encoding: "big5" }) });
  });

  it("a short GBK line is still recognised", async () => {
    const { text } = await readReportBytes(iconv.encode("法治政府建设年度报告", "gbk"), "short.txt");
    expect(text).toBe("法治政府建设年度报告");
  });

  it("honours a web page's declared charset, and trusts valid UTF-8 over a stale GBK declaration", async () => {
    const page = (charset: string) => `<html><head><meta charset="${charset}"><title>报告</title></head><body><div><h1>枫桥镇2022年法治政府建设年度报告</h1><p>全年调处矛盾纠纷56起，调解成功率98.6%。</p></div></body></html>`;
    const big5 = await readReportBytes(iconv.encode(page("big5").replace("枫桥镇", "楓橋鎮"), "big5"), "page.html");
    expect(big5.source.encoding).toBe("big5");
    expect(big5.text).toContain("楓橋鎮2022年");
    const stale = await readReportBytes(Buffer.from(page("gb2312")), "page.html");
    expect(stale.source.encoding).toBe("utf-8");
    expect(stale.text).toBe("枫桥镇2022年法治政府建设年度报告\n\n全年调处矛盾纠纷56起，调解成功率98.6%。");
  });
});

describe("formats and small helpers", () => {
  it("recognises a format by its bytes before its name", () => {
    const pdf = readFileSync(FIXTURES + "fengqiao.pdf");
    expect(formatOf(pdf, "report.txt")).toBe("pdf");
    expect(formatOf(readFileSync(FIXTURES + "fengqiao.docx"), "download")).toBe("docx");
    expect(formatOf(readFileSync(FIXTURES + "legacy.doc"), "report.docx")).toBe("doc");
    expect(formatOf(Buffer.from("<!DOCTYPE html><html>"), "saved")).toBe("html");
    expect(formatOf(Buffer.from("法治政府"), "page.htm")).toBe("html");
    expect(formatOf(Buffer.from("法治政府"), "report")).toBe("text");
  });

  it("reads the date forms pages use", () => {
    expect(isoDate("2023-01-13 09:30")).toBe("2023-01-13");
    expect(isoDate("2023/1/3")).toBe("2023-01-03");
    expect(isoDate("2023年1月13日")).toBe("2023-01-13");
    expect(isoDate("2023-13-01")).toBeNull();
    expect(isoDate("yesterday")).toBeNull();
  });

  it("maps radical code points of PDF text layers to the characters they stand for", () => {
    expect(unifyRadicals("镇⼈⺠政府⻓期⻔户")).toBe("镇人民政府长期门户");
    expect(unifyRadicals("人民政府")).toBe("人民政府");
  });
});
