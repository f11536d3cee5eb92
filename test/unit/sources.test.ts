// Which files an ingest reads and the published URL each one carries (sidecar NAME.url files,
// --source-url): a URL that cannot be used is said in one line naming its file, never dropped silently.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSources } from "../../src/ingest/sources.js";

const REPORT = resolve("examples/reports/2022-zhuji-fengqiao.txt");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kg-sources-"));
  const sidecars: Record<string, string | null> = {
    "good.txt.url": "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html\n",
    "shortcut.url": "[InternetShortcut]\r\nURL=https://www.zhuji.gov.cn/files/a.pdf\r\n",
    "typo.url": "htps//www.zhuji.gov.cn/a.html\n",
    "ftp.txt.url": "ftp://files.example.org/report.pdf\n",
    "empty.url": "\n[InternetShortcut]\n",
    "none.url": null,
  };
  for (const [sidecar, content] of Object.entries(sidecars)) {
    const report = sidecar.replace(/(\.txt)?\.url$/, ".txt");
    cpSync(REPORT, join(dir, report));
    if (content !== null) writeFileSync(join(dir, sidecar), content);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sidecar .url files", () => {
  it("give a report its URL, and a bad one is a one-line warning naming the sidecar while the report is still read", async () => {
    const sources = await listSources([dir]);
    const byName = Object.fromEntries(sources.map((s) => [s.path.slice(dir.length + 1), { url: s.url, urlWarning: s.urlWarning }]));
    expect(byName).toEqual({
      "empty.txt": { url: null, urlWarning: `${join(dir, "empty.url")}: no URL in it; ${join(dir, "empty.txt")} is read without a URL` },
      "ftp.txt": {
        url: null,
        urlWarning: `${join(dir, "ftp.txt.url")}: expected an http(s) URL, got "ftp://files.example.org/report.pdf"; ${join(dir, "ftp.txt")} is read without a URL`,
      },
      "good.txt": { url: "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html", urlWarning: undefined },
      "none.txt": { url: null, urlWarning: undefined },
      "shortcut.txt": { url: "https://www.zhuji.gov.cn/files/a.pdf", urlWarning: undefined },
      "typo.txt": { url: null, urlWarning: `${join(dir, "typo.url")}: not a URL: "htps//www.zhuji.gov.cn/a.html"; ${join(dir, "typo.txt")} is read without a URL` },
    });
    for (const source of sources) expect(source.urlWarning ?? "").not.toContain("\n");
  });

  it("a sidecar that cannot be read is said too", async () => {
    if (process.getuid?.() === 0) {
      // root reads any file: a directory where the sidecar should be stands in for an unreadable one
      mkdirSync(join(dir, "locked.url"));
    } else {
      writeFileSync(join(dir, "locked.url"), "https://example.org/a\n");
      chmodSync(join(dir, "locked.url"), 0);
    }
    cpSync(REPORT, join(dir, "locked.txt"));
    const [source] = await listSources([join(dir, "locked.txt")]);
    expect(source!.url).toBeNull();
    expect(source!.urlWarning).toMatch(new RegExp(`^${join(dir, "locked.url")}: cannot be read \\(E[A-Z]+\\); ${join(dir, "locked.txt")} is read without a URL$`));
  });
});

describe("kg ingest --source-url", () => {
  it("refuses a URL that is not http(s), naming the option, before reading anything", () => {
    for (const [url, reason] of [
      ["not a url", 'not a URL: "not a url"'],
      ["ftp://files.example.org/a.pdf", 'expected an http(s) URL, got "ftp://files.example.org/a.pdf"'],
    ]) {
      // NEO4J_URI points nowhere: the option is refused before any connection is tried.
      const result = spawnSync(process.execPath, ["dist/cli/main.js", "ingest", "--source-url", url!, REPORT], {
        encoding: "utf8",
        env: { ...process.env, NEO4J_URI: "bolt://127.0.0.1:9" },
      });
      expect(result.status).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(`error: option '--source-url <url>' argument '${url}' is invalid. --source-url: ${reason}`);
    }
  });
});
