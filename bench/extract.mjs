// Benchmark of the extractor (dist/extract), one core, warm. Prints figures, asserts nothing.
//   1. start-up: fresh `node` → first extraction done (division index + lexicons loaded), and that child's peak RSS
//   2. throughput over a corpus (shared corpus if present + examples + 200 generated reports): MB/s and reports/s
//   3. linear growth: one extractReport call on 1, 5 and 10 MB inputs; time(10 MB)/time(1 MB) should be ≈ 10
//   4. published formats: the example report as plain text, a GBK web page, a PDF and a DOCX,
//      read (src/io) and extracted in this warm process; time per document, pages/s, the ratio to
//      plain text; the same with the body ten times over (text, and a 12-page PDF): the cost per
//      PDF page apart from the per-document one; and apart, the first file in a fresh process
//   5. peak RSS of this process
// Usage: npm run bench:extract   (or: node bench/extract.mjs after a build)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const extractorUrl = pathToFileURL(join(root, "dist/extract/index.js")).href;
const MB = 1024 * 1024;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, digits = 2) => x.toFixed(digits);
const verdict = (ok) => (ok ? "ok" : "BELOW FLOOR");
const bytes = (text) => Buffer.byteLength(text, "utf8");

// ---- 1. start-up, in a fresh process --------------------------------------------------------
const SHORT_TEXT = "杭州市西湖区2023年法治政府建设年度报告\n2023年，西湖区人民政府深入推进依法行政，翠苑街道开展“八五”普法。";
const childSource = `
  const { extractReport } = await import(${JSON.stringify(extractorUrl)});
  extractReport(${JSON.stringify(SHORT_TEXT)});
  process.stdout.write(JSON.stringify({ uptimeMs: process.uptime() * 1000, maxRssKb: process.resourceUsage().maxRSS }));
`;

function startOnce() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", childSource], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`start-up child exited with ${code}`));
      resolve({ wallMs: performance.now() - started, ...JSON.parse(out) });
    });
  });
}

console.log("== extractor benchmark ==");
console.log(`node ${process.version}, ${(await import("node:os")).availableParallelism()} cores\n`);

const starts = [];
for (let i = 0; i < 5; i++) starts.push(await startOnce());
const startWall = median(starts.map((s) => s.wallMs)) / 1000;
const startUptime = median(starts.map((s) => s.uptimeMs)) / 1000;
const childRss = Math.max(...starts.map((s) => s.maxRssKb)) / 1024;
console.log("start-up (fresh node → first extraction done, 5 runs)");
console.log(`  median wall (spawn → exit):     ${fmt(startWall)} s   [floor ≤ 1.5 s: ${verdict(startWall <= 1.5)}]`);
console.log(`  median in-child uptime:         ${fmt(startUptime)} s   (runs: ${starts.map((s) => fmt(s.wallMs / 1000)).join(", ")} s)`);
console.log(`  child peak RSS (max of runs):   ${fmt(childRss, 0)} MB   [floor ≤ 400 MB: ${verdict(childRss <= 400)}]\n`);

// ---- corpus ---------------------------------------------------------------------------------
const { extractReport } = await import(extractorUrl);
const txtFiles = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => join(dir, f)) : [];

