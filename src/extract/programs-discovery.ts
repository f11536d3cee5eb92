// Discovery of programme names that are not in the lexicon.
//
// Reports put the names of their campaigns, brands and mechanisms in quotes (开展“护苗”行动),
// but they also quote emphasis words (“零发生”, “风向标”), honours (“省级民主法治村”) and dates
// (“12·4”). A quotation is taken as a programme only when its shape or its neighbourhood says so:
//   - a word after it that names a programme (“…”行动, “…”制度, “…”提升行动);
//   - a programme word at its end (“…工作法”, “…通办”) or a service slogan (“掌上办”);
//   - an “at most once” slogan (“最多查一次”);
//   - a slogan of parallel phrases (“法助共富、法护平安”), a numbered pair (“一X一Y”, “三X一Y”),
//     a combination with + (“党建+信访”), or a brand with a middle dot (“…·…”);
//   - a place in a run of adjacent quotations where another one is a programme
//     (“跨省通办”“一网通办”“掌上办”等).
// Two bare shapes are recognised too: numbered hotlines (12345市民服务热线) and leaders' mailboxes.
import type { DiscoveryWords, ProgramLexicon, Skeleton } from "./programs-lexicon.js";
import { phraseKey } from "./programs-lexicon.js";

/** A quotation in the document: [start, end) is its content, without the quote marks. */
export interface Quotation {
  start: number;
  end: number;
  content: string;
}

const MAX_QUOTED = 30;
const QUOTATION = new RegExp(
  `“([^“”\\n]{1,${MAX_QUOTED}})”|「([^「」\\n]{1,${MAX_QUOTED}})」|『([^『』\\n]{1,${MAX_QUOTED}})』|"([^"\\n]{1,${MAX_QUOTED}})"`,
  "g",
);

export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  for (const m of text.matchAll(QUOTATION)) {
    const content = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    quotations.push({ start: m.index! + 1, end: m.index! + 1 + content.length, content });
  }
  return quotations;
}

// ---------------------------------------------------------------- shapes of a quotation

const HAN = "\\u4e00-\\u9fff";
const NUMERAL = "一二两三四五六七八九十百千万";
const SLOGAN_SEPARATOR = /[、,，]/;
const SLOGAN_PART = new RegExp(`^[${HAN}]{3,8}$`);
const PLUS_COMBINATION = new RegExp(`^[${HAN}0-9A-Za-z]{1,12}(?:\\+[${HAN}0-9A-Za-z]{1,12}){1,4}$`);
/** 一X一Y, 三X一Y, 一X两Y, 百X百Y: a numeral, a word, a second numeral inside, a word (not 十四五规划) */
const NUMBERED_PAIR = new RegExp(`^[${NUMERAL}双](?![${NUMERAL}])[${HAN}]{1,5}[${NUMERAL}多][${HAN}]{1,6}$`);
/** 最多跑一次, 最多查一次, 只跑一次: the “at most once” reform slogans of services and inspections */
const ONCE_SLOGAN = new RegExp(`^[${HAN}]{2,4}[跑查办]一次$`);
const DOT_BRAND = new RegExp(`^[${HAN}]{2,12}[·・•‧](?:[${HAN}]{2,12}|\\d{4})$`);
const DATE_LIKE = /^[\d.·・•‧\-/]+$/;
/** 八大工程, 三项规定, 四个一: a short count of local items rather than a programme's name (not 一个窗口管审批) */
const COUNTED_GROUP = new RegExp(`^[${NUMERAL}]{1,3}[大项个类条][${HAN}]{0,2}$`);
/** 八清单, 双示范, 一证即办: a numeral and a few words, the shape of a local mechanism (not 十四五) */
const NUMBERED_SHORT = new RegExp(`^[${NUMERAL}双](?![${NUMERAL}])[${HAN}]{2,3}$`);
const NOT_A_NAME = /[。;；:：!！?？《》]/;

function hanCount(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) count++;
  }
  return count;
}

function isParallelSlogan(content: string): boolean {
  const parts = content.split(SLOGAN_SEPARATOR);
  return parts.length >= 2 && parts.every((p) => SLOGAN_PART.test(p));
}

/** Honours, places, targets, styles, lists and doctrines: quotations that never name a programme. */
function isExcluded(content: string, words: DiscoveryWords): boolean {
  if (content.length < 3 || NOT_A_NAME.test(content) || DATE_LIKE.test(content)) return true;
  // a formula of digits (“1+1”, “3+X”) is a fragment of a name, never one
  if (hanCount(content) < 2) return true;
  // a list of short items (“快、准、稳”) rather than a slogan of parallel phrases
  if (SLOGAN_SEPARATOR.test(content) && !isParallelSlogan(content)) return true;
  if (COUNTED_GROUP.test(content) || words.rejectNames.includes(content)) return true;
  if (words.rejectPrefixes.some((p) => content.startsWith(p))) return true;
  return words.rejectEndings.some((e) => content.endsWith(e));
}

