// The national division list (province → city → county → township → village), loaded once from
// generated/divisions.utf16.tsv (built by scripts/build-division-index.mjs), and a scan that finds every
// division name written in a text.
//
// Divisions are numbered by their line in the file; lines are sorted by code, and a code's prefixes
// are its ancestors' codes (33 → 3302 → 330212 → 330212011 → 330212011004).
import { readFileSync } from "node:fs";
import type { DivisionLevel, DivisionRef } from "./types.js";

/** How a key names its division. */
export type KeyKind = "full" | "weak" | "bare";

export interface NameCandidate {
  id: number;
  kind: KeyKind;
}

/** A run of text that is a key of the index, with every division the key can name. */
export interface NameHit {
  start: number;
  end: number;
  candidates: NameCandidate[];
}

interface IndexRules {
  variantCharacters: Record<string, string>;
}
const RULES: IndexRules = JSON.parse(readFileSync(new URL("../../data/places.json", import.meta.url), "utf8"));
const VARIANT_PATTERN = new RegExp(`[${Object.keys(RULES.variantCharacters).join("")}]`, "g");

/** 咀 → 嘴 ...: the one form the index keys are stored in (same length, so offsets hold). */
export function foldVariants(text: string): string {
  return text.replace(VARIANT_PATTERN, (ch) => RULES.variantCharacters[ch]!);
}

const BAR = 0x7c; // |
const WEAK_MARKER = 0x7e; // ~
const BARE_MARKER = 0x5e; // ^
const KIND_BY_BITS: KeyKind[] = ["full", "weak", "bare"];
const BITS_BY_KIND: Record<KeyKind, number> = { full: 0, weak: 1, bare: 2 };
const MAX_KEY_LENGTH = 31; // key lengths are kept as bits of a 32-bit mask
const PAIR_FILTER_BITS = 25;

const LEVEL_BY_CODE_LENGTH: Record<number, DivisionLevel> = {
  2: "PROVINCE",
  4: "CITY",
  6: "DISTRICT",
  9: "TOWNSHIP",
  12: "COMMUNITY",
};
const ANCESTOR_CODE_LENGTHS = [2, 4, 6, 9];

/** FNV-1a over UTF-16 units of s[start, end). */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A key's first two units and its length, as one slot of the filter. With the length in it, the
 * filter tells two-character names (西湖) from the first two characters of every longer name
 * (西湖村, 西湖街道): the common words of a text begin some village name, but are rarely a key of
 * their own length. */
function pairSlot(first: number, second: number, length: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ Math.imul(length, 0xc2b2ae35)) >>> (32 - PAIR_FILTER_BITS);
}

function countOf(s: string, unit: string): number {
  let n = 0;
  for (let i = s.indexOf(unit); i >= 0; i = s.indexOf(unit, i + 1)) n++;
  return n;
}

/**
 * The division list as one string plus typed-array tables, so that loading it makes no object per
 * division: an open-addressing hash table over the keys points back into the file text, and a
 * lookup compares text ranges without slicing.
 */
export class DivisionIndex {
  private readonly tsv: string;
  /** per division: where its line starts, and where its code and name end */
  private readonly lineStart: Int32Array;
  private readonly codeEnd: Int32Array;
  private readonly nameEnd: Int32Array;
  /** per key: where it is in the file, its length and (division id * 4 + kind bits) */
  private readonly keyStart: Int32Array;
  private readonly keyLength: Uint8Array;
  private readonly keyValue: Int32Array;
  private keyCount = 0;
  /** hash slots holding key number + 1 (0 = empty), and beside them the key's hash: a probe
   * compares hashes in one run of memory and reads a key only when its hash matches */
  private readonly table: Int32Array;
  private readonly slotHash: Uint32Array;
  private readonly tableMask: number;
  /** for each UTF-16 unit, a bit per length of the keys that end with it, and of those that start with it */
  private readonly lengthsByLastUnit = new Uint32Array(65536);
  private readonly lengthsByFirstUnit = new Uint32Array(65536);
  /** a bit set over the first two units of every key: a cheap filter before hashing */
  private readonly pairFilter = new Uint32Array(1 << (PAIR_FILTER_BITS - 5));
  readonly size: number;