const genDir = mkdtempSync(join(tmpdir(), "kg-bench-extract-"));
try {
  execFileSync(process.execPath, [join(root, "dist/cli/main.js"), "generate", "--reports", "200", "--seed", "7", genDir], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const sources = {
    "../shared/corpus/reports": txtFiles(join(root, "../shared/corpus/reports")),
    "examples/reports": txtFiles(join(root, "examples/reports")),
    "generated (seed 7)": txtFiles(genDir),
  };
  const corpus = Object.values(sources).flat().map((f) => readFileSync(f, "utf8"));
  const corpusBytes = corpus.reduce((n, t) => n + bytes(t), 0);
  console.log(
    `corpus: ${corpus.length} reports, ${fmt(corpusBytes / MB)} MB UTF-8 (` +
      Object.entries(sources).map(([k, v]) => `${k}: ${v.length}`).join(", ") + ")\n",
  );

  // ---- 2. throughput ----------------------------------------------------------------------
  const pass = () => {
    const t = performance.now();
    for (const text of corpus) extractReport(text);
    return (performance.now() - t) / 1000;
  };
  pass(); pass(); // warm-up: JIT, lazily built indexes
  const passes = [];
  for (let i = 0; i < 7; i++) passes.push(pass());
  const passS = median(passes);
  const mbps = corpusBytes / MB / passS;
  console.log("throughput (in-process, warm, 7 passes over the corpus after 2 warm-up passes)");
  console.log(`  median pass: ${fmt(passS)} s   (passes: ${passes.map((p) => fmt(p)).join(", ")} s)`);
  console.log(`  ${fmt(mbps)} MB/s   [floor ≥ 2 MB/s: ${verdict(mbps >= 2)}]`);
  console.log(`  ${fmt(corpus.length / passS, 0)} reports/s\n`);

  // ---- 3. linear growth -------------------------------------------------------------------
  const inputOf = (sizeMb) => {
    const parts = [];
    let n = 0;
    for (let i = 0; n < sizeMb * MB; i++) {
      const text = corpus[i % corpus.length];
      parts.push(text);
      n += bytes(text) + 2;
    }
    return parts.join("\n\n");
  };
  console.log("linear growth (one extractReport call per input, median of 3)");
  const times = {};
  for (const size of [1, 5, 10]) {
    const input = inputOf(size);
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      extractReport(input);
      runs.push((performance.now() - t) / 1000);
      if (runs[0] > 120) break; // clearly superlinear: one run is enough to tell
    }
    times[size] = median(runs);
    console.log(
      `  ${String(size).padStart(2)} MB (${fmt(bytes(input) / MB)} MB actual): ${fmt(times[size])} s, ` +
        `${fmt(bytes(input) / MB / times[size])} MB/s   (runs: ${runs.map((r) => fmt(r)).join(", ")} s)`,
    );
  }
  console.log(`  time(10 MB) / time(1 MB) = ${fmt(times[10] / times[1], 1)}   (≈ 10 for linear)\n`);
} finally {
  rmSync(genDir, { recursive: true, force: true });
}

