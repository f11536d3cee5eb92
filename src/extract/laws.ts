// Laws, regulations and official documents: 《…》 titles and well-known names written bare.
//
// Four sources, all feeding one list of hits that are then grouped by a canonical key:
//   1. 《…》 titles (nested 《<…>》 / 《〈…〉》 titles also yield the inner title);
//   2. national laws from data/laws.json written without brackets (学习民法典, 宪法宣传);
//   3. items of an enumeration that ends in 等法律法规 (宣传国防法、兵役法等法律法规);
//   4. a bare 条例 name right after a frame word (关于物业管理条例修订的意见).
import { readFileSync } from "node:fs";
import type { Entity } from "./types.js";
import type { ReportText } from "./text.js";

interface LexiconEntry {
  name: string;
  aliases?: string[];
}

/** One place in the text where a law is named. */
interface LawHit {
  /** the name as written, without 《》 */
  written: string;
  start: number;
  end: number;
  /** canonical name when known from the lexicon */
  lexiconName?: string;
}

const PRC = "中华人民共和国";
const MAX_TITLE = 120;
/** Titles quote titles at most two levels deep; deeper means stray brackets. */
const MAX_NESTING = 3;
const CJK = /[\u4e00-\u9fff]/;

// ---------------------------------------------------------------- lexicon

interface LexiconIndex {
  /** surface form → canonical name */
  forms: Map<string, string>;
  /** first character → surface forms starting with it, longest first */
  byFirstChar: Map<string, string[]>;
  aliasesOf: Map<string, string[]>;
}

function loadLexicon(): LexiconIndex {
  const file = new URL("../../data/laws.json", import.meta.url);
  const entries = (JSON.parse(readFileSync(file, "utf8")) as { laws: LexiconEntry[] }).laws;
  const forms = new Map<string, string>();
  const aliasesOf = new Map<string, string[]>();
  for (const entry of entries) {
    const surfaces = [entry.name, ...(entry.aliases ?? [])];
    if (/法典?$/.test(entry.name)) surfaces.push(PRC + entry.name);
    for (const s of surfaces) forms.set(s, entry.name);
    aliasesOf.set(entry.name, surfaces.slice(1));
  }
  const byFirstChar = new Map<string, string[]>();
  for (const form of forms.keys()) {
    const list = byFirstChar.get(form[0]!) ?? [];
    list.push(form);
    byFirstChar.set(form[0]!, list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length);
  return { forms, byFirstChar, aliasesOf };
}

const LEXICON = loadLexicon();

// ---------------------------------------------------------------- 《…》 titles

const OPENERS: Record<string, string> = { "《": "》", "〈": "〉", "<": ">" };

/**
 * Reads the bracketed title opening at `open` (a 《) and returns its hits: the whole title and
 * every title nested in it. Returns the offset after the closing bracket, or -1 when the title
 * is not closed on the same line within MAX_TITLE characters.
 */
function readTitle(text: string, open: number, hits: LawHit[]): number {
  const stack: { close: string; start: number }[] = [{ close: "》", start: open + 1 }];
  const limit = Math.min(text.length, open + MAX_TITLE);
  const found: LawHit[] = [];
  for (let i = open + 1; i < limit; i++) {
    const ch = text[i]!;
    if (ch === "\n") return -1;
    const top = stack[stack.length - 1]!;
    if (ch === top.close) {
      stack.pop();
      found.push({ written: text.slice(top.start, i), start: top.start, end: i });
      if (stack.length === 0) {
        hits.push(...found);
        return i + 1;
      }
    } else if (OPENERS[ch]) {
      if (stack.length >= MAX_NESTING) return -1;
      stack.push({ close: OPENERS[ch]!, start: i + 1 });
    }
  }
  return -1;
}

function bracketTitles(text: string): LawHit[] {
  const hits: LawHit[] = [];
  let at = text.indexOf("《");
  while (at >= 0) {
    const after = readTitle(text, at, hits);
    at = text.indexOf("《", after > at ? after : at + 1);
  }
  return hits;
}

// Bracketed names that are media, certificates or forms rather than documents.
const NOT_A_DOCUMENT =
  /(?:日报|晚报|[^通公汇情简]报|杂志|周刊|月刊|期刊|电视台|电台|栏目|频道|节目|证书|资格证|执法证|监督证|许可证|执照|记录|记录表|登记表)$/;

// A title followed by one of these words is a programme or a medium (《今日说法》栏目).
const MEDIA_AFTER = /^》(?:栏目|节目|专栏|频道|杂志|报道|刊发|刊登|刊载|播出|公众号|视频号|客户端)/;

// 《条例》, 《意见》: a short reference back to a title named earlier, not a name of its own.
const SHORTHAND_TITLE = /^(?:实施|暂行)?(?:条例|办法|意见|规划|纲要|决定|规定|方案|通知|细则|清单|决议|计划|要点|指引|标准|法)$/;

function isDocumentTitle(text: string, hit: LawHit): boolean {
  const name = hit.written.trim();
  if (name.length < 2 || !CJK.test(name) || SHORTHAND_TITLE.test(name)) return false;
  if (MEDIA_AFTER.test(text.slice(hit.end, hit.end + 4))) return false;
  if (/[。!?]/.test(name)) return false;
  return !NOT_A_DOCUMENT.test(name);
}

// ---------------------------------------------------------------- bare lexicon names

/** A law name ending in 法 must not run on into a longer word (安全生产法律法规, 宪法学). */
const RUNS_ON_AFTER_FA = /[律规治制人院官庭学理务典定]/;

function runsOn(text: string, end: number, form: string): boolean {
  const next = text[end] ?? "";
  if (form.endsWith("法") && RUNS_ON_AFTER_FA.test(next)) return true;
  // 国家宪法日 is a day, not the constitution.
  if (form === "宪法" && next === "日") return true;
  return false;
}

function lexiconAt(text: string, at: number): string | null {
  const candidates = LEXICON.byFirstChar.get(text[at]!);
  if (!candidates) return null;
  for (const form of candidates) {
    if (text.startsWith(form, at) && !runsOn(text, at + form.length, form)) return form;
  }
  return null;
}

/** Parenthesised period right after a name: (2021-2025年). */
const PERIOD_SUFFIX = /^\(\d{4}\s{0,2}[-—–~～至]\s{0,2}\d{4}年?\)/;

function bareLexiconNames(text: string, covered: Covered): LawHit[] {
  const hits: LawHit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!LEXICON.byFirstChar.has(text[i]!) || covered.has(i)) continue;
    const form = lexiconAt(text, i);
    if (!form) continue;
    let end = i + form.length;
    const period = PERIOD_SUFFIX.exec(text.slice(end, end + 16));
    if (period) end += period[0].length;
    hits.push({ written: text.slice(i, end), start: i, end, lexiconName: LEXICON.forms.get(form)! });
    i = end - 1;
  }
  return hits;
}