  constructor(tsv: string) {
    this.tsv = tsv;
    const lines = countOf(tsv, "\n") + 2;
    const keys = lines + countOf(tsv, "|");
    this.lineStart = new Int32Array(lines);
    this.codeEnd = new Int32Array(lines);
    this.nameEnd = new Int32Array(lines);
    this.keyStart = new Int32Array(keys);
    this.keyLength = new Uint8Array(keys);
    this.keyValue = new Int32Array(keys);
    let slots = 1;
    while (slots < keys * 1.5) slots *= 2; // at most two thirds full: probes compare hashes side by side
    this.table = new Int32Array(slots);
    this.slotHash = new Uint32Array(slots);
    this.tableMask = slots - 1;
    this.size = this.readLines();
  }

  /** Reads code TAB name TAB key|key|… per line; native indexOf finds the line and field ends. */
  private readLines(): number {
    const tsv = this.tsv;
    let id = 0;
    for (let start = 0; start < tsv.length; ) {
      let end = tsv.indexOf("\n", start);
      if (end < 0) end = tsv.length;
      const codeEnd = tsv.indexOf("\t", start);
      const nameEnd = codeEnd < 0 ? -1 : tsv.indexOf("\t", codeEnd + 1);
      if (nameEnd > 0 && nameEnd < end) {
        this.lineStart[id] = start;
        this.codeEnd[id] = codeEnd;
        this.nameEnd[id] = nameEnd;
        this.readKeys(id, nameEnd + 1, end);
        id++;
      }
      start = end + 1;
    }
    return id;
  }

  private readKeys(id: number, from: number, end: number): void {
    let keyFrom = from;
    for (let i = from; i < end; i++) {
      if (this.tsv.charCodeAt(i) !== BAR) continue;
      this.addKey(id, keyFrom, i);
      keyFrom = i + 1;
    }
    this.addKey(id, keyFrom, end);
  }

  private addKey(id: number, start: number, end: number): void {
    const marker = this.tsv.charCodeAt(start);
    const kind: KeyKind = marker === WEAK_MARKER ? "weak" : marker === BARE_MARKER ? "bare" : "full";
    if (kind !== "full") start++;
    const length = end - start;
    if (length < 2 || length > MAX_KEY_LENGTH) return;
    const k = this.keyCount++;
    const hash = hashRange(this.tsv, start, end);
    this.keyStart[k] = start;
    this.keyLength[k] = length;
    this.keyValue[k] = id * 4 + BITS_BY_KIND[kind];
    let slot = hash & this.tableMask;
    while (this.table[slot] !== 0) slot = (slot + 1) & this.tableMask;
    this.table[slot] = k + 1;
    this.slotHash[slot] = hash;
    this.lengthsByLastUnit[this.tsv.charCodeAt(end - 1)]! |= 1 << length;
    this.lengthsByFirstUnit[this.tsv.charCodeAt(start)]! |= 1 << length;
    const pair = pairSlot(this.tsv.charCodeAt(start), this.tsv.charCodeAt(start + 1), length);
    this.pairFilter[pair >>> 5]! |= 1 << (pair & 31);
  }

  private sameText(k: number, text: string, start: number, length: number): boolean {
    const at = this.keyStart[k]!;
    for (let i = 0; i < length; i++) {
      if (this.tsv.charCodeAt(at + i) !== text.charCodeAt(start + i)) return false;
    }
    return true;
  }

  /** Every division that text[start, end) names, in code order (the text folded by foldVariants). */
  lookupRange(text: string, start: number, end: number): NameCandidate[] {
    const length = end - start;
    const found: NameCandidate[] = [];
    if (length < 2 || length > MAX_KEY_LENGTH) return found;
    const hash = hashRange(text, start, end);
    for (let slot = hash & this.tableMask; this.table[slot] !== 0; slot = (slot + 1) & this.tableMask) {
      if (this.slotHash[slot] !== hash) continue;
      const k = this.table[slot]! - 1;
      if (this.keyLength[k] !== length || !this.sameText(k, text, start, length)) continue;
      const value = this.keyValue[k]!;
      found.push({ id: value >>> 2, kind: KIND_BY_BITS[value & 3]! });
    }
    return found.sort((a, b) => a.id - b.id);
  }

