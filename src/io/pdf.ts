// PDF → the text layer in reading order: lines rebuilt from positioned characters, running
// headers, footers and page numbers dropped, lines of one paragraph joined (PDFs break lines by
// width). No OCR: a scan without a text layer is refused with a clear reason.
//
// The text layer is read by PDFium (compiled to WebAssembly): it maps glyphs to characters
// without building renderable fonts, which made pdf.js several times slower on CJK reports whose
// embedded fonts it had to parse and repair. The module is compiled once per thread.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { init, type WrappedPdfiumModule } from "@embedpdf/pdfium";
import { unifyRadicals } from "./radicals.js";
import { checkHasText, emptySource, ReportInputError, type ReportDocument } from "./document.js";

/** The share of the page height, top and bottom, where running headers and footers sit. */
const MARGIN_BAND = 0.1;
const PAGE_NUMBER = /^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–]?\s*\d+\s*[-—–]?|\d+\s*\/\s*\d+|共\s*\d+\s*页\s*第\s*\d+\s*页|page\s*\d+(\s*of\s*\d+)?)$/i;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** The text layer of a scan has next to nothing on it; a page of report prose has hundreds of characters. */
const MIN_TEXT_PER_DOCUMENT = 20;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  page: number;
  x: number;
  y: number;
  right: number;
  size: number;
  text: string;
  /** top or bottom margin band of its page */
  inBand: boolean;
}

/** Items of one page → lines, top to bottom, each left to right. */
function linesOf(items: Item[], page: number, pageHeight: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) <= 0.5 * Math.min(row[0]!.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      const last = text.at(-1) ?? "";
      const first = item.str[0] ?? "";
      if (text && gap > 0.3 * item.size && !/\s/.test(last) && !/\s/.test(first) && !(CJK.test(last) && CJK.test(first))) text += " ";
      text += item.str;
      end = Math.max(end, item.x + item.width);
    }
    text = unifyRadicals(text).replace(/\s+/g, " ").trim();
    if (!text) return [];
    const y = row[0]!.y;
    const size = Math.max(...row.map((i) => i.size));
    const inBand = y > pageHeight * (1 - MARGIN_BAND) || y < pageHeight * MARGIN_BAND;
    return [{ page, x: row[0]!.x, y, right: end, size, text, inBand }];
  });
}

/** Lines in the margin bands that are page numbers or repeat on most pages (digits aside). */
function dropRunningLines(lines: Line[], pages: number): Line[] {
  const shape = (l: Line) => `${l.y > 0 ? Math.round(l.y / 4) : 0}|${l.text.replace(/\d+/g, "#")}`;
  const pagesWith = new Map<string, Set<number>>();
  for (const l of lines) if (l.inBand) (pagesWith.get(shape(l)) ?? pagesWith.set(shape(l), new Set()).get(shape(l))!).add(l.page);
  const running = (l: Line) => pages >= 2 && (pagesWith.get(shape(l))?.size ?? 0) >= Math.max(2, pages / 2);
  return lines.filter((l) => !(l.inBand && (PAGE_NUMBER.test(l.text) || running(l))));
}

/** Joins the lines of a paragraph: a line reaching the right edge continues on the next unless that one is indented. */
function paragraphs(lines: Line[]): string {
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  let out = "";
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous) {
      const full = previous.right >= right - 2 * previous.size;
      const indented = line.x > left + 0.8 * line.size;
      const joined = full && !indented;
      const latinJoin = /[A-Za-z0-9]$/.test(previous.text) && /^[A-Za-z0-9]/.test(line.text);
      out += joined ? (latinJoin ? " " : "") : "\n\n";
    }
    out += line.text;
  });
  return out;
}

/** FPDF_GetLastError codes (fpdfview.h) → what the user can do about it. */
const LOAD_ERRORS: Record<number, string> = {
  2: "the file could not be read",
  3: "not a PDF or damaged beyond repair",
  4: "encrypted PDF: it needs a password; save an unprotected copy",
  5: "unsupported security handler",
};

/**
 * The PDFium functions called once per character, called on the WebAssembly exports themselves:
 * the package's wrappers convert and check every argument in JavaScript, which cost more than
 * PDFium's own work on a page of text. Pointers and handles are numbers; booleans come back as 0 or 1.
 */
interface CharExports {
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  memory: { readonly buffer: ArrayBuffer };
}

interface Pdfium {
  module: WrappedPdfiumModule;
  chars: CharExports;
}

let pdfium: Promise<Pdfium> | null = null;