// ---------------------------------------------------------------- bare names by frame

// Words that end in 法 but name no law (方法, 执法, 普法 ...).
const NOT_A_LAW_ENDING =
  /(?:方法|办法|做法|执法|司法|普法|立法|守法|用法|学法|依法|违法|合法|说法|看法|想法|手法|书法|算法|写法|章法|宪法|法律法)$/;
// Determiners that make a name generic (相关条例, 该条例).
const GENERIC_START = /^(?:相关|有关|各项|各类|各|该|本|此|上述|这|新|上级|党内|法律|有效|现行)/;

/**
 * Enumerations closed by 等…法律/法规: every item that ends in 法 or 条例 is a law name.
 * The first item has no left delimiter, so it is cut after the last frame word before it.
 */
function enumeratedLaws(text: string, covered: Covered): LawHit[] {
  const hits: LawHit[] = [];
  for (const m of text.matchAll(/等[\u4e00-\u9fff]{0,6}?(?:法律|法规)/g)) {
    const end = m.index!;
    let start = end;
    while (start > 0 && end - start < 160 && (CJK.test(text[start - 1]!) || text[start - 1] === "、")) start--;
    const items = text.slice(start, end).split("、");
    if (items.length < 2) continue;
    let offset = start;
    items.forEach((item, k) => {
      for (const part of splitJoinedLaws(k === 0 ? afterLastFrameWord(item) : item)) {
        const partStart = offset + item.length - part.tailOffset;
        if (looksLikeBareLaw(part.name) && !covered.has(partStart)) {
          hits.push({ written: part.name, start: partStart, end: partStart + part.name.length });
        }
      }
      offset += item.length + 1;
    });
  }
  return hits;
}

/**
 * 矿产资源法和森林法 is two laws; 军人地位和权益保障法 is one (its first part names no law).
 * tailOffset: how far from the end of the item each name starts.
 */
function splitJoinedLaws(item: string): { name: string; tailOffset: number }[] {
  const parts = item.split(/以及|和|及|与/);
  const whole = [{ name: item, tailOffset: item.length }];
  if (parts.length < 2 || !parts.every(looksLikeBareLaw)) return whole;
  const out: { name: string; tailOffset: number }[] = [];
  let from = 0;
  for (const name of parts) {
    const at = item.indexOf(name, from);
    out.push({ name, tailOffset: item.length - at });
    from = at + name.length;
  }
  return out;
}

const FRAME_WORD =
  /(?:关于|对|就|将|和|及|与|以及|学习|宣传|宣讲|解读|普及|贯彻|执行|落实|实施|修订|修改|制定|起草|审议|根据|依据|按照|依照|遵守|围绕|开展|重点|的)/g;

