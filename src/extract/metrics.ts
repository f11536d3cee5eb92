// Stated figures about the reporting body's work: key phrase, value, unit, qualifier.
//
// A figure is a numeral followed by a counter or unit (受理法律咨询278件, 出庭应诉率达100%,
// 协议金额近3654.02万元). Its key phrase is read from the clause around it: the words before
// the number (调处纠纷56起), or the noun after it when the number modifies one (15起行政案件).
import { readFileSync } from "node:fs";
import type { Metric, Qualifier } from "./types.js";
import type { ReportText } from "./text.js";
import { CHINESE_NUMERAL_CHARS, magnitudeOf, readNumeral, toBase } from "./numbers.js";
import { kindOfMetric } from "./metric-kinds.js";

/** Metrics without year and subject; the caller fills those from the report. */
export type RawMetric = Omit<Metric, "year" | "subject"> & { year?: number | null };

/** Word lists; data/metric-words.json says what each one is for. */
interface MetricWords {
  counters: string[];
  counterNotFollowedBy: Record<string, string>;
  yearCountPrefixes: string[];
  moneyUnit: string;
  aboutBefore: string[];
  overBefore: string[];
  overAfter: string[];
  aboutAfter: string[];
  thresholdAfter: string[];
  leadingFillers: string[];
  trailingLinks: string[];
  sharedValueMarkers: string[];
  introducers: string[];
  coordinators: string[];
  midSentenceTotals: string[];
  predicateStarters: string[];
  postSoftStops: string[];
  singleOneAllowedAfter: string[];
  planMarkers: string[];
  fixedPhrases: string[];
  longKeyCuts: string[];
  backgroundKeys: string[];
}

const WORDS = JSON.parse(
  readFileSync(new URL("../../data/metric-words.json", import.meta.url), "utf8"),
) as MetricWords;

const byLengthDesc = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
/** Counters by first character, longest first, so a lookup tries only a few. */
const COUNTERS_BY_FIRST = new Map<string, string[]>();
for (const counter of byLengthDesc(WORDS.counters)) {
  const list = COUNTERS_BY_FIRST.get(counter[0]!) ?? [];
  list.push(counter);
  COUNTERS_BY_FIRST.set(counter[0]!, list);
}
const LEADING_FILLERS = byLengthDesc(WORDS.leadingFillers);
const TRAILING_LINKS = byLengthDesc(WORDS.trailingLinks);
const COORDINATORS = byLengthDesc(WORDS.coordinators);
const AFTER_QUALIFIERS = byLengthDesc([...WORDS.overAfter, ...WORDS.aboutAfter]);
const HEDGES = [...WORDS.aboutBefore, ...WORDS.overBefore];