/** The PDFium module of this thread, compiled on first use. */
function loadPdfium(): Promise<Pdfium> {
  pdfium ??= (async () => {
    const wasmBinary = await readFile(createRequire(import.meta.url).resolve("@embedpdf/pdfium/pdfium.wasm"));
    // Quiet: PDFium's own warnings about damaged files would go to the console otherwise.
    const module = await init({ wasmBinary, print: () => {}, printErr: () => {} } as Parameters<typeof init>[0]);
    module.PDFiumExt_Init();
    return { module, chars: module.pdfium.wasmExports as unknown as CharExports };
  })();
  return pdfium;
}

/** The document's Title from its information dictionary (UTF-16LE in PDFium's answer), or null. */
function titleOf(m: WrappedPdfiumModule, doc: number): string | null {
  const size = m.FPDF_GetMetaText(doc, "Title", 0, 0);
  if (size <= 2) return null;
  const buffer = m.pdfium.wasmExports.malloc(size);
  try {
    m.FPDF_GetMetaText(doc, "Title", buffer, size);
    const title = m.pdfium.UTF16ToString(buffer).trim();
    return title || null;
  } finally {
    m.pdfium.wasmExports.free(buffer);
  }
}

/** The characters of one page as positioned items (PDF space: y grows upwards); `scratch`: 32 bytes of PDFium memory. */
function itemsOfPage(x: CharExports, textPage: number, scratch: number): Item[] {
  // Nothing below allocates in PDFium, so its memory cannot grow (and move) while these views are used.
  const origin = new Float64Array(x.memory.buffer, scratch, 2);
  const box = new Float32Array(x.memory.buffer, scratch + 16, 4);
  const items: Item[] = [];
  const count = x.FPDFText_CountChars(textPage);
  for (let i = 0; i < count; i++) {
    const code = x.FPDFText_GetUnicode(textPage, i);
    // PDFium adds spaces and line breaks of its own between runs; lines are rebuilt here instead.
    if (code < 0x20 || x.FPDFText_IsGenerated(textPage, i) === 1) continue;
    if (!x.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8)) continue;
    const left = origin[0]!;
    const baseline = origin[1]!;
    // The loose box spans the glyph's advance (a narrow mark such as ” would leave a gap otherwise).
    const right = x.FPDFText_GetLooseCharBox(textPage, i, scratch + 16) ? box[2]! : left;
    const size = x.FPDFText_GetFontSize(textPage, i) || 1;
    items.push({ str: String.fromCodePoint(code), x: left, y: baseline, width: Math.max(0, right - left), size });
  }
  return items;
}

export async function readPdf(bytes: Uint8Array, name: string): Promise<ReportDocument> {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048).toString("latin1");
  if (!tail.includes("%%EOF")) throw new ReportInputError(name, "truncated PDF (no %%EOF end marker): the file is incomplete; download it again");
  const { module: m, chars } = await loadPdfium();
  const { wasmExports } = m.pdfium;
  // PDFium reads the document from its own memory: the bytes are copied there and freed at the end.
  const data = wasmExports.malloc(bytes.byteLength);
  const scratch = wasmExports.malloc(32);
  let doc = 0;
  try {
    new Uint8Array(chars.memory.buffer).set(bytes, data);
    doc = m.FPDF_LoadMemDocument(data, bytes.byteLength, "");
    if (!doc) {
      const code = m.FPDF_GetLastError();
      throw new ReportInputError(name, code === 4 ? LOAD_ERRORS[4]! : `not a readable PDF (${LOAD_ERRORS[code] ?? `PDFium error ${code}`})`);
    }
    const pages = m.FPDF_GetPageCount(doc);
    const lines: Line[] = [];
    for (let n = 0; n < pages; n++) {
      const page = m.FPDF_LoadPage(doc, n);
      if (!page) continue;
      const textPage = m.FPDFText_LoadPage(page);
      try {
        if (textPage) lines.push(...linesOf(itemsOfPage(chars, textPage, scratch), n + 1, m.FPDF_GetPageHeightF(page)));
      } finally {
        if (textPage) m.FPDFText_ClosePage(textPage);
        m.FPDF_ClosePage(page);
      }
    }
    const body = dropRunningLines(lines, pages);
    const characters = body.reduce((sum, l) => sum + l.text.replace(/\s/g, "").length, 0);
    if (characters < MIN_TEXT_PER_DOCUMENT) {
      throw new ReportInputError(name, `a scanned PDF without a text layer (${pages} page${pages === 1 ? "" : "s"}, no text to read): OCR it first; this tool does not`);
    }
    return { text: checkHasText(paragraphs(body), name), source: { ...emptySource("pdf"), title: titleOf(m, doc) }, pages };
  } finally {
    if (doc) m.FPDF_CloseDocument(doc);
    wasmExports.free(scratch);
    wasmExports.free(data);
  }
}
