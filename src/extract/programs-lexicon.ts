// The programme lexicon (data/programs.json) and the phrase matching shared by lexicon names
// and discovered names.
//
// Programme names are often written with quotes or enumeration commas inside them
// (行政执法“三项制度”, “八五”普法, 谁主管、谁普法), so phrases are matched on a skeleton of the
// text: the same characters without quotes, spaces and 、, each remembering its offset in the
// document. A character trie is scanned over the skeleton, leftmost-longest, in one pass.
import { readFileSync } from "node:fs";

export interface ProgramInfo {
  /** canonical name */
  name: string;
  category: string;
  /** other known names, as listed in the lexicon */
  aliases: string[];
}

/** Word lists that drive the discovery of quoted programme names (see programs-discovery.ts). */
export interface DiscoveryWords {
  /** a quotation ending in one of these is a programme name (…工作法, …通办) */
  contentSuffixes: string[];
  /** a quotation followed at once by one of these (“…”制度) */
  headsRightAfter: string[];
  /** a quotation followed, after at most a few characters, by one of these (“…”提升行动) */
  headsAfterModifier: string[];
  /** manner words of a service slogan of the shape X办 (掌上办, 就近办) */
  mannerPrefixes: string[];
  /** quotations starting or ending so are honours, places or targets, not programmes */
  rejectPrefixes: string[];
  rejectEndings: string[];
  /** numbered doctrines and organ lists that have a programme's shape (五位一体, 一府两院) */
  rejectNames: string[];
  /** a quotation right after one of these names the programme (调解品牌“…”) */
  headsBefore: string[];
  /** a two-character quotation is a campaign name only right before one of these (“净网”行动) */
  shortNameHeads: string[];
  /** a quotation followed by one of these names a problem (“…”问题) */
  problemWords: string[];
  /** verbs that say the place runs what it quotes (依托“…”, 推出“…”), a short modifier allowed between */
  runVerbsBefore: string[];
}

export interface ProgramLexicon {
  /** canonical name → programme */
  programs: Map<string, ProgramInfo>;
  /** phrase key → canonical name */
  phrases: PhraseTrie<string>;
  /** phrase key → canonical name, for forms that count only as a whole quotation (“八五”) */
  quotedForms: Map<string, string>;
  discovery: DiscoveryWords;
}

// ---------------------------------------------------------------- skeleton

const SKIPPED_CHARS = " \t\r\n\u3000\u00a0“”\"‘’「」『』、";
const SKIPPED = new Uint8Array(0x10000);
for (const ch of SKIPPED_CHARS) SKIPPED[ch.charCodeAt(0)] = 1;

/** The text without quotes, spaces and 、; offsets[i] is the document offset of text[i]. */
export interface Skeleton {
  text: string;
  offsets: Int32Array;
}

// ignoreBOM keeps a leading U+FEFF, so the skeleton stays aligned with its offsets
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

export function buildSkeleton(text: string): Skeleton {
  const units = new Uint16Array(text.length);
  const offsets = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (SKIPPED[code]) continue;
    units[n] = code;
    offsets[n++] = i;
  }
  return { text: UTF16.decode(units.subarray(0, n)), offsets: offsets.subarray(0, n) };
}

/** The form under which a name is looked up: NFKC, without the characters the skeleton drops. */
export function phraseKey(name: string): string {
  let key = "";
  for (const ch of name.normalize("NFKC")) if (!SKIPPED[ch.charCodeAt(0)]) key += ch;
  return key;
}

// ---------------------------------------------------------------- trie

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  value?: T;
}

