// Programmes, campaigns and mechanisms: a curated lexicon plus discovery of quoted names.
//
// Sources, all turned into hits (a span and a canonical name) and then grouped per programme:
//   1. lexicon names and aliases (data/programs.json), matched leftmost-longest over the text
//      with quotes and 、 ignored, so 行政执法“三项制度” and 谁主管、谁普法 are found;
//   2. bare shapes: numbered hotlines and leaders' mailboxes;
//   3. quotations that look like programme names (programs-discovery.ts), and then every
//      other place where such a discovered name is written.
import type { Entity, Mention } from "./types.js";
import type { ReportText } from "./text.js";
import { PROGRAM_LEXICON, PhraseTrie, buildSkeleton, phraseKey, scanPhrases } from "./programs-lexicon.js";
import type { ProgramLexicon, Skeleton } from "./programs-lexicon.js";
import { discoverQuotedPrograms, findQuotations, findShapedPrograms } from "./programs-discovery.js";

const DISCOVERED = "discovered";

interface Hit {
  start: number;
  end: number;
  name: string;
  /** lexicon category, or "discovered" */
  category: string;
}

export function extractPrograms(doc: ReportText): Entity[] {
  const lexicon = PROGRAM_LEXICON;
  const skeleton = buildSkeleton(doc.text);
  const known = knownHits(skeleton, lexicon);
  const quoted = discoverQuotedPrograms(doc.text, findQuotations(doc.text), lexicon, overlapTest(known)).map((q) => ({
    start: q.start,
    end: q.end,
    name: q.name,
    category: q.known ? categoryOf(q.name, lexicon) : DISCOVERED,
  }));
  const newNames = [...new Set(quoted.filter((q) => q.category === DISCOVERED).map((q) => q.name))];
  const elsewhere = hitsOfNames(skeleton, newNames);
  const inTitle = bookTitleTest(doc.text);
  const hits = keepNonOverlapping([...known, ...quoted, ...elsewhere]).filter((h) => !inTitle(h.start, h.end));
  return toEntities(doc, hits, lexicon);
}

function categoryOf(name: string, lexicon: ProgramLexicon): string {
  return lexicon.programs.get(name)?.category ?? DISCOVERED;
}

/** Lexicon phrases and bare shapes, in document order. */
function knownHits(skeleton: Skeleton, lexicon: ProgramLexicon): Hit[] {
  const phrases = scanPhrases(skeleton, lexicon.phrases).map((m) => ({
    start: m.start,
    end: m.end,
    name: m.value,
    category: categoryOf(m.value, lexicon),
  }));
  const shapes = findShapedPrograms(skeleton, lexicon).map((s) => ({
    start: s.start,
    end: s.end,
    name: s.name,
    category: s.known ? categoryOf(s.name, lexicon) : DISCOVERED,
  }));
  return [...phrases, ...shapes].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A test "does any hit overlap [start, end)?" over hits sorted by start. */
function overlapTest(sorted: Hit[]): (start: number, end: number) => boolean {
  // Running maximum of the ends lets a binary search answer in O(log n).
  const maxEnd: number[] = [];
  for (const h of sorted) maxEnd.push(Math.max(h.end, maxEnd[maxEnd.length - 1] ?? 0));
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length; // first hit that starts at or after `end`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };
}

/** Every place where one of the discovered names is written. */
function hitsOfNames(skeleton: Skeleton, names: string[]): Hit[] {
  if (names.length === 0) return [];
  const trie = new PhraseTrie<string>();
  for (const name of names) trie.add(phraseKey(name), name);
  return scanPhrases(skeleton, trie).map((m) => ({ start: m.start, end: m.end, name: m.value, category: DISCOVERED }));
}

/** Earliest first, the longer of two that start together; a hit overlapping a kept one is dropped. */
function keepNonOverlapping(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let reached = -1;
  for (const h of sorted) {
    if (h.start < reached) continue;
    kept.push(h);
    reached = h.end;
  }
  return kept;
}

/**
 * A test "does [start, end) lie inside a document's title (《…》)?": a programme's name inside
 * 《公平竞争审查条例》 names the document, not a programme the place runs.
 */
function bookTitleTest(text: string): (start: number, end: number) => boolean {
  const titles: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/《[^《》\n]{1,80}》/g)) titles.push({ start: m.index!, end: m.index! + m[0].length });
  return (start, end) => {
    let lo = 0;
    let hi = titles.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (titles[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const t = titles[lo];
    return !!t && t.start <= start && end <= t.end;
  };
}

const QUOTE_MARKS = /[“”"‘’「」『』\s]/g;
/** Written with spaces, 、, ，, · or / between its parts, a name is still one programme. */
const SEPARATORS = /[\s、，,·・•‧/／“”"‘’「」『』]/g;

/** One entity per programme (names differing only in separators are one), in order of first mention. */
function toEntities(doc: ReportText, hits: Hit[], lexicon: ProgramLexicon): Entity[] {
  const byName = new Map<string, { category: string; mentions: Mention[] }>();
  const nameOfForm = new Map<string, string>();
  for (const h of hits) {
    const form = h.name.replace(SEPARATORS, "");
    const name = nameOfForm.get(form) ?? h.name;
    nameOfForm.set(form, name);
    const group = byName.get(name) ?? { category: h.category, mentions: [] };
    group.mentions.push(doc.mention(h.start, h.end));
    byName.set(name, group);
  }
  return [...byName].map(([name, group]) => {
    const listed = lexicon.programs.get(name)?.aliases ?? [];
    const seen = group.mentions.map((m) => m.surface.replace(QUOTE_MARKS, ""));
    const aliases = [...new Set([...listed, ...seen])].filter((a) => a !== name);
    return { type: "Program", name, key: name, category: group.category, aliases, mentions: group.mentions };
  });
}
