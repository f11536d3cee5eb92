// PDF → the text layer in reading order: lines rebuilt from positioned text, running headers,
// footers and page numbers dropped, lines of one paragraph joined (PDFs break lines by width).
// No OCR: a scan without a text layer is refused with a clear reason.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { unifyRadicals } from "./radicals.js";
import { checkHasText, emptySource, ReportInputError, type ReportDocument } from "./document.js";

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

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

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
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

function pdfFailure(name: string, error: unknown): ReportInputError {
  const e = error as { name?: string; message?: string };
  if (e?.name === "PasswordException") return new ReportInputError(name, "encrypted PDF: it needs a password; save an unprotected copy");
  const reason = String(e?.message ?? error).split("\n")[0];
  return new ReportInputError(name, `not a readable PDF (${reason})`);
}

export async function readPdf(bytes: Uint8Array, name: string): Promise<ReportDocument> {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048).toString("latin1");
  if (!tail.includes("%%EOF")) throw new ReportInputError(name, "truncated PDF (no %%EOF end marker): the file is incomplete; download it again");
  // pdf.js may take ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(PDFJS_DIR, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, "standard_fonts") + "/",
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw pdfFailure(name, error);
  }
  try {
    const lines: Line[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, y0, , y1] = page.view;
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        const item = raw as PdfTextItem;
        if (typeof item.str !== "string" || !item.str) continue;
        const [, , c, d, x, y] = item.transform;
        items.push({ str: item.str, x: x!, y: y! - y0!, width: item.width, size: Math.hypot(c!, d!) || item.height || 1 });
      }
      lines.push(...linesOf(items, n, y1! - y0!));
      page.cleanup();
    }
    const body = dropRunningLines(lines, pdf.numPages);
    const characters = body.reduce((sum, l) => sum + l.text.replace(/\s/g, "").length, 0);
    if (characters < MIN_TEXT_PER_DOCUMENT) {
      throw new ReportInputError(name, `a scanned PDF without a text layer (${pdf.numPages} page${pdf.numPages === 1 ? "" : "s"}, no text to read): OCR it first; this tool does not`);
    }
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    return { text: checkHasText(paragraphs(body), name), source: { ...emptySource("pdf"), title } };
  } catch (error) {
    throw error instanceof ReportInputError ? error : pdfFailure(name, error);
  } finally {
    await pdf.destroy();
  }
}