/** Digits and Latin letters: a key must not start or end inside a run of them (12345 in 123456). */
function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWordEdge(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !isAsciiWordChar(text.charCodeAt(at));
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  /** first code units of the keys: most text positions are rejected with one array read */
  private readonly starts = new Uint8Array(0x10000);

  /** Adds a key; returns the value already stored under it, if any (the old value is kept). */
  add(key: string, value: T): T | undefined {
    if (key === "") return undefined;
    this.starts[key.charCodeAt(0)] = 1;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.value !== undefined) return node.value;
    node.value = value;
    return undefined;
  }

  get(key: string): T | undefined {
    let node: TrieNode<T> | undefined = this.root;
    for (let i = 0; i < key.length && node; i++) node = node.next.get(key.charCodeAt(i));
    return node?.value;
  }

  /** The longest key that starts at `at` in `text` (respecting ASCII word edges), or null. */
  longestAt(text: string, at: number): { end: number; value: T } | null {
    const first = text.charCodeAt(at);
    if (!this.starts[first]) return null;
    if (isAsciiWordChar(first) && !isWordEdge(text, at - 1)) return null;
    let node: TrieNode<T> | undefined = this.root;
    let best: { end: number; value: T } | null = null;
    for (let i = at; i < text.length; i++) {
      const code = text.charCodeAt(i);
      node = node.next.get(code);
      if (!node) break;
      if (node.value === undefined) continue;
      if (isAsciiWordChar(code) && !isWordEdge(text, i + 1)) continue;
      best = { end: i + 1, value: node.value };
    }
    return best;
  }
}

/** A phrase found in the document: [start, end) are document offsets. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

/** Leftmost-longest, non-overlapping matches of the trie's keys over the skeleton. */
export function scanPhrases<T>(skeleton: Skeleton, trie: PhraseTrie<T>): PhraseMatch<T>[] {
  const matches: PhraseMatch<T>[] = [];
  const text = skeleton.text;
  let at = 0;
  while (at < text.length) {
    const found = trie.longestAt(text, at);
    if (!found) {
      at++;
      continue;
    }
    matches.push({ start: skeleton.offsets[at]!, end: skeleton.offsets[found.end - 1]! + 1, value: found.value });
    at = found.end;
  }
  return matches;
}

// ---------------------------------------------------------------- lexicon file

interface LexiconEntry {
  name: string;
  category: string;
  aliases?: string[];
  quoted?: string[];
  /** false: the name alone is ambiguous and counts only as a whole quotation */
  bare?: boolean;
}

interface LexiconFile {
  autoSuffixes: string[];
  discovery: DiscoveryWords;
  programs: LexiconEntry[];
}

export function buildLexicon(data: LexiconFile): ProgramLexicon {
  const programs = new Map<string, ProgramInfo>();
  const phrases = new PhraseTrie<string>();
  const quotedForms = new Map<string, string>();
  const addPhrase = (form: string, name: string) => {
    const taken = phrases.add(phraseKey(form), name);
    if (taken !== undefined && taken !== name) throw new Error(`programs.json: "${form}" names both ${taken} and ${name}`);
  };
  const bareForms: [string, string][] = [];
  for (const entry of data.programs) {
    const aliases = entry.aliases ?? [];
    programs.set(entry.name, { name: entry.name, category: entry.category, aliases });
    const forms = entry.bare === false ? aliases : [entry.name, ...aliases];
    for (const form of forms) {
      addPhrase(form, entry.name);
      bareForms.push([form, entry.name]);
    }
    const quoted = [...(entry.quoted ?? []), ...(entry.bare === false ? [entry.name] : [])];
    for (const form of quoted) quotedForms.set(phraseKey(form), entry.name);
  }
  // Suffixed forms (扫黑除恶专项斗争) only lengthen a match; a listed name always wins over them.
  for (const [form, name] of bareForms) {
    for (const suffix of data.autoSuffixes) phrases.add(phraseKey(form + suffix), name);
  }
  return { programs, phrases, quotedForms, discovery: data.discovery };
}

function loadLexicon(): ProgramLexicon {
  const file = new URL("../../data/programs.json", import.meta.url);
  return buildLexicon(JSON.parse(readFileSync(file, "utf8")) as LexiconFile);
}

export const PROGRAM_LEXICON: ProgramLexicon = loadLexicon();