function hasProgramSuffix(content: string, words: DiscoveryWords): boolean {
  return words.contentSuffixes.some((s) => content.length >= s.length + 2 && content.endsWith(s));
}

/** The quotation's own shape makes it a programme name. */
function hasProgramShape(content: string, words: DiscoveryWords, mannerSlogan: RegExp): boolean {
  if (PLUS_COMBINATION.test(content)) return true;
  if (hanCount(content) < 2) return false;
  return (
    isParallelSlogan(content) ||
    NUMBERED_PAIR.test(content) ||
    NUMBERED_SHORT.test(content) ||
    DOT_BRAND.test(content) ||
    ONCE_SLOGAN.test(content) ||
    mannerSlogan.test(content) ||
    hasProgramSuffix(content, words)
  );
}

// ---------------------------------------------------------------- the words after a quotation

interface ContextRules {
  mannerSlogan: RegExp;
  headAfterModifier: RegExp;
  shortName: RegExp;
  /** a run verb, then at most a few characters of modifier (依托区域化党建“…”), ending right before the quote */
  runVerbBefore: RegExp;
}

// A modifier between the quotation and its head word is a few characters of one phrase
// (“…”提升行动), not a clause that runs on (“…”的处置机制, “…”竞赛等活动).
const MODIFIER = `(?:(?![的等和与及])[${HAN}]){0,4}?`;

const rulesCache = new WeakMap<DiscoveryWords, ContextRules>();

function contextRules(words: DiscoveryWords): ContextRules {
  let rules = rulesCache.get(words);
  if (!rules) {
    rules = {
      mannerSlogan: new RegExp(`^(?:${words.mannerPrefixes.join("|")})[${HAN}]?办$`),
      headAfterModifier: new RegExp(`^${MODIFIER}(?:${words.headsAfterModifier.join("|")})`),
      shortName: new RegExp(`^(?:${words.shortNameHeads.join("|")})`),
      runVerbBefore: new RegExp(`(?:${words.runVerbsBefore.join("|")})(?:(?![的等和与及])[${HAN}]){0,6}$`),
    };
    rulesCache.set(words, rules);
  }
  return rules;
}

const CONTEXT_WINDOW = 10;

function followedByProgramWord(text: string, q: Quotation, words: DiscoveryWords, rules: ContextRules): boolean {
  const after = text.slice(q.end + 1, q.end + 1 + CONTEXT_WINDOW);
  return words.headsRightAfter.some((h) => after.startsWith(h)) || rules.headAfterModifier.test(after);
}

function precededByProgramWord(text: string, q: Quotation, words: DiscoveryWords, rules: ContextRules): boolean {
  const before = text.slice(Math.max(0, q.start - 1 - CONTEXT_WINDOW), q.start - 1);
  return words.headsBefore.some((h) => before.endsWith(h)) || (RUN_NAME.test(q.content) && rules.runVerbBefore.test(before));
}

/** What a place runs under a name of its own: a few characters, one word (不是 a sentence). */
const RUN_NAME = new RegExp(`^[${HAN}]{3,8}$`);

const TWO_HAN = new RegExp(`^[${HAN}]{2}$`);

/** A two-character campaign name written “雷霆”专项行动: named with its head word (雷霆行动). */
function shortCampaignName(text: string, q: Quotation, rules: ContextRules): { name: string; end: number } | null {
  if (!TWO_HAN.test(q.content)) return null;
  const head = text.slice(q.end + 1, q.end + 1 + CONTEXT_WINDOW).match(rules.shortName)?.[0];
  if (!head) return null;
  return { name: q.content + (head.endsWith("行动") ? "行动" : head), end: q.end + 1 + head.length };
}

/** “…”问题, “…”现象: the quotation names a problem to fix, not a programme. */
function followedByProblemWord(text: string, q: Quotation, words: DiscoveryWords): boolean {
  const after = text.slice(q.end + 1, q.end + 1 + CONTEXT_WINDOW);
  return words.problemWords.some((w) => after.startsWith(w));
}

// ---------------------------------------------------------------- names

const YEAR_TAG = /[·・•‧]?\d{4}年?$/;
const TRAILING_ACTIVITY = /(?:专项行动|活动)$/;

/** The canonical name of a discovered programme: the quoted text without a year tag or 活动. */
export function discoveredName(content: string): string {
  let name = content.trim().replace(YEAR_TAG, "");
  const shorter = name.replace(TRAILING_ACTIVITY, "");
  if (hanCount(shorter) >= 3) name = shorter;
  return name;
}

