// Bytes of a text file → a string: UTF-8, UTF-16 (with or without BOM), GBK/GB18030, Big5 …
// The encoding is detected (BOM, strict UTF-8, the document's own charset, then a statistical
// detector) and reported with the text.
import iconv from "iconv-lite";
import jschardet from "jschardet";
import { MAX_REPORT_BYTES, ReportInputError } from "./document.js";

export interface DecodedText {
  text: string;
  /** the decoder's name: utf-8, utf-16le, utf-16be, gb18030, big5 … */
  encoding: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Detector and <meta> names → the decoder used (GB2312 and GBK text is a subset of GB18030). */
const DECODER: Record<string, string> = {
  ascii: "utf-8",
  "us-ascii": "utf-8",
  utf8: "utf-8",
  gb2312: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  cp936: "gb18030",
  "euc-tw": "big5",
  "big5-hkscs": "big5",
  "utf-16-le": "utf-16le",
  "utf-16-be": "utf-16be",
};

/** Names an encoding for iconv-lite, or null when it has none by that name. */
export function decoderFor(label: string): string | null {
  const name = label.trim().toLowerCase();
  const mapped = DECODER[name] ?? name;
  return mapped && iconv.encodingExists(mapped) ? mapped : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function detect(bytes: Uint8Array): string | null {
  // The detector reads a binary string; the first 256 KB are plenty to decide.
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256 * 1024)).toString("latin1");
  return jschardet.detect(sample, { minimumThreshold: 0.1 }).encoding || null;
}

/** BOM, then UTF-16 without BOM (NUL high bytes), strict UTF-8, the declared charset, the detector. */
function chooseEncoding(bytes: Uint8Array, name: string, declared: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  if (bytes.includes(0)) {
    const utf16 = decoderFor(detect(bytes) ?? "");
    if (utf16?.startsWith("utf-16")) return utf16;
    throw new ReportInputError(name, "binary data (NUL bytes), not a text report");
  }
  // Valid UTF-8 wins over a declared charset: pages re-saved as UTF-8 often keep their old GBK <meta>.
  if (isUtf8(bytes)) return "utf-8";
  const fromDeclared = declared ? decoderFor(declared) : null;
  if (fromDeclared && fromDeclared !== "utf-8") return fromDeclared;
  const detected = detect(bytes);
  const decoder = detected ? decoderFor(detected) : null;
  if (!decoder || decoder === "utf-8") {
    throw new ReportInputError(name, `unknown text encoding (not UTF-8, UTF-16, GBK/GB18030 or Big5${detected ? `; looks like ${detected}` : ""})`);
  }
  return decoder;
}

/** Refuses text that is mostly control characters (a binary file that happened to decode). */
function checkNotBinary(text: string, name: string): void {
  let control = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 8 && control * 100 > n) throw new ReportInputError(name, "binary data (control characters), not a text report");
}

/**
 * Text decoded with the wrong encoding: many U+FFFD replacement characters (bytes that were
 * not text, or lone surrogates), or Latin-1 letters where Chinese should be (UTF-8 read as
 * Windows-1252: "æ³•æ²»").
 */
function checkMojibake(text: string, name: string): void {
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
    throw new ReportInputError(name, `garbled text (${replacement} replacement characters): decoded with the wrong encoding, or not text`);
  }
  if (latin1 > 64 && latin1 > cjk * 4) {
    throw new ReportInputError(name, "garbled text (mojibake: Latin-1 letters where Chinese is expected): re-save it as UTF-8");
  }
}

/** Decodes text bytes, refusing empty, binary and garbled input. `declared`: a charset the document names itself. */
export function decodeText(bytes: Uint8Array, name: string, declared: string | null = null): DecodedText {
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new ReportInputError(name, `too large (${bytes.length} bytes; the limit is ${MAX_REPORT_BYTES})`);
  }
  if (bytes.length === 0) throw new ReportInputError(name, "empty file");
  const encoding = chooseEncoding(bytes, name, declared);
  let text = encoding === "utf-8" ? utf8.decode(bytes) : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkNotBinary(text, name);
  checkMojibake(text, name);
  return { text, encoding };
}
