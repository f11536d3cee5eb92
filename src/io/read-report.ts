// Reading a report in any format the project takes: bytes → text plus where it came from, or one
// clear reason why not. The format is recognised by content first (magic bytes), then by name.
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { decodeText } from "./decode-text.js";
import { checkHasText, emptySource, MAX_REPORT_BYTES, ReportInputError, type ReportDocument, type ReportFormat } from "./document.js";

export { MAX_REPORT_BYTES, ReportInputError, type ReportDocument, type ReportFormat, type ReportSource } from "./document.js";

/** File name endings read as reports when a directory is walked. */
export const REPORT_EXTENSIONS = [".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx", ".doc"];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003 and other Office binaries

type Kind = ReportFormat | "doc";

/** What the bytes are: their magic number decides, else the name's extension, else a sniff for markup. */
export function formatOf(bytes: Uint8Array, name: string): Kind {
  // PDFs may have a few bytes of junk before the header; the spec allows 1 KB.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes("%PDF-")) {
    if (startsWith(bytes, PDF_MAGIC) || extname(name).toLowerCase() === ".pdf") return "pdf";
  }
  if (startsWith(bytes, ZIP_MAGIC)) return "docx";
  if (startsWith(bytes, OLE_MAGIC)) return "doc";
  const ext = extname(name).toLowerCase();
  if ([".html", ".htm", ".shtml", ".xhtml"].includes(ext)) return "html";
  if (ext === ".pdf") return "pdf";
  if (ext === ".docx") return "docx";
  if (ext === ".doc") return "doc";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString("latin1");
  if (/^(\xef\xbb\xbf)?\s*(<!doctype html|<html[\s>])/i.test(head)) return "html";
  return "text";
}

/** Reads a report from its bytes; `name` (a file name or the caller's) is used for messages and the format. */
export async function readReportBytes(bytes: Uint8Array, name: string): Promise<ReportDocument> {
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new ReportInputError(name, `too large (${bytes.length} bytes; the limit is ${MAX_REPORT_BYTES})`);
  }
  if (bytes.length === 0) throw new ReportInputError(name, "empty file");
  // The readers of PDF and Word load large libraries: only when such a file comes.
  switch (formatOf(bytes, name)) {
    case "pdf":
      return (await import("./pdf.js")).readPdf(bytes, name);
    case "docx":
      return (await import("./docx.js")).readDocx(bytes, name);
    case "doc":
      throw new ReportInputError(name, "a Word 97-2003 .doc file is not read: save it as .docx or PDF first");
    case "html":
      return (await import("./html.js")).readHtml(bytes, name);
    case "text": {
      const { text, encoding } = decodeText(bytes, name);
      return { text: checkHasText(text, name), source: { ...emptySource("text"), encoding } };
    }
  }
}

async function readInput(path: string): Promise<Uint8Array> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new ReportInputError(path, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(e));
  }
  if (info.isDirectory()) throw new ReportInputError(path, "is a directory, not a report file");
  if (info.size > MAX_REPORT_BYTES) {
    throw new ReportInputError(path, `too large (${info.size} bytes; the limit is ${MAX_REPORT_BYTES})`);
  }
  return readFile(path);
}

/** Reads one report file in any format; "-" reads standard input. `name` is used in messages. */
export async function readReportFile(path: string, name = path === "-" ? "<stdin>" : path): Promise<ReportDocument> {
  const document = await readReportBytes(await readInput(path), name);
  return { text: document.text, source: { ...document.source, path: path === "-" ? null : path } };
}

/** Reads one report file to its text (any format). */
export async function readReport(path: string): Promise<string> {
  return (await readReportFile(path)).text;
}