/** The tail of `s` after its last frame word (the whole of `s` when it has none). */
function afterLastFrameWord(s: string): string {
  let cut = 0;
  for (const m of s.matchAll(FRAME_WORD)) cut = m.index! + m[0].length;
  return s.slice(cut);
}

function looksLikeBareLaw(name: string): boolean {
  if (name.length < 3 || name.length > 20) return false;
  if (!/(?:法|法典|条例)$/.test(name)) return false;
  return !NOT_A_LAW_ENDING.test(name) && !GENERIC_START.test(name);
}

/** 关于物业管理条例修订: a 条例 name right after a frame word. */
function framedRegulations(text: string, covered: Covered): LawHit[] {
  const hits: LawHit[] = [];
  let previousEnd = 0;
  for (let at = text.indexOf("条例"); at >= 0; at = text.indexOf("条例", at + 2)) {
    const end = at + 2;
    const floor = previousEnd; // a name never runs back over an earlier 条例
    previousEnd = end;
    if (covered.has(at)) continue;
    let start = at;
    while (start > floor && at - start < 16 && CJK.test(text[start - 1]!)) start--;
    const run = text.slice(start, end);
    const name = afterLastFrameWord(run);
    if (name === run || !looksLikeBareLaw(name)) continue; // no frame word: start unknown
    hits.push({ written: name, start: end - name.length, end });
  }
  return hits;
}

// ---------------------------------------------------------------- grouping

/** Offsets already claimed by an earlier, more reliable source. */
class Covered {
  private readonly spans: [number, number][] = [];
  add(hits: LawHit[]): void {
    for (const h of hits) this.spans.push([h.start, h.end]);
    this.spans.sort((a, b) => a[0] - b[0]);
  }
  has(offset: number): boolean {
    // binary search for the last span starting at or before offset
    let lo = 0;
    let hi = this.spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]![0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // spans may nest (outer title and inner title): look back over a few starts
    for (let k = found; k >= 0 && k > found - 8; k--) if (offset < this.spans[k]![1]) return true;
    return false;
  }
}

// Revision notes that are not part of a title: 《…条例(修订)》, 《…办法(征求意见稿)》.
const REVISION_NOTE = /\((?:修订|修正|修订稿|草案|征求意见稿|送审稿)\)$/;

/** Display name: as written, without spaces, a revision note and the 中华人民共和国 prefix. */
function canonicalName(written: string): string {
  const name = written.replace(/\s+/g, "").replace(REVISION_NOTE, "");
  return name.startsWith(PRC) && name.length > PRC.length + 1 ? name.slice(PRC.length) : name;
}

/** Identity: the name without brackets, quotes and a trailing period in parentheses. */
export function lawKey(name: string): string {
  return canonicalName(name)
    .replace(/[《》〈〉<>“”"']/g, "")
    .replace(/\(\d{4}[-—–~～至]\d{4}年?\)$/, "");
}

function groupHits(doc: ReportText, hits: LawHit[]): Entity[] {
  const groups = new Map<string, { entity: Entity; names: Set<string> }>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const name = hit.lexiconName ?? canonicalName(hit.written);
    const key = lawKey(name);
    let group = groups.get(key);
    if (!group) group = newGroup(key, name, groups);
    group.names.add(name);
    group.names.add(hit.written.replace(/\s+/g, ""));
    group.entity.mentions.push(doc.mention(hit.start, hit.end));
  }
  return [...groups.values()].map(({ entity, names }) => ({
    ...entity,
    aliases: [...names].filter((n) => n !== entity.name).sort(),
  }));
}

/** A new group, named after the lexicon when the law is a known one (with its known aliases). */
function newGroup(key: string, name: string, groups: Map<string, { entity: Entity; names: Set<string> }>) {
  const known = LEXICON.forms.get(key) ?? LEXICON.forms.get(name);
  const entity: Entity = { type: "Law", name: known ?? name, key, aliases: [], mentions: [] };
  const group = { entity, names: new Set([entity.name, ...(known ? LEXICON.aliasesOf.get(known) ?? [] : [])]) };
  groups.set(key, group);
  return group;
}

export function extractLaws(doc: ReportText): Entity[] {
  const text = doc.text;
  const covered = new Covered();
  const allTitles = bracketTitles(text);
  covered.add(allTitles); // names inside a newspaper title are not bare law names either
  const titles = allTitles.filter((h) => isDocumentTitle(text, h));
  const lexicon = bareLexiconNames(text, covered);
  covered.add(lexicon);
  const listed = enumeratedLaws(text, covered);
  covered.add(listed);
  const framed = framedRegulations(text, covered);
  return groupHits(doc, [...titles, ...lexicon, ...listed, ...framed]);
}
