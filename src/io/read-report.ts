// Reading a report file: bytes → text, or one clear reason why not.
import { readFile, stat } from "node:fs/promises";

export class ReportInputError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = "ReportInputError";
  }
}

/** Larger inputs are refused rather than risking the process's memory. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes report bytes as UTF-8 (BOM allowed), refusing empty, binary and non-UTF-8 input. */
export function decodeReport(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new ReportInputError(source, `too large (${bytes.length} bytes; the limit is ${MAX_REPORT_BYTES})`);
  }
  if (bytes.length === 0) throw new ReportInputError(source, "empty file");
  if (bytes.includes(0)) throw new ReportInputError(source, "binary data (NUL bytes), not a text report");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ReportInputError(
      source,
      "not valid UTF-8 (a GBK/GB18030 file? convert it with: iconv -f GB18030 -t UTF-8)",
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new ReportInputError(source, "no text (only whitespace)");
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 65536); i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 8 && control * 100 > Math.min(text.length, 65536)) {
    throw new ReportInputError(source, "binary data (control characters), not a text report");
  }
  checkMojibake(text, source);
  return text;
}

/**
 * Text decoded with the wrong encoding: many U+FFFD replacement characters (bytes that were
 * not text, or lone surrogates), or Latin-1 letters where Chinese should be (UTF-8 read as
 * Windows-1252: "æ³•æ²»").
 */
function checkMojibake(text: string, source: string): void {
  const sample = text.slice(0, 65536);
  let replacement = 0;
  let latin1 = 0;
  let cjk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c >= 0xd800 && c <= 0xdfff)) replacement++;
    else if (c >= 0xc0 && c <= 0xff) latin1++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  if (replacement > 8 && replacement * 100 > sample.length) {
    throw new ReportInputError(source, `garbled text (${replacement} replacement characters): decoded with the wrong encoding, or not text`);
  }
  if (latin1 > 64 && latin1 > cjk * 4) {
    throw new ReportInputError(source, "garbled text (mojibake: Latin-1 letters where Chinese is expected): re-save it as UTF-8");
  }
}

/** Reads one report file; "-" reads standard input. */
export async function readReport(path: string): Promise<string> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeReport(Buffer.concat(chunks), "<stdin>");
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
  return decodeReport(await readFile(path), path);
}