/** A numeral: Arabic with optional thousands separators and decimals, or a run of Chinese numeral characters. */
const NUMERAL = new RegExp(
  `\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d{1,6})?|\\d{1,15}(?:\\.\\d{1,6})?|[${CHINESE_NUMERAL_CHARS}]{1,12}`,
  "g",
);
/** Characters that end the clause a key phrase is read from. */
const CLAUSE_BREAK = /[,;。:!?()\n|]/;
const QUOTE_MARKS = /[“”‘’「」『』《》"<>]/g;
const QUOTE_MARK = /[“”‘’「」『』《》"<>]/;
/** Joiners of codes, dates and ranges: a numeral touching one is not a figure (3·15, 2021-2025, 1+8). */
const JOINER = /[+·/\-—－~～×*:#@]/;
const YEAR_PREFIX = /^(?:19|20)\d{2}年度?/;
/** 一是 / 二是 …: the list marker of a numbered point, not part of what was counted. */
const POINT_MARKER = /^[一二三四五六七八九十]{1,2}是/;
/** How far back a key phrase may reach, and how long a key may get before it is cut. */
const LOOK_BACK = 40;
const MAX_KEY = 20;
const MAX_KEY_AFTER_CUT = 24;
const MAX_PHRASE_AFTER = 12;
/** How long a bracketed aside inside a noun phrase may be, brackets included: 村(社区). */
const MAX_ASIDE = 5;

const startsWithAny = (text: string, at: number, words: string[]) => words.find((w) => text.startsWith(w, at));
const endsWithAny = (s: string, words: string[]) => words.find((w) => s.endsWith(w));
const isArabic = (token: string) => token.charCodeAt(0) < 128;
const isNumeralChar = (ch: string) => ch !== "" && (/[0-9]/.test(ch) || CHINESE_NUMERAL_CHARS.includes(ch));
const stripQuotes = (s: string) => s.replace(QUOTE_MARKS, "");

// ---- quotes: numerals inside “…” or 《…》 belong to a name ("1+8", 《十四五规划》) ----

type Span = [number, number];
const QUOTE_PAIRS: Record<string, string> = { "“": "”", "‘": "’", "「": "」", "『": "』", "《": "》" };
/** Quote marks and the sentence ends that close any quote left open. */
const QUOTE_EVENT = /[“”‘’「」『』《》。\n]/g;

/** Spans of short quoted stretches, opened and closed within one sentence. */
function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const open: { ch: string; at: number }[] = [];
  for (const m of text.matchAll(QUOTE_EVENT)) {
    const ch = m[0];
    const at = m.index!;
    if (ch in QUOTE_PAIRS) {
      if (open.length < 8) open.push({ ch, at }); // deeper nesting is not prose
    } else if (ch === "。" || ch === "\n") {
      open.length = 0;
    } else {
      const top = open[open.length - 1];
      if (top && QUOTE_PAIRS[top.ch] === ch) {
        open.pop();
        if (at - top.at <= 60) spans.push([top.at, at]);
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Answers "is this offset quoted?" for increasing offsets, in amortized constant time. */
function quoteChecker(text: string): (offset: number) => boolean {
  const spans = quotedSpans(text);
  let next = 0;
  let active: Span[] = [];
  return (offset) => {
    while (next < spans.length && spans[next]![0] < offset) active.push(spans[next++]!);
    active = active.filter((s) => s[1] > offset);
    return active.length > 0;
  };
}

// ---- reading the quantity: numeral, magnitude, counter, qualifiers ----

interface Quantity {
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
}

function readCounter(text: string, at: number): string | undefined {
  const candidates = COUNTERS_BY_FIRST.get(text[at] ?? "");
  const counter = candidates && startsWithAny(text, at, candidates);
  if (!counter) return undefined;
  const blocked = WORDS.counterNotFollowedBy[counter];
  const next = text[at + counter.length] ?? "";
  return blocked && next && blocked.includes(next) ? undefined : counter;
}

/** Whether the characters around a numeral show it is part of a code, date, range, ordinal or name. */
function isEmbedded(text: string, start: number, end: number, token: string): boolean {
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  if (before === "第" || before === "前") return true; // ordinals and rankings: 第3, 前10位
  if (/[A-Za-z0-9_.]/.test(before)) return true;
  if (JOINER.test(before) && /[A-Za-z0-9]/.test(text[start - 2] ?? "")) return true;
  if (JOINER.test(after) && isNumeralChar(text[end + 1] ?? "")) return true;
  if (/[至到]/.test(after) && isNumeralChar(text[end + 1] ?? "")) return true;
  if (/[至到]/.test(before) && isNumeralChar(text[start - 2] ?? "")) return true;
  if (!isArabic(token)) {
    // 初三, 周五, 星期一: dates; 数十次, 几百人: vague amounts
    if (/[初周]/.test(before) || /星期|礼拜/.test(text.slice(Math.max(0, start - 2), start))) return true;
    if (/[数几]/.test(before) && /^[十百千万]/.test(token)) return true;
  }
  return false;
}

/** Chinese numerals are also words (一起, 二次录入, 千家万户); accept only the readings that count. */
function isCountingChineseNumeral(text: string, start: number, token: string, counterEnd: number): boolean {
  if (WORDS.fixedPhrases.some((p) => text.startsWith(p, start))) return false;
  if (token === "二") return false; // 二次, 二审: counts are written 两次
  const before = text.slice(Math.max(0, start - 2), start);
  if (token === "一") return WORDS.singleOneAllowedAfter.some((w) => before.endsWith(w));
  // bare 百/千/万 counts only when hedged (近千人, 百余人); otherwise it is a set phrase (千家万户)
  if (/^[百千万]+$/.test(token) && !HEDGES.some((w) => before.endsWith(w)) && !/[余多]/.test(text[start + token.length] ?? "")) {
    return false;
  }
  // parallel slogans: 一村一辅警, 三会一课
  return !isNumeralChar(text[counterEnd] ?? "");
}

function qualifierBefore(text: string, start: number): Qualifier | null {
  const before = text.slice(Math.max(0, start - 2), start);
  if (endsWithAny(before, WORDS.aboutBefore)) return "about";
  if (endsWithAny(before, WORDS.overBefore)) return "over";
  return null;
}

/** 万 and 亿 stay with the unit as written (7亿元 → 7 亿元, 1.2万人次 → 1.2 万人次; toBase multiplies
 * them out); a 千 written after Arabic digits (1.5千人) is no unit prefix and is multiplied out. */
function valueAndUnit(value: number, magnitude: string | null, unit: string): { value: number; unit: string } {
  if (!magnitude) return { value, unit };
  if (magnitude === "万" || magnitude === "亿") return { value, unit: magnitude + unit };
  return { value: Math.round(value * magnitudeOf(magnitude)! * 1e6) / 1e6, unit };
}

const SCORE_POINTS = "分";

/** 分 after a numeral is a score (考试平均成绩92.6分) only in Arabic digits: 十分 is "very", 三分之一 a fraction, 9时30分 a time. */
function isScore(text: string, start: number, token: string): boolean {
  return isArabic(token) && !/[时点]/.test(text[start - 1] ?? "");
}

/** 年 after a numeral is a date (2022年) unless a run of years is counted (连续3年). */
function yearIsCounted(text: string, start: number, end: number): boolean {
  if (/[度来内前后底初末级]/.test(text[end] ?? "")) return false;
  const before = text.slice(Math.max(0, start - 3), start);
  return WORDS.yearCountPrefixes.some((p) => before.endsWith(p));
}

/** Reads the quantity whose numeral is `token` at `start`, or null when it is not a stated figure. */
function readQuantity(text: string, start: number, token: string): Quantity | null {
  const tokenEnd = start + token.length;
  if (isEmbedded(text, start, tokenEnd, token)) return null;
  if (!isArabic(token) && token.startsWith("百") && text.startsWith("分之", start + 1)) return null;
  const percentInWords = text.slice(Math.max(0, start - 3), start) === "百分之"; // 百分之九十五

  let at = tokenEnd;
  if (text[at] === " " && /^[余多万亿]/.test(text[at + 1] ?? "")) at++; // 办理 240 余人次: spaces around the number
  let over = false;
  let writtenMagnitude: string | null = null; // 1.2万, 7亿: Chinese numerals carry theirs inside
  if (/[余多]/.test(text[at] ?? "")) (over = true), at++;
  if (isArabic(token) && /[万亿千]/.test(text[at] ?? "")) writtenMagnitude = text[at++]!;
  if (/[余多]/.test(text[at] ?? "")) (over = true), at++;

  let unit: string;
  if (percentInWords) {
    unit = "%";
  } else {
    if (text[at] === " ") at++;
    const counter = readCounter(text, at);
    if (!counter) return null;
    at += counter.length;
    unit = counter;
    if (counter === "年" && !yearIsCounted(text, start, at)) return null;
    if (counter === SCORE_POINTS && !isScore(text, start, token)) return null;
    if (!isArabic(token) && !isCountingChineseNumeral(text, start, token, at)) return null;
    // 人(次), 条(次): either way of counting
    if (text.startsWith("(次)", at) && /^[人件条户家]$/.test(counter)) (unit += "(次)"), (at += 3);
  }
  // a time limit (3个工作日内) or a threshold (10万元以上的案件) is not a result
  if (/^以?内/.test(text.slice(at, at + 2)) || startsWithAny(text, at, WORDS.thresholdAfter)) return null;

  const reading = readNumeral(token); // parsed last: most numeral-like runs fail the checks above
  if (!reading) return null;
  const magnitude = writtenMagnitude ?? reading.magnitude;

  const after = startsWithAny(text, at, AFTER_QUALIFIERS);
  let qualifier = qualifierBefore(text, percentInWords ? start - 3 : start) ?? (over ? "over" : "exact");
  if (after) {
    qualifier = WORDS.aboutAfter.includes(after) ? "about" : "over";
    at += after.length;
  }
  const quantityStart = percentInWords ? start - 3 : start;
  return { start: quantityStart, end: at, ...valueAndUnit(reading.value, magnitude, unit), qualifier };
}

// ---- the key phrase ----

interface Before {
  /** the words before the number, without fillers and link verbs */
  phrase: string;
  /** the words ended in 有/等 or a coordinator: the counted thing is named after the number, if at all */
  pointsForward: boolean;
  /** 均/都 before the link verb: every listed item has the value (A、B均达100%) */
  shared: boolean;
  /** 分别 before the link verb: the listed items take the following values in turn */
  respective: boolean;
}

/** The words after the last clause break; for "结案率:98%" the label before the colon. */
function lastClause(stretch: string): string {
  const breaks: number[] = [];
  for (let i = 0; i < stretch.length; i++) if (CLAUSE_BREAK.test(stretch[i]!)) breaks.push(i);
  const last = breaks.length ? breaks[breaks.length - 1]! : -1;
  const clause = stretch.slice(last + 1).replace(/\s+/g, "");
  if (clause || last < 0 || stretch[last] !== ":") return clause;
  const previous = breaks.length > 1 ? breaks[breaks.length - 2]! : -1;
  return stretch.slice(previous + 1, last).replace(/\s+/g, "");
}

/** Reads the words between `from` (clause start or previous figure) and the number. */
function phraseBefore(text: string, from: number, numberStart: number): Before {
  let phrase = text.slice(from, numberStart).replace(/\([^()]{0,20}\)/g, ""); // 村(社区)法律顾问 reads past the aside
  phrase = lastClause(phrase);

  const result: Before = { phrase: "", pointsForward: false, shared: false, respective: false };
  for (let changed = true; changed; ) {
    changed = false;
    const link = endsWithAny(phrase, TRAILING_LINKS);
    if (link) {
      if (WORDS.sharedValueMarkers.some((m) => link.startsWith(m))) result.shared = true;
      if (link.startsWith("分别")) result.respective = true;
      phrase = phrase.slice(0, -link.length);
      changed = true;
    }
    const marker = endsWithAny(phrase, WORDS.sharedValueMarkers);
    if (marker && phrase.length > marker.length) {
      result.shared = true;
      phrase = phrase.slice(0, -marker.length);
      changed = true;
    }
    const intro = endsWithAny(phrase, [...WORDS.introducers, ...COORDINATORS]);
    if (intro) {
      result.pointsForward = true;
      phrase = phrase.slice(0, -intro.length);
      changed = true;
    }
  }
  result.phrase = stripQuotes(trimLeading(afterMidSentenceTotal(phrase)));
  return result;
}

/** 街道各级调委会共成功调处各类纠纷 → 成功调处各类纠纷: the counted action follows 共/累计. */
function afterMidSentenceTotal(phrase: string): string {
  for (let i = phrase.length - 1; i > 0; i--) {
    const total = WORDS.midSentenceTotals.find((w) => phrase.startsWith(w, i));
    if (!total) continue;
    // 公共, 共同, 共享, 共建 … are words, not the adverb 共
    if (total === "共" && (phrase[i - 1] === "公" || /[同享建治识产青商赢担性]/.test(phrase[i + 1] ?? ""))) continue;
    const rest = phrase.slice(i + total.length);
    if (rest.length >= 2) return rest;
  }
  return phrase;
}

function trimLeading(phrase: string): string {
  for (let changed = true; changed; ) {
    const filler = YEAR_PREFIX.exec(phrase)?.[0] ?? POINT_MARKER.exec(phrase)?.[0] ?? LEADING_FILLERS.find((w) => phrase.startsWith(w));
    changed = filler !== undefined;
    if (filler) phrase = phrase.slice(filler.length);
  }
  return phrase;
}

/** A short aside in brackets inside a noun phrase (村(社区), 乡(镇)): its length, or 0. */
function asideAt(text: string, at: number): number {
  if (text[at] !== "(" || at === 0) return 0;
  const close = text.indexOf(")", at + 1);
  return close > at + 1 && close - at <= MAX_ASIDE && !CLAUSE_BREAK.test(text.slice(at + 1, close).replace(/[()]/g, "")) ? close - at + 1 : 0;
}

/** The noun phrase right after the quantity (15起行政案件 → 行政案件, 21个村 → 村), up to the clause's next break. */
function phraseAfter(text: string, from: number): string {
  let out = "";
  for (let i = from; i < text.length && out.length < MAX_PHRASE_AFTER; i++) {
    const aside = out.length > 0 ? asideAt(text, i) : 0;
    if (aside) {
      out += text.slice(i, i + aside); // 村(社区)公共法律服务工作室: the aside belongs to the noun
      i += aside - 1;
      continue;
    }
    const ch = text[i]!;
    if (CLAUSE_BREAK.test(ch) || /[\s、0-9]/.test(ch)) break;
    // another numeral starts the next figure or list item (及7个…, 三是…); 零 is a word (零发生)
    if (isNumeralChar(ch) && ch !== "零") break;
    if (ch === "的" || ch === "等") break;
    if (out.length > 0 && (ch === "均" || startsWithAny(text, i, COORDINATORS))) break;
    if (out.length >= 3 && startsWithAny(text, i, WORDS.postSoftStops)) break;
    if (!QUOTE_MARK.test(ch)) out += ch;
  }
  return out;
}

/** 5万元的价格购买专业律师服务 → 价格购买专业律师服务: what follows 的 when nothing else names the figure. */
function phraseAfterDe(text: string, from: number): string {
  return text[from] === "的" ? phraseAfter(text, from + 1) : "";
}

/** 参学率、参考率和通过率 → [参学率, 参考率, 通过率] */
function splitItems(phrase: string): string[] {
  const items: string[] = [];
  let current = "";
  for (let i = 0; i < phrase.length; ) {
    const sep = startsWithAny(phrase, i, COORDINATORS);
    if (sep && current) {
      items.push(current);
      current = "";
      i += sep.length;
    } else {
      current += phrase[i++];
    }
  }
  if (current) items.push(current);
  return items;
}

/** Cuts an over-long key to what follows its last 的 or light verb, or else to its last characters. */
function shorten(key: string): string {
  if (key.length <= MAX_KEY) return key;
  let best = -1;
  for (const cut of WORDS.longKeyCuts) {
    for (let i = key.indexOf(cut); i >= 0; i = key.indexOf(cut, i + 1)) {
      // 的, 并 and 向 are dropped with what precedes them; a verb stays as the key's head
      const from = cut === "的" || cut === "并" || cut === "向" ? i + cut.length : i;
      const rest = key.length - from;
      if (rest <= MAX_KEY_AFTER_CUT && rest >= 4 && (best < 0 || from < best)) best = from;
    }
  }
  return best >= 0 ? key.slice(best) : key.slice(-MAX_KEY);
}

function finishKey(key: string): string {
  return shorten(key.replace(/的$/, ""));
}

/** Carries the items of "A、B分别为10件、20件" over to the figures after the first. */
class RespectiveItems {
  private queue: string[] = [];
  start(items: string[]): string | undefined {
    this.queue = items.slice(1);
    return items[0];
  }
  /** the next item, when the figure has no words of its own before it */
  next(before: Before): string | undefined {
    if (before.phrase) this.queue = [];
    return this.queue.shift();
  }
}

/** Key phrases for a quantity: usually one; several when listed items share the value (A、B均达100%). */
function keyPhrases(text: string, before: Before, q: Quantity, respective: RespectiveItems): string[] {
  const pre = before.phrase;
  if (before.shared && pre) return splitItems(pre).map(finishKey);
  if (before.respective && pre) return [finishKey(respective.start(splitItems(pre))!)];
  const carried = respective.next(before);
  if (carried) return [finishKey(carried)];

  const after = phraseAfter(text, q.end);
  const afterIsPredicate = WORDS.predicateStarters.some((w) => after.startsWith(w));
  let key: string;
  if (after && before.pointsForward) key = after;
  else if (!pre) key = after || phraseAfterDe(text, q.end);
  else if (!after || afterIsPredicate) key = pre;
  else key = pre + after;
  key = finishKey(key);
  return key ? [key] : [];
}

// ---- the scan ----

/** A figure in a sentence that sets a target (力争…达到100%) is not a result. */
function isTarget(text: string, sentenceStart: number, numberStart: number): boolean {
  const lead = text.slice(Math.max(sentenceStart, numberStart - 60), numberStart);
  return WORDS.planMarkers.some((w) => lead.includes(w));
}

export function extractMetrics(doc: ReportText): RawMetric[] {
  const text = doc.text;
  const isQuoted = quoteChecker(text);
  const respective = new RespectiveItems();
  const metrics: RawMetric[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(NUMERAL)) {
    const start = m.index!;
    if (start < previousEnd || isQuoted(start)) continue;
    const q = readQuantity(text, start, m[0]);
    if (!q) continue;
    const mention = doc.mention(q.start, q.end);
    const sentenceStart = doc.sentences[mention.sentence]?.start ?? 0;
    if (isTarget(text, sentenceStart, q.start)) continue;
    const before = phraseBefore(text, Math.max(previousEnd, sentenceStart, q.start - LOOK_BACK), q.start);
    for (const name of keyPhrases(text, before, q, respective)) {
      if (WORDS.backgroundKeys.some((w) => name.includes(w))) continue;
      const base = toBase(q.value, q.unit);
      metrics.push({ name, value: q.value, unit: q.unit, ...base, kind: kindOfMetric(name, base.baseUnit), qualifier: q.qualifier, mention });
    }
    previousEnd = q.end;
  }
  return metrics;
}
