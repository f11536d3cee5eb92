// Report metadata read from the text: title, year reported on, publisher, publication date.
// The subject jurisdiction is resolved by places.ts, which knows the division list.
import type { ReportText } from "./text.js";

export interface Span {
  start: number;
  end: number;
}

export interface RawReportMeta {
  title: string | null;
  /** offsets of the title in the text, for resolving the subject */
  titleSpan: Span | null;
  year: number | null;
  publisher: string | null;
  publisherSpan: Span | null;
  publishedAt: string | null;
}

interface Line extends Span {
  text: string;
}

/** Title, labels and signature sit within these distances of the text's ends. */
const HEAD_LINES = 40;
const TAIL_CHARS = 400;
const MAX_TITLE_LENGTH = 70;

const TITLE_TOPIC = /法治政府建设|法治建设|依法行政|法治政府/;
const TITLE_END = /(?:报告|情况|总结)\s*$/;
/** Section headings (一、… (二)… 3.…) are not titles. */
const LIST_MARKER = /^(?:[一二三四五六七八九十]+\s*、|[(（]|\d+\s*[.、．])/;
/** A page's label before the title (- 标 题:, 文章标题：), dropped from the title. */
const TITLE_LABEL = /^[-*·•\s]*(?:文章|信息)?标\s*题\s*[:：]\s*/;
/** A breadcrumb trail (首页 > 专题 > …) or a line saying where the page sits is no title. */
const BREADCRUMB = /[>＞»›]|当前位置|您的位置|所在位置/;

function lines(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf("\n", start);
    if (end < 0 || end > to) end = to;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = end + 1;
  }
  return out;
}

/** A head line with a page label (标 题:) cut off; offsets follow the cut. */
function withoutLabel(line: Line): Line {
  const label = line.text.match(TITLE_LABEL);
  if (!label || label[0].length === line.text.length) return line;
  const cut = label[0].length;
  return { start: line.start + cut, end: line.end, text: line.text.slice(cut) };
}

/** The first short line about rule-of-law work that reads as a title; a title broken over two lines is joined. */
function findTitle(rawHead: Line[]): { title: string; span: Span; index: number } | null {
  const head = rawHead.map(withoutLabel);
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    if (line.text.length > MAX_TITLE_LENGTH || LIST_MARKER.test(line.text) || !TITLE_TOPIC.test(line.text)) continue;
    if (BREADCRUMB.test(line.text)) continue;
    if (TITLE_END.test(line.text)) return { title: line.text, span: line, index: i };
    const next = head[i + 1];
    if (next && next.text.length <= 12 && TITLE_END.test(next.text)) {
      return { title: line.text + next.text, span: { start: line.start, end: next.end }, index: i + 1 };
    }
  }
  return null;
}

const YEAR = /(20\d{2})\s*年/;
const OPENING_YEAR = /(?:^|\n)\s*(20\d{2})\s*年(?:度)?[,，、以来是]/;
/** 现将2024年…工作报告如下: the sentence that hands the report over names its year. */
const HANDOVER_YEAR = /现将[^。\n]{0,40}?(20\d{2})\s*年/;
/** 2022年我镇…, 2023年全区…: the year a body says it worked in. */
const BODY_YEAR = /(20\d{2})\s*年(?:度)?\s*[,，]?\s*(?:我|本|全)(?:街道|镇|乡|区|县|市|旗|局)/g;
const OPENING_CHARS = 4000;

function findYear(text: string, title: string | null, publishedAt: string | null): number | null {
  const fromTitle = title?.match(YEAR);
  if (fromTitle) return Number(fromTitle[1]);
  const opening = text.slice(0, OPENING_CHARS);
  const year = opening.match(OPENING_YEAR) ?? opening.match(HANDOVER_YEAR);
  if (year) return Number(year[1]);
  const worked = mostFrequent([...text.matchAll(BODY_YEAR)].map((m) => Number(m[1])));
  if (worked !== null) return worked;
  return publishedAt ? Number(publishedAt.slice(0, 4)) - 1 : null;
}