// ---- 4. published formats -------------------------------------------------------------------
{
  const readerUrl = pathToFileURL(join(root, "dist/io/read-report.js")).href;
  const { readReportBytes } = await import(readerUrl);
  const fixtures = join(root, "test/fixtures/formats");
  // The same report with its body ten times over, as text and as a 12-page PDF: the per-page cost
  // of a PDF, apart from the fixed cost of loading its fonts that a 2-page document is dominated by.
  const plainFile = join(root, "examples/reports/2022-zhuji-fengqiao.txt");
  const [head, info, ...body] = readFileSync(plainFile, "utf8").replace(/\s+$/, "").split(/\n+/);
  const tenfold = Buffer.from([head, info, ...Array(10).fill(body).flat()].join("\n") + "\n");
  const forms = [
    { label: "plain text (UTF-8)", file: plainFile },
    { label: "web page (GBK, with navigation)", file: join(fixtures, "fengqiao-gbk.html") },
    { label: "PDF", file: join(fixtures, "fengqiao.pdf") },
    { label: "DOCX", file: join(fixtures, "fengqiao.docx") },
    { label: "plain text, body ×10", file: "fengqiao-x10.txt", bytes: tenfold },
    { label: "PDF, body ×10", file: join(fixtures, "fengqiao-x10.pdf") },
  ].map((f) => ({ ...f, bytes: f.bytes ?? readFileSync(f.file), read: [], total: [], cpu: [] }));
  const [plainForm, htmlForm, pdfForm, , plainTenfold, pdfTenfold] = forms;
  pdfTenfold.base = plainTenfold;

  // First-file cost, each form in a fresh process: loading its reader (and compiling PDFium's
  // WebAssembly) happens once per process or ingest worker, then every file is read warm.
  const firstRead = (file) =>
    JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", `
        const { readFileSync } = await import("node:fs");
        const { readReportBytes } = await import(${JSON.stringify(readerUrl)});
        const bytes = readFileSync(${JSON.stringify(file)});
        const times = [];
        for (let i = 0; i < 2; i++) { const t = performance.now(); await readReportBytes(bytes, ${JSON.stringify(file)}); times.push(performance.now() - t); }
        process.stdout.write(JSON.stringify(times));`], { encoding: "utf8" }),
    );
  for (const form of forms.slice(0, 4)) {
    const runs = [0, 1, 2].map(() => firstRead(form.file));
    form.first = median(runs.map((r) => r[0]));
    form.second = median(runs.map((r) => r[1]));
  }

  // CPU time of this process too: on a shared machine it moves far less than wall time.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const once = async (form) => {
    const t = performance.now();
    const c = cpuMs();
    const document = await readReportBytes(form.bytes, form.file);
    const read = performance.now() - t;
    extractReport(document.text);
    form.pages = document.pages ?? 1;
    return { read, total: performance.now() - t, cpu: cpuMs() - c };
  };
  const WARM_UP = 10; // WebAssembly is optimised after a few calls: measure the steady state
  for (let i = 0; i < WARM_UP; i++) for (const form of forms) await once(form);
  const ROUNDS = 15;
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved, so that a busy moment of a shared machine falls on every form alike.
    for (const form of forms) {
      const { read, total, cpu } = await once(form);
      form.read.push(read);
      form.total.push(total);
      form.cpu.push(cpu);
    }
  }
  const plain = median(plainForm.total);
  const extractOnly = plain - median(plainForm.read);
  const extractOnlyOf = (form) => median(form.total) - median(form.read);
  console.log(
    `published formats (the example report 2022-zhuji-fengqiao in each form; read + extract, same process, ` +
      `median of ${ROUNDS} interleaved rounds after ${WARM_UP} warm-up rounds)`,
  );
  console.log("  form                              bytes   pages   read ms   read+extract ms   × plain text   read ÷ extraction   pages/s   CPU ms   × plain (CPU)");
  for (const form of forms) {
    const base = form.base ?? plainForm;
    const total = median(form.total);
    const ratio = total / median(base.total);
    const floor = form === htmlForm || form === pdfForm ? `   [floor ≤ 2×: ${verdict(ratio <= 2)}]` : form.base ? `   (× plain text ×10)` : "";
    console.log(
      `  ${form.label.padEnd(32)} ${String(form.bytes.length).padStart(7)}   ${String(form.pages).padStart(5)}   ${fmt(median(form.read)).padStart(7)}` +
        `   ${fmt(total).padStart(15)}   ${fmt(ratio, 1).padStart(12)}   ${fmt(median(form.read) / extractOnlyOf(base), 2).padStart(17)}` +
        `   ${fmt((form.pages * 1000) / total, 1).padStart(7)}   ${fmt(median(form.cpu)).padStart(6)}   ${fmt(median(form.cpu) / median(base.cpu), 1).padStart(13)}${floor}`,
    );
  }
  const perPage = (median(pdfTenfold.read) - median(pdfForm.read)) / (pdfTenfold.pages - pdfForm.pages);
  console.log(`  (extraction alone: ${fmt(extractOnly)} ms, ×10: ${fmt(extractOnlyOf(plainTenfold))} ms; pages/s counts read + extract, a web page or text file as one page)`);
  console.log(
    `  PDF reading: ${fmt(perPage)} ms per further page (${pdfForm.pages} → ${pdfTenfold.pages} pages), ` +
      `so about ${fmt(median(pdfForm.read) - pdfForm.pages * perPage)} ms per document whatever its length (loading its fonts: npm run bench:pdf)`,
  );
  console.log("  first file in a fresh process (reader loaded, PDFium compiled; median of 3 processes): read ms, then the second file");
  for (const form of forms.slice(0, 4)) console.log(`  ${form.label.padEnd(32)} first ${fmt(form.first).padStart(8)}   second ${fmt(form.second).padStart(7)}`);
  console.log();
}

// ---- 5. peak RSS ----------------------------------------------------------------------------
console.log(`peak RSS of this benchmark process: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
