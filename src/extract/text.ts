// Text normalization and sentence splitting that keep every offset of the text as read.
//
// Each UTF-16 unit of the normalized text stands at the same offset as in the raw text, so an
// offset found on the normalized text is also an offset into the original: characters are
// rewritten one for one (NFKC, traditional → simplified) and page chrome is blanked with spaces.
import * as OpenCC from "opencc-js";
import type { Mention, Sentence } from "./types.js";

export interface ReportText {
  /** the text as read */
  raw: string;
  /** normalized, same length as raw */
  text: string;
  sentences: Sentence[];
  /** index of the sentence that holds the offset (the nearest one before it when between sentences) */
  sentenceIndexAt(offset: number): number;
  /** a Mention of [start, end) with its sentence and surface */
  mention(start: number, end: number): Mention;
}

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/**
 * Characters NFKC may rewrite: everything but ASCII and the CJK unified ideographs, which it
 * leaves alone (full-width forms, compatibility ideographs, circled numbers ... are in here).
 */
const MAY_FOLD = /[^\x00-\x7f\u4e00-\u9fff]+/g;

/** NFKC per character, kept only where it does not change the length. */
function foldCompatibility(raw: string): string {
  return raw.replace(MAY_FOLD, (run) => {
    const folded = run.normalize("NFKC");
    if (folded.length === run.length) return folded;
    let out = "";
    for (const ch of run) {
      const f = ch.normalize("NFKC");
      out += f.length === ch.length ? f : ch;
    }
    return out;
  });
}

function simplify(text: string): string {
  const converted = toSimplified(text);
  if (converted.length === text.length) return converted;
  // A phrase rule changed the length somewhere: fall back to character by character.
  let out = "";
  for (const ch of text) {
    const c = toSimplified(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

// Web-page chrome: whole lines that are navigation, and widgets inside lines.
const CHROME_LINE = /^[^\n]*(?:首页|当前位置|您的位置|现在的位置)[^\n]*(?:>|»|›|→)[^\n]*$/gm;
// Short labels (打印, 关闭) count only inside 【】; the long ones are chrome wherever they stand.
const CHROME_WIDGET =
  /字体大小\s*[:：]?(?:\s*[大中小](?=[\s【】\[\]]|$))*|【\s*(?:打印本页|关闭窗口|打印|关闭|收藏|分享到)\s*】|打印本页|关闭窗口|[【\[]\s*[大中小]\s*[】\]]|(?:浏览次数|访问量|阅读次数)\s*[:：]\s*\d*/gm;
const TABLE_RULE = /[|│┃]|(?<=\n)[-=+ ]{3,}(?=\n)/g;

function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => m.replace(/[^\n]/g, " "));
}

export function normalizeText(raw: string): string {
  let text = simplify(foldCompatibility(raw));
  text = blank(text, CHROME_LINE);
  text = blank(text, CHROME_WIDGET);
  text = blank(text, TABLE_RULE);
  return text;
}

const SENTENCE_END = /[。！？!?]+[”’"」』)）]*|\n+/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) sentences.push({ start, end, text: text.slice(start, end) });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m[0].startsWith("\n") ? m.index! : m.index! + m[0].length;
    push(from, end);
    from = m.index! + m[0].length;
  }
  push(from, text.length);
  return sentences;
}

export function prepareText(raw: string): ReportText {
  const text = normalizeText(raw);
  const sentences = splitSentences(text);
  const starts = sentences.map((s) => s.start);
  const sentenceIndexAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    raw,
    text,
    sentences,
    sentenceIndexAt,
    mention: (start, end) => ({ start, end, sentence: sentenceIndexAt(start), surface: text.slice(start, end) }),
  };
}