/** The most frequent value, the earliest seen on a tie; null for none. */
function mostFrequent(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

// Labels of the publication date, most trusted first. The bare 日期/时间 count only as a label
// of their own (after a line start, a space or a cell border), never inside 截至日期 or 办理时间.
const DATE_LABELS = ["发布时间", "发布日期", "发文日期", "发文时间", "公开日期", "成文日期", "成文时间", "生成日期"];
const BARE_DATE_LABEL = /(?:^|[\s|])(?:日\s*期|时\s*间)\s*[:：]\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/m;
const DATE_AFTER_LABEL = /^\s*[:：]?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
/** A line that is only a date, maybe with a time (2023-02-15 14:49): the page's date under its title. */
const DATE_LINE = /^(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** Lines right under the title where the page prints its date. */
const DATE_LINES_AFTER_TITLE = 3;

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function findPublishedAt(text: string, head: Line[], titleIndex: number | null): string | null {
  const headEnd = head.length ? head[head.length - 1]!.end : 0;
  const labelled = findLabelledDate(text.slice(0, headEnd));
  if (labelled) return labelled;
  if (titleIndex !== null) {
    for (const line of head.slice(titleIndex + 1, titleIndex + 1 + DATE_LINES_AFTER_TITLE)) {
      const m = line.text.match(DATE_LINE);
      const date = m && isoDate(m[1]!, m[2]!, m[3]!);
      if (date) return date;
    }
  }
  return signatureDate(text);
}

function findLabelledDate(head: string): string | null {
  for (const label of DATE_LABELS) {
    let at = head.indexOf(label);
    while (at >= 0) {
      const m = head.slice(at + label.length, at + label.length + 30).match(DATE_AFTER_LABEL);
      const date = m && isoDate(m[1]!, m[2]!, m[3]!);
      if (date) return date;
      at = head.indexOf(label, at + 1);
    }
  }
  const bare = head.match(BARE_DATE_LABEL);
  return bare ? isoDate(bare[1]!, bare[2]!, bare[3]!) : null;
}

/**
 * The date under the signature: the last line of the text's end that is a date alone, or a date
 * after the signing body (某某街道办事处 2023年1月29日). A date inside a sentence (截至…) is not one.
 */
function signatureDate(text: string): string | null {
  const tail = lines(text, Math.max(0, text.length - TAIL_CHARS), text.length);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!.text;
    const m = line.match(SIGNED_DATE);
    if (!m) continue;
    const before = line.slice(0, m.index).trim();
    if (before === "" || (before.length <= 30 && BODY_NAME.test(before))) return isoDate(m[1]!, m[2]!, m[3]!);
  }
  return null;
}

// 发布机构 often heads a table cell (pipes blanked to spaces), so it needs no colon.
const PUBLISHER_LABEL = /(?:(?:信息来源|来源)\s*[:：]|(?:发布机构|发布单位)\s*[:：]?)\s*([^\s|:：【】]{2,30})/;
const SIGNATURE_DATE = /^\s*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
const SIGNED_DATE = /(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
const BODY_NAME = /(?:办事处|人民政府|委员会|司法局|街道|镇|乡|区|县|市)$/;

function findPublisher(text: string, headEnd: number): { name: string; span: Span } | null {
  const labelled = text.slice(0, headEnd).match(PUBLISHER_LABEL);
  if (labelled) {
    const start = labelled.index! + labelled[0].length - labelled[1]!.length;
    return { name: labelled[1]!, span: { start, end: start + labelled[1]!.length } };
  }
  // The issuing body signs above the closing date.
  const tail = lines(text, Math.max(0, text.length - TAIL_CHARS), text.length);
  for (let i = tail.length - 1; i > 0; i--) {
    const above = tail[i - 1]!;
    if (SIGNATURE_DATE.test(tail[i]!.text) && above.text.length <= 30 && BODY_NAME.test(above.text)) {
      return { name: above.text, span: above };
    }
  }
  return null;
}

export function readReportMeta(doc: ReportText): RawReportMeta {
  const text = doc.text;
  const head = lines(text, 0, text.length).slice(0, HEAD_LINES);
  const headEnd = head.length ? head[head.length - 1]!.end : 0;
  const title = findTitle(head);
  const publishedAt = findPublishedAt(text, head, title?.index ?? null);
  const publisher = findPublisher(text, headEnd);
  return {
    title: title?.title ?? null,
    titleSpan: title?.span ?? null,
    year: findYear(text, title?.title ?? null, publishedAt),
    publisher: publisher?.name ?? null,
    publisherSpan: publisher?.span ?? null,
    publishedAt,
  };
}