  /** Every division the key names (as written in a text), in code order. */
  lookup(key: string): NameCandidate[] {
    const folded = foldVariants(key);
    return this.lookupRange(folded, 0, folded.length);
  }

  /**
   * Every run of `text` that is a key, at every end position (overlapping runs included).
   * Linear: at each position only the key lengths that end with that unit are tried; of those,
   * only the ones whose start unit also begins a key of that length (two small tables that stay in
   * cache), and of those only the ones the pair filter lets through reach the hash table.
   */
  scan(original: string): NameHit[] {
    const text = foldVariants(original);
    const hits: NameHit[] = [];
    for (let end = 2; end <= text.length; end++) {
      // the key lengths that end with this unit and fit before `end`, longest first
      let lengths = this.lengthsByLastUnit[text.charCodeAt(end - 1)]!;
      if (end < MAX_KEY_LENGTH) lengths &= (2 << end) - 1;
      while (lengths !== 0) {
        const length = 31 - Math.clz32(lengths);
        lengths ^= 1 << length;
        const start = end - length;
        if ((this.lengthsByFirstUnit[text.charCodeAt(start)]! & (1 << length)) === 0) continue;
        const pair = pairSlot(text.charCodeAt(start), text.charCodeAt(start + 1), length);
        if ((this.pairFilter[pair >>> 5]! & (1 << (pair & 31))) === 0) continue;
        const candidates = this.lookupRange(text, start, end);
        if (candidates.length > 0) hits.push({ start, end, candidates });
      }
    }
    return hits;
  }

  code(id: number): string {
    return this.tsv.slice(this.lineStart[id]!, this.codeEnd[id]!);
  }

  name(id: number): string {
    return this.tsv.slice(this.codeEnd[id]! + 1, this.nameEnd[id]!);
  }

  idOfCode(code: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.code(mid);
      if (c === code) return mid;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  level(id: number): DivisionLevel {
    return LEVEL_BY_CODE_LENGTH[this.codeEnd[id]! - this.lineStart[id]!]!;
  }

  ref(id: number): DivisionRef {
    return { code: this.code(id), name: this.name(id), level: this.level(id) };
  }

  /** The divisions above `id`, from the province down to the parent (list bookkeeping rows such as 市辖区 are not divisions). */
  ancestors(id: number): DivisionRef[] {
    const code = this.code(id);
    const refs: DivisionRef[] = [];
    for (const length of ANCESTOR_CODE_LENGTHS) {
      if (length >= code.length) break;
      const ancestor = this.idOfCode(code.slice(0, length));
      if (ancestor >= 0) refs.push(this.ref(ancestor));
    }
    return refs;
  }
}

/** True when `code` lies strictly below `ancestorCode`. */
export function isBelow(code: string, ancestorCode: string): boolean {
  return code.length > ancestorCode.length && code.startsWith(ancestorCode);
}

/** How many levels separate a division from one of its ancestors (1 = parent). */
export function levelsBetween(code: string, ancestorCode: string): number {
  const depth = (c: string) => [2, 4, 6, 9, 12].indexOf(c.length);
  return depth(code) - depth(ancestorCode);
}

// UTF-16LE: decoding it is a copy, ten times faster than UTF-8 for this much CJK text.
const INDEX_FILE = new URL("../../generated/divisions.utf16.tsv", import.meta.url);

let loaded: DivisionIndex | null = null;

/** The division index, read from generated/divisions.tsv on first use. */
export function divisionIndex(): DivisionIndex {
  if (!loaded) {
    let tsv: string;
    try {
      tsv = readFileSync(INDEX_FILE).toString("utf16le");
    } catch {
      throw new Error(`division index missing: run "node scripts/build-division-index.mjs" (expected ${INDEX_FILE.pathname})`);
    }
    loaded = new DivisionIndex(tsv);
  }
  return loaded;
}
