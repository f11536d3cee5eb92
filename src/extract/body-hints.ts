// What a report says about its own writing body without naming it: the level it speaks as (我镇,
// 本街道, 全区 …), the organs above it that it answers to (区委, 依法治县办 …), and where its opening
// sentences are. places.ts uses these to find and resolve the subject the way a reader does.
import type { Span } from "./report-meta.js";

/** The name endings a writing body can have, as the text refers to itself. */
export type BodyKind = "街道" | "镇" | "乡" | "区" | "县" | "市" | "旗";

export interface BodyHints {
  /** the kind the report speaks as (我镇 → 镇), when the text says so clearly */
  kind: BodyKind | null;
  /** the kinds of the body's parent that the text names organs of (区委, 依法治县), nearest level only */
  parentKinds: Set<BodyKind>;
  /** the first sentence of the body text, and the sentence that hands the report over (现将…报告如下) */
  openings: Span[];
}

const SELF = /(我|本|全)(街道|镇|乡|区|县|市|旗)(?![委级长政府党人域场镇街])/g;
/** 我/本 speak as the body; 全 (全区) may also be said of the level above. */
const SELF_WEIGHT: Record<string, number> = { 我: 3, 本: 3, 全: 1 };
const MIN_SELF_WEIGHT = 3;
/** 区委, 县政府, 依法治市 …; not 社区委员会 or 园区委. */
const PARENT_ORGAN = /(?<![社园片小景城])(区|县|市|旗)(?:委(?!员)|政府|人民政府|司法局)|依法治(区|县|市|旗)/g;
const OPENING_SEARCH_CHARS = 3000;
const MIN_PARAGRAPH = 15;
const HANDOVER = /现将[^。\n]{0,60}?(?:报告|总结|汇报)如下/;

export function readBodyHints(text: string): BodyHints {
  return { kind: selfKind(text), parentKinds: parentKinds(text), openings: openings(text) };
}

function selfKind(text: string): BodyKind | null {
  const weight = new Map<BodyKind, number>();
  for (const m of text.matchAll(SELF)) {
    const kind = m[2] as BodyKind;
    weight.set(kind, (weight.get(kind) ?? 0) + SELF_WEIGHT[m[1]!]!);
  }
  let best: BodyKind | null = null;
  for (const [kind, w] of weight) if (best === null || w > weight.get(best)!) best = kind;
  return best !== null && weight.get(best)! >= MIN_SELF_WEIGHT ? best : null;
}

/**
 * A township answers to the 区, 县 or 旗 above it; 市委 alone says the parent is a county-level city
 * (a district's or county's township also names 区委/县委, the nearer level).
 */
function parentKinds(text: string): Set<BodyKind> {
  const found = new Set<BodyKind>();
  for (const m of text.matchAll(PARENT_ORGAN)) found.add((m[1] ?? m[2]) as BodyKind);
  const near = [...found].filter((k) => k !== "市");
  return new Set(near.length ? near : found);
}

/** The first paragraph's first sentence (not a heading) and the handover sentence. */
function openings(text: string): Span[] {
  const spans: Span[] = [];
  const head = text.slice(0, OPENING_SEARCH_CHARS);
  let lineStart = 0;
  while (lineStart < head.length) {
    let lineEnd = head.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = head.length;
    const line = head.slice(lineStart, lineEnd);
    if (line.trim().length >= MIN_PARAGRAPH && /[，,。]/.test(line)) {
      const stop = line.search(/[。；;]/);
      spans.push({ start: lineStart, end: lineStart + (stop < 0 ? line.length : stop) });
      break;
    }
    lineStart = lineEnd + 1;
  }
  const handover = head.match(HANDOVER);
  if (handover) spans.push({ start: handover.index!, end: handover.index! + handover[0].length });
  return spans;
}

/** Whether a division's official name is of this kind (昌江区 is a 区; 禄丰市 a 市). */
export function nameIsOfKind(name: string, kind: BodyKind): boolean {
  return name.endsWith(kind);
}
