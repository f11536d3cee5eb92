// Where the time of reading a PDF goes, phase by phase: the PDFium calls src/io/pdf.ts makes
// (document, page, text page, characters), then readPdf as a whole (with our line rebuilding).
// Times are CPU milliseconds of this process, steadier than wall time on a shared machine;
// files are interleaved round by round and the median is shown. Prints figures, asserts nothing.
// Usage: npm run bench:pdf [-- more.pdf ...]   (or: node bench/pdf.mjs after a build)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { init } from "@embedpdf/pdfium";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "test/fixtures/formats");
const ROUNDS = 21;
const WARM_UP = 4;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

let started = performance.now();
const wasmBinary = readFileSync(createRequire(import.meta.url).resolve("@embedpdf/pdfium/pdfium.wasm"));
const pdfium = await init({ wasmBinary, print: () => {}, printErr: () => {} });
pdfium.PDFiumExt_Init();
const x = pdfium.pdfium.wasmExports;
console.log("== PDF reading, phase by phase ==");
console.log(`PDFium module: read, compiled and started in ${(performance.now() - started).toFixed(0)} ms wall (once per thread)\n`);

const PHASES = ["docLoad", "pageLoad", "textLoad", "perChar", "close"];

/** One document through the calls readPdf makes, each phase's CPU time added up over its pages. */
function phases(bytes) {
  const t = Object.fromEntries(PHASES.map((k) => [k, 0]));
  let now = cpuMs();
  const lap = (phase) => {
    const then = now;
    now = cpuMs();
    t[phase] += now - then;
  };
  const data = x.malloc(bytes.byteLength);
  const scratch = x.malloc(32);
  new Uint8Array(x.memory.buffer).set(bytes, data);
  const doc = x.FPDF_LoadMemDocument(data, bytes.byteLength, 0);
  const pages = x.FPDF_GetPageCount(doc);
  lap("docLoad");
  let chars = 0;
  for (let n = 0; n < pages; n++) {
    const page = x.FPDF_LoadPage(doc, n);
    lap("pageLoad");
    const textPage = x.FPDFText_LoadPage(page);
    lap("textLoad");
    const count = x.FPDFText_CountChars(textPage);
    chars += count;
    for (let i = 0; i < count; i++) {
      x.FPDFText_GetUnicode(textPage, i);
      x.FPDFText_IsGenerated(textPage, i);
      x.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
      x.FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
      x.FPDFText_GetFontSize(textPage, i);
    }
    lap("perChar");
    x.FPDFText_ClosePage(textPage);
    x.FPDF_ClosePage(page);
    lap("close");
  }
  x.FPDF_CloseDocument(doc);
  x.free(scratch);
  x.free(data);
  lap("close");
  return { ...t, pages, chars };
}

const { readPdf } = await import(pathToFileURL(join(root, "dist/io/pdf.js")).href);
const files = [join(fixtures, "fengqiao.pdf"), join(fixtures, "fengqiao-x10.pdf"), ...process.argv.slice(2)].map((file) => ({
  file,
  name: relative(root, file).startsWith("..") ? file : relative(root, file),
  bytes: readFileSync(file),
  runs: [],
  whole: [],
}));
for (let round = 0; round < WARM_UP + ROUNDS; round++) {
  for (const f of files) {
    const run = phases(f.bytes);
    const before = cpuMs();
    await readPdf(f.bytes, f.file);
    const whole = cpuMs() - before;
    if (round >= WARM_UP) {
      f.runs.push(run);
      f.whole.push(whole);
    }
  }
}

const cell = (v, width = 9) => v.toFixed(2).padStart(width);
console.log(`CPU ms per document, median of ${ROUNDS} interleaved rounds after ${WARM_UP} warm-up rounds`);
console.log(`  ${"file".padEnd(40)} pages  chars ${PHASES.map((p) => p.padStart(9)).join("")}   PDFium   readPdf   ours`);
for (const f of files) {
  const pdfiumMs = median(f.runs.map((r) => PHASES.reduce((sum, p) => sum + r[p], 0)));
  const wholeMs = median(f.whole);
  console.log(
    `  ${f.name.slice(-40).padEnd(40)} ${String(f.runs[0].pages).padStart(5)} ${String(f.runs[0].chars).padStart(6)} ` +
      PHASES.map((p) => cell(median(f.runs.map((r) => r[p])))).join("") +
      `${cell(pdfiumMs)} ${cell(wholeMs)} ${cell(wholeMs - pdfiumMs, 6)}`,
  );
}
const [short, long] = files;
const perPage = (median(long.whole) - median(short.whole)) / (long.runs[0].pages - short.runs[0].pages);
console.log(
  `\n  per further page: ${perPage.toFixed(2)} ms (${short.runs[0].pages} → ${long.runs[0].pages} pages); ` +
    `per document whatever its length: ${(median(short.whole) - short.runs[0].pages * perPage).toFixed(2)} ms`,
);
console.log("  docLoad: cross-reference table and catalogue; pageLoad: content parsed, fonts and glyphs loaded (once per document);");
console.log("  textLoad: PDFium's text page (characters, boxes, order); perChar: our per-character calls; ours: lines, headers, paragraphs");
