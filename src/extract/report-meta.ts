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

/** The first short line about rule-of-law work that reads as a title; a title broken over two lines is joined. */
function findTitle(head: Line[]): { title: string; span: Span } | null {
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    if (line.text.length > MAX_TITLE_LENGTH || LIST_MARKER.test(line.text) || !TITLE_TOPIC.test(line.text)) continue;
    if (TITLE_END.test(line.text)) return { title: line.text, span: line };
    const next = head[i + 1];
    if (next && next.text.length <= 12 && TITLE_END.test(next.text)) {
      return { title: line.text + next.text, span: { start: line.start, end: next.end } };
    }
  }
  return null;
}

const YEAR = /(20\d{2})\s*年/;
const OPENING_YEAR = /(?:^|\n)\s*(20\d{2})\s*年(?:度)?[,，、以来是]/;

function findYear(text: string, title: string | null, publishedAt: string | null): number | null {
  const fromTitle = title?.match(YEAR);
  if (fromTitle) return Number(fromTitle[1]);
  const opening = text.slice(0, 4000).match(OPENING_YEAR);
  if (opening) return Number(opening[1]);
  return publishedAt ? Number(publishedAt.slice(0, 4)) - 1 : null;
}

// Labels of the publication date, most trusted first.
const DATE_LABELS = ["发布时间", "发布日期", "发文日期", "公开日期", "成文日期", "生成日期"];
const DATE_AFTER_LABEL = /^\s*[:：]?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const WRITTEN_DATE = /(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function findPublishedAt(text: string, headEnd: number): string | null {
  const head = text.slice(0, headEnd);
  for (const label of DATE_LABELS) {
    let at = head.indexOf(label);
    while (at >= 0) {
      const m = head.slice(at + label.length, at + label.length + 30).match(DATE_AFTER_LABEL);
      const date = m && isoDate(m[1]!, m[2]!, m[3]!);
      if (date) return date;
      at = head.indexOf(label, at + 1);
    }
  }
  // No labelled date: the date under the signature at the end.
  const tailStart = Math.max(0, text.length - TAIL_CHARS);
  const dates = [...text.slice(tailStart).matchAll(WRITTEN_DATE)];
  const last = dates[dates.length - 1];
  return last ? isoDate(last[1]!, last[2]!, last[3]!) : null;
}

// 发布机构 often heads a table cell (pipes blanked to spaces), so it needs no colon.
const PUBLISHER_LABEL = /(?:(?:信息来源|来源)\s*[:：]|(?:发布机构|发布单位)\s*[:：]?)\s*([^\s|:：【】]{2,30})/;
const SIGNATURE_DATE = /^\s*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
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
  const publishedAt = findPublishedAt(text, headEnd);
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