/** Adjacent quotations (“甲”“乙”、“丙”) form one run: an enumeration of like things. */
function runsOfAdjacentQuotations(text: string, quotations: Quotation[]): Quotation[][] {
  const runs: Quotation[][] = [];
  for (const q of quotations) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const gap = prev ? text.slice(prev.end + 1, q.start - 1) : null;
    if (last && (gap === "" || gap === "、")) last.push(q);
    else runs.push([q]);
  }
  return runs;
}

/** What the quotation is: a lexicon form, a new programme, or nothing. */
type Verdict =
  | { kind: "known"; canonical?: string }
  | { kind: "new"; name: string; end: number }
  | { kind: "none"; listable: boolean };

const LISTABLE = new RegExp(`^[${HAN}]{3,10}$`);

/** A quotation that names a programme: [start, end) is its content (and the head of “净网”行动). */
export interface QuotedProgram {
  start: number;
  end: number;
  name: string;
  /** true when the name is the canonical name of a lexicon programme (a quoted-only form) */
  known: boolean;
}

/**
 * Classifies the quotations. `isCovered` tells whether a lexicon match already overlaps
 * [start, end): such a quotation is a known programme and is not discovered again.
 */
export function discoverQuotedPrograms(
  text: string,
  quotations: Quotation[],
  lexicon: ProgramLexicon,
  isCovered: (start: number, end: number) => boolean,
): QuotedProgram[] {
  const words = lexicon.discovery;
  const rules = contextRules(words);
  const verdictOf = (q: Quotation): Verdict => {
    const canonical = lexicon.quotedForms.get(phraseKey(q.content));
    if (canonical) return { kind: "known", canonical };
    if (isCovered(q.start, q.end)) return { kind: "known" };
    const short = shortCampaignName(text, q, rules);
    if (short) return { kind: "new", ...short };
    const content = q.content.trim();
    if (isExcluded(content, words) || followedByProblemWord(text, q, words)) return { kind: "none", listable: false };
    if (
      hasProgramShape(content, words, rules.mannerSlogan) ||
      followedByProgramWord(text, q, words, rules) ||
      precededByProgramWord(text, q, words, rules)
    ) {
      return { kind: "new", name: discoveredName(content), end: q.end };
    }
    return { kind: "none", listable: LISTABLE.test(content) };
  };

  const found: QuotedProgram[] = [];
  for (const run of runsOfAdjacentQuotations(text, quotations)) {
    const verdicts = run.map(verdictOf);
    const runHasProgramme = verdicts.some((v) => v.kind !== "none");
    verdicts.forEach((v, i) => {
      const q = run[i]!;
      if (v.kind === "new") found.push({ start: q.start, end: v.end, name: v.name, known: false });
      else if (v.kind === "known" && v.canonical) found.push({ start: q.start, end: q.end, name: v.canonical, known: true });
      else if (v.kind === "none" && v.listable && runHasProgramme) {
        found.push({ start: q.start, end: q.end, name: discoveredName(q.content), known: false });
      }
    });
  }
  return found;
}

// ---------------------------------------------------------------- bare shapes

/** A programme found by a bare shape: its canonical name, when the lexicon knows it. */
export interface ShapeMatch {
  start: number;
  end: number;
  name: string;
  known: boolean;
}

// 12345政务服务便民热线, 12345”热线: a 12xxx service number, a few words, then 热线 (or 平台/工单).
const HOTLINE = new RegExp(`(?<![0-9])(12\\d{3})[${HAN}]{0,10}?(?:热线|平台|工单)`, "g");
// 市长信箱, 区长信箱, 县委书记信箱
const MAILBOX = /(?:[省市县区州旗镇乡]长|[省市县区]委书记)信箱/g;

export function findShapedPrograms(skeleton: Skeleton, lexicon: ProgramLexicon): ShapeMatch[] {
  const found: ShapeMatch[] = [];
  const at = (m: RegExpMatchArray) => ({
    start: skeleton.offsets[m.index!]!,
    end: skeleton.offsets[m.index! + m[0].length - 1]! + 1,
  });
  const canonicalOf = new Map<string, string | undefined>();
  for (const m of skeleton.text.matchAll(HOTLINE)) {
    const hotline = `${m[1]}热线`;
    if (!canonicalOf.has(hotline)) canonicalOf.set(hotline, lexicon.phrases.get(phraseKey(hotline)));
    const canonical = canonicalOf.get(hotline);
    found.push({ ...at(m), name: canonical ?? hotline, known: canonical !== undefined });
  }
  for (const m of skeleton.text.matchAll(MAILBOX)) found.push({ ...at(m), name: m[0], known: false });
  return found;
}
