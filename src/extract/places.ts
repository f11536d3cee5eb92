// Jurisdictions and communities linked to the national division list, and the report's subject.
//
// 1. Find every run of text that is a division name (divisions.ts), keep the leftmost-longest.
// 2. Names written one after the other (杭州市西湖区翠苑街道) constrain each other: keep only the
//    readings where the first is an ancestor of the second.
// 3. Names that can only mean one thing (海淀区, 浙江省) become anchors; the report's subject comes
//    from its title or publisher line.
// 4. Every other name takes the reading that the anchors and the subject support; names that many
//    places share (新华社区, 城关镇) are linked only with such support, never by chance.
import { readFileSync } from "node:fs";
import { divisionIndex, isBelow, levelsBetween, type DivisionIndex, type NameCandidate, type NameHit } from "./divisions.js";
import type { DivisionLevel, Entity, ReportMeta } from "./types.js";
import type { ReportText } from "./text.js";
import type { RawReportMeta } from "./report-meta.js";
import { nameIsOfKind, readBodyHints, type BodyHints } from "./body-hints.js";

export interface PlacesResult {
  /** Jurisdiction and Community entities */
  entities: Entity[];
  /** the jurisdiction that wrote the report, when it could be linked to one division */
  subject: ReportMeta["subject"];
  /** the writing body's name as written, also when it could not be linked */
  subjectName: string | null;
  /** the divisions an unlinked subject name could be (empty when linked or not found) */
  subjectCandidates: string[];
}

interface PlaceRules {
  genericDistricts: string[];
  bareProvinceStoppers: string[];
  publisherLabels: string[];
  villageBoundaries: string;
  honoraryCommunityStems: string[];
  villageEndings: string;
  proseVerbStems: string[];
  communityModifiers: string[];
  genericVillageAsides: string[];
}

const RULES: PlaceRules = JSON.parse(readFileSync(new URL("../../data/places.json", import.meta.url), "utf8"));
const GENERIC_DISTRICTS = new Set(RULES.genericDistricts);
const VILLAGE_BOUNDARIES = new Set(RULES.villageBoundaries);
const HONORARY_COMMUNITY_STEMS = new Set(RULES.honoraryCommunityStems);
const VILLAGE_ENDINGS = new Set(RULES.villageEndings);
const PROSE_VERB_STEMS = new Set(RULES.proseVerbStems);
const COMMUNITY_SUFFIX = /(?:社区|村|居委会|嘎查)$/;
const COMMUNITY_MODIFIERS = new Set(RULES.communityModifiers);
/**
 * A village-shaped name the division list lacks (renamed or new since the list was made): two or
 * three characters and 社区/村 after a list separator or 在, and a name's ending after it.
 */
const UNLISTED_COMMUNITY = /(?<=[、，,；;在和与及：:（(])([\u4e00-\u9fa5]{2,3})(社区|村)(?=[、，,；;。的等党居村委（(“”])/g;
const NOT_IN_NAME = /[各全本该每个等和与及的了是在对从将把被已]/;
/** longer than any division name, so that a span starting further back cannot reach a position */
const MAX_NAME_LENGTH = 40;

const LEVEL_DEPTH: Record<DivisionLevel, number> = { PROVINCE: 0, CITY: 1, DISTRICT: 2, TOWNSHIP: 3, COMMUNITY: 4 };
/** a chain pair is checked only when its readings are few enough */
const MAX_CHAIN_PAIRS = 20000;
/** names shared by more places than this add no evidence for their ancestors */
const MAX_EVIDENCE_CANDIDATES = 60;
/** a name read as a possible parent of another must be shared by few divisions */
const MAX_NAMED_READINGS = 3;

/** A division name found in the text, with the readings still open. */
interface Span {
  start: number;
  end: number;
  surface: string;
  candidates: NameCandidate[];
  /** narrowed by a parent or child written right next to it */
  chained: boolean;
  /** the reading chosen: a division id, or null when the name stays unlinked */
  resolved: number | null;
  /** false when the span was judged not to be a place */
  accepted: boolean;
  decided: boolean;
}

export function extractPlaces(doc: ReportText, meta: RawReportMeta): PlacesResult {
  const index = divisionIndex();
  const spans = chooseSpans(doc.text, index.scan(doc.text));
  linkChains(doc.text, spans, index);
  const hints = readBodyHints(doc.text);
  const linker = new Linker(index, spans, doc.text, hints);
  linker.seedAnchors();
  let subjectSpan = linker.chooseSubject(subjectCandidates(doc.text, meta, spans, index, hints.openings), bodyKindCandidates(spans, index, hints));
  linker.resolveAll();
  dropOverlapsOfAccepted(spans, subjectSpan);
  // A report that speaks as a township or district is never given its province or city by count.
  if (!subjectSpan && hints.kind === null) subjectSpan = mostMentioned(spans, index, addresseeCodes(doc.text, spans, index));
  const entities = buildEntities(spans, index, doc);
  entities.push(...unlistedCommunities(doc, spans, entities));
  return { entities, ...describeSubject(subjectSpan, index) };
}

// ---------------------------------------------------------------------------------------------
// 1. spans

/**
 * Leftmost-longest choice among overlapping hits, after dropping hits that are plainly not places.
 * Short forms that need support (宝山 for 宝山区) only fill the gaps between the other names, so
 * that they never hide a full name they overlap.
 */
function chooseSpans(text: string, hits: NameHit[]): Span[] {
  const usable = hits.filter((h) => !isStreetNamedAfterProvince(text, h));
  const weakOnly = (h: NameHit) => h.candidates.every((c) => c.kind === "weak");
  const strong = pickLeftmostLongest(usable.filter((h) => !weakOnly(h)));
  // Overlapping short forms (新昌 and 昌江 in 新昌江) are all kept; the linking decides between them.
  const weak = usable.filter((h) => weakOnly(h) && !overlapsAny(h, strong));
  const spans = [...strong, ...weak].sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.map((hit) => ({
    start: hit.start,
    end: hit.end,
    surface: text.slice(hit.start, hit.end),
    candidates: hit.candidates,
    chained: false,
    resolved: null,
    accepted: false,
    decided: false,
  }));
}

/** Leftmost-longest among overlapping hits. */
function pickLeftmostLongest(hits: NameHit[]): NameHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameHit[] = [];
  let lastEnd = 0;
  for (const hit of sorted) {
    if (hit.start < lastEnd) continue;
    out.push(hit);
    lastEnd = hit.end;
  }
  return out;
}

/** Whether the hit overlaps one of `sorted` (sorted by start, disjoint). */
function overlapsAny(hit: NameHit, sorted: NameHit[]): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= hit.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.start < hit.end;
}

/** Of two accepted short forms that overlap, the subject or else the first one written stays. */
function dropOverlapsOfAccepted(spans: Span[], subject: Span | null): void {
  let last: Span | null = null;
  for (const span of spans) {
    if (!span.accepted) continue;
    if (last && span.start < last.end) {
      const loser: Span = span === subject ? last : span;
      loser.accepted = false;
      if (loser === span) continue;
    }
    last = span;
  }
}

/** 北京路, 湖南街: a province written without 省/市 and followed by a street word. */
function isStreetNamedAfterProvince(text: string, hit: NameHit): boolean {
  if (!hit.candidates.every((c) => c.kind === "bare")) return false;
  return RULES.bareProvinceStoppers.some((w) => text.startsWith(w, hit.end));
}

// ---------------------------------------------------------------------------------------------
// 2. chains

/** Two names written back to back (spaces allowed) where one can contain the other. */
function linkChains(text: string, spans: Span[], index: DivisionIndex): void {
  for (let i = 0; i + 1 < spans.length; i++) {
    const parent = spans[i]!;
    const child = spans[i + 1]!;
    if (!onlySpacesBetween(text, parent, child) || parent.candidates.length * child.candidates.length > MAX_CHAIN_PAIRS) continue;
    const parents = new Set<number>();
    const children = new Set<number>();
    const childCodes = child.candidates.map((c) => index.code(c.id));
    for (const p of parent.candidates) {
      const parentCode = index.code(p.id);
      child.candidates.forEach((c, k) => {
        if (!isBelow(childCodes[k]!, parentCode)) return;
        parents.add(p.id);
        children.add(c.id);
      });
    }
    if (parents.size === 0) continue;
    parent.candidates = parent.candidates.filter((c) => parents.has(c.id));
    child.candidates = child.candidates.filter((c) => children.has(c.id));
    parent.chained = child.chained = true;
  }
}

function onlySpacesBetween(text: string, a: Span, b: Span): boolean {
  return b.start >= a.end && b.start - a.end <= 2 && /^[ \t]*$/.test(text.slice(a.end, b.start));
}

// ---------------------------------------------------------------------------------------------
// 3 and 4. linking

/** Chooses each span's reading from anchors (places that can only be one division) and the subject. */
class Linker {
  /** codes of the divisions certainly named in the text */
  private readonly anchors = new Set<string>();
  /** every ancestor code of an anchor, so that "an anchor lies below this" is one lookup */
  private readonly anchorAncestors = new Set<string>();
  /** ancestor code → evidence that names below it occur in the text (1 per name, shared among its readings) */
  private readonly evidence = new Map<string, number>();
  private subjectCode: string | null = null;
  /** where each name found in the text ends */
  private readonly spanEnds: Set<number>;

  /** codes of every county-or-higher reading of a name written anywhere (宝山 for 宝山区 included) */
  private readonly named = new Set<string>();

  constructor(
    readonly index: DivisionIndex,
    private readonly spans: Span[],
    private readonly text: string,
    private readonly hints: BodyHints,
  ) {
    this.spanEnds = new Set(spans.map((s) => s.end));
    this.collectEvidence();
  }

  /** Each distinct name adds 1/(number of its readings) to every ancestor of every reading. */
  private collectEvidence(): void {
    const seen = new Set<string>();
    for (const span of this.spans) {
      if (seen.has(span.surface) || span.candidates.length > MAX_EVIDENCE_CANDIDATES) continue;
      seen.add(span.surface);
      const share = 1 / span.candidates.length;
      for (const c of span.candidates) {
        const code = this.index.code(c.id);
        if (span.candidates.length <= MAX_NAMED_READINGS && code.length <= 6) this.named.add(code);
        for (const ancestor of ancestorCodes(code)) {
          this.evidence.set(ancestor, (this.evidence.get(ancestor) ?? 0) + share);
        }
      }
    }
  }

  /**
   * A county's short form (宝山, 西湖) is an ordinary word often enough that it is read only on the
   * subject's own chain: the subject itself, above it or below it.
   */
  private shortFormFits(span: Span, best: NameCandidate): boolean {
    if (best.kind !== "weak" || this.index.level(best.id) !== "DISTRICT") return true;
    const code = this.index.code(best.id);
    const subject = this.subjectCode;
    return !!subject && (code === subject || isBelow(subject, code) || isBelow(code, subject));
  }

  /** A parent or grandparent of this reading is named somewhere in the text (云和 above a street of 云和县). */
  private parentNamed(id: number): boolean {
    const code = this.index.code(id);
    return code.length >= 9 && (this.named.has(code.slice(0, 6)) || this.named.has(code.slice(0, 4)));
  }

  /** The reading's parent is of the kind whose organs the text names (区委 → a township of a 区). */
  private parentOfHintedKind(id: number): boolean {
    if (this.index.level(id) !== "TOWNSHIP" || this.hints.parentKinds.size === 0) return false;
    const parent = this.index.ancestors(id).pop();
    return !!parent && [...this.hints.parentKinds].some((kind) => nameIsOfKind(parent.name, kind));
  }

  private addAnchor(id: number): void {
    const code = this.index.code(id);
    this.anchors.add(code);
    for (const ancestor of ancestorCodes(code)) this.anchorAncestors.add(ancestor);
  }

  private settle(span: Span, id: number | null, accepted: boolean): void {
    span.resolved = id;
    span.accepted = accepted;
    span.decided = true;
    if (accepted && id !== null) this.addAnchor(id);
  }

  /** Chains with one reading left, and unambiguous county-or-higher names, are certain. */
  seedAnchors(): void {
    for (const span of this.spans) {
      if (span.candidates.length !== 1) continue;
      const only = span.candidates[0]!;
      if (span.chained || (this.isHighLevel(only.id) && this.standsAlone(span, only))) this.settle(span, only.id, true);
    }
  }

  /**
   * The first candidate that is accepted as a place; its division (when linked) then supports the
   * others. `named` come from the title, publisher, opening and signature; `byKind` are names of the
   * kind the report speaks as (我镇 → the 镇 it names most), tried when those name none.
   */
  chooseSubject(named: Span[], byKind: Span[]): Span | null {
    const kind = this.hints.kind;
    for (const span of [...named, ...byKind]) {
      if (kind !== null && !this.narrowToKind(span, kind)) continue;
      if (!span.decided) this.resolve(span, true);
      if (!span.accepted) continue;
      if (span.resolved !== null) this.subjectCode = this.index.code(span.resolved);
      return span;
    }
    return null;
  }

  /** Keeps the readings of the kind the report speaks as; false when the name has none (or was decided otherwise). */
  private narrowToKind(span: Span, kind: NonNullable<BodyHints["kind"]>): boolean {
    const fitting = span.candidates.filter((c) => nameIsOfKind(this.index.name(c.id), kind) || (kind === "街道" && this.index.name(c.id).endsWith("街道")));
    if (fitting.length === 0) return false;
    if (!span.decided) span.candidates = fitting;
    return span.resolved === null || fitting.some((c) => c.id === span.resolved);
  }

  /** Broad levels first, so that counties and townships can support the communities below them. */
  resolveAll(): void {
    for (const depth of [LEVEL_DEPTH.DISTRICT, LEVEL_DEPTH.TOWNSHIP, LEVEL_DEPTH.COMMUNITY]) {
      for (const span of this.spans) {
        if (!span.decided && this.shallowestDepth(span) <= depth) this.resolve(span, false);
      }
    }
  }

  private shallowestDepth(span: Span): number {
    return Math.min(...span.candidates.map((c) => LEVEL_DEPTH[this.index.level(c.id)]));
  }

  private isHighLevel(id: number): boolean {
    return LEVEL_DEPTH[this.index.level(id)] <= LEVEL_DEPTH.DISTRICT;
  }

  /** A county-or-higher name that needs no support: full official form, not an ordinary word. */
  private standsAlone(span: Span, candidate: NameCandidate): boolean {
    if (candidate.kind === "weak") return false;
    if (candidate.kind === "bare") return true;
    return !isOrdinaryWord(span);
  }

  /** How strongly the text supports reading the name as this division. */
  support(id: number): number {
    const code = this.index.code(id);
    let score = 0;
    if (this.subjectCode) score += subjectSupport(code, this.subjectCode);
    if (this.anchors.has(code)) score += 6;
    for (const ancestor of ancestorCodes(code)) {
      if (this.anchors.has(ancestor)) score += levelsBetween(code, ancestor) <= 2 ? 3 : 1;
    }
    if (this.anchorAncestors.has(code)) score += 2;
    return score;
  }

  /**
   * Support that makes a shared or weak name safe to link: it is (or contains) a certain place, or its
   * parent is certain, or it lies on the subject's chain (up to two levels below the subject; one
   * level for names that are also ordinary words).
   */
  private isNear(id: number, span: Span): boolean {
    const code = this.index.code(id);
    if (this.anchors.has(code) || this.anchorAncestors.has(code)) return true;
    const parent = this.index.ancestors(id).pop(); // for a district of 北京市, the province
    if (parent && this.anchors.has(parent.code)) return true;
    if (!this.subjectCode) return false;
    if (code === this.subjectCode || isBelow(this.subjectCode, code)) return true;
    const reach = isOrdinaryWord(span) ? 1 : 2;
    return isBelow(code, this.subjectCode) && levelsBetween(code, this.subjectCode) <= reach;
  }

  private resolve(span: Span, isSubject: boolean): void {
    const best = this.bestReading(span, isSubject);
    if (best === undefined || isCommonNounCommunity(span, this.index, this.text)) return this.settle(span, null, false);
    const near = span.chained || (best !== null && this.isNear(best.id, span) && this.shortFormFits(span, best));
    // The writing body's name, read where a reader finds it, takes the one reading the text supports.
    const chosenAmongMany = isSubject && best !== null && span.candidates.length > 1;
    const linked = best !== null && (near || chosenAmongMany || this.mayLinkAlone(span, best, isSubject));
    if (linked) return this.settle(span, best.id, true);
    this.settle(span, null, this.mayStayUnlinked(span, isSubject));
  }

  /**
   * The reading with the most support, or null when several tie (the name stays unlinked).
   * Ties on anchors and subject are broken by evidence from the names written below each reading.
   */
  private bestReading(span: Span, isSubject: boolean): NameCandidate | null | undefined {
    if (span.candidates.length === 0) return undefined;
    if (span.candidates.length === 1) return span.candidates[0]!;
    const scored = span.candidates.map((c) => ({ c, score: this.support(c.id) + this.evidenceBelow(c.id) + this.parentHints(c.id, isSubject) }));
    scored.sort((a, b) => b.score - a.score);
    const [first, second] = scored;
    return first!.score > 0 && first!.score > second!.score ? first!.c : null;
  }

  /** A parent named anywhere in the text counts 2; for the writing body, organs of its parent's kind 1. */
  private parentHints(id: number, isSubject: boolean): number {
    return (this.parentNamed(id) ? 2 : 0) + (isSubject && this.parentOfHintedKind(id) ? 1 : 0);
  }

  /** Evidence from the names written below this reading, at most 2. */
  private evidenceBelow(id: number): number {
    return Math.min(2, this.evidence.get(this.index.code(id)) ?? 0);
  }

  /** Without context support: only full names that cannot be an ordinary word, and that one division bears. */
  private mayLinkAlone(span: Span, best: NameCandidate, isSubject: boolean): boolean {
    const level = this.index.level(best.id);
    const unique = span.candidates.length === 1;
    if (LEVEL_DEPTH[level] <= LEVEL_DEPTH.DISTRICT) return this.standsAlone(span, best) || (isSubject && unique);
    if (best.kind === "weak" || span.surface.length < 3) return isSubject && unique;
    if (level === "COMMUNITY" && !this.standsAsCommunity(span)) return false;
    return unique && (isSubject || this.startsAtBoundary(span));
  }

  /** With no support, a community name must end where the word ends: 红土村、 or 红土村党支部, not 城乡社区治理. */
  private standsAsCommunity(span: Span): boolean {
    const next = this.text[span.end] ?? "";
    if (VILLAGE_ENDINGS.has(next) || next === "") return true;
    return span.surface.endsWith("社区") ? next === "居" : span.surface.endsWith("村") && next === "委";
  }

  /** A shared name left unlinked is still reported when it clearly stands as a name of its own. */
  private mayStayUnlinked(span: Span, isSubject: boolean): boolean {
    if (span.candidates.some((c) => c.kind === "weak")) return false;
    const depth = this.shallowestDepth(span);
    if (depth <= LEVEL_DEPTH.DISTRICT) return span.candidates.every((c) => this.standsAlone(span, c));
    if (depth === LEVEL_DEPTH.TOWNSHIP) return isSubject || (span.surface.length >= 3 && this.startsAtBoundary(span));
    // a community many villages share (新华社区) is kept by name when it clearly stands as one
    return span.surface.length >= 3 && this.startsAtBoundary(span) && this.standsAsCommunity(span);
  }

  /** The name starts the text, follows a separator (、，在 …), or follows another place name (茶陵县城关镇). */
  private startsAtBoundary(span: Span): boolean {
    return span.start === 0 || VILLAGE_BOUNDARIES.has(this.text[span.start - 1]!) || this.spanEnds.has(span.start);
  }
}

/** 城区, 新城区, 和县: a county-level name that is also a common word, or one character before its suffix. */
function isOrdinaryWord(span: Span): boolean {
  return span.surface.length < 3 || GENERIC_DISTRICTS.has(span.surface);
}

/**
 * A community name that the text uses as words, though some village bears it as its name:
 * the common noun 村(社区) after a verb (实现村(社区)全覆盖), always; a title that places earn
 * (示范村, 和谐社区) or a verb before 村/社区 (推进社区), unless a parent is written right before.
 */
function isCommonNounCommunity(span: Span, index: DivisionIndex, text: string): boolean {
  if (!span.candidates.every((c) => index.level(c.id) === "COMMUNITY")) return false;
  if (RULES.genericVillageAsides.some((aside) => text.startsWith(aside, span.end))) return true;
  if (span.chained) return false;
  const stem = span.surface.replace(COMMUNITY_SUFFIX, "");
  return HONORARY_COMMUNITY_STEMS.has(stem) || stem.endsWith("示范") || PROSE_VERB_STEMS.has(stem) || COMMUNITY_MODIFIERS.has(stem);
}

/** How a division relates to the subject: itself 10, its ancestor or a close descendant 8, a far descendant 4. */
function subjectSupport(code: string, subjectCode: string): number {
  if (code === subjectCode) return 10;
  if (isBelow(subjectCode, code)) return 8;
  if (isBelow(code, subjectCode)) return levelsBetween(code, subjectCode) <= 2 ? 8 : 4;
  return 0;
}

function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (const length of [2, 4, 6, 9]) if (length < code.length) out.push(code.slice(0, length));
  return out;
}

// ---------------------------------------------------------------------------------------------
// subject

const TITLE_SEARCH_LINES = 40;
const PUBLISHER_SEARCH_CHARS = 3000;
const PUBLISHER_VALUE_CHARS = 30;

/**
 * Where the report names its author, best first: the places in the title (most specific first),
 * then those after a publisher label. Communities do not write these reports.
 */
function subjectCandidates(text: string, meta: RawReportMeta, spans: Span[], index: DivisionIndex, openings: { start: number; end: number }[]): Span[] {
  const regions = [meta.titleSpan, findTitleRegion(text), meta.publisherSpan, ...findPublisherRegions(text)];
  const found: Span[] = [];
  const within = (region: { start: number; end: number }) =>
    spans.filter((s) => s.start >= region.start && s.end <= region.end && hasJurisdictionReading(s, index));
  for (const region of regions) if (region) found.push(...mostSpecificFirst(within(region), index));
  // In running prose a name must be one that cannot be a word (not 老城区, not a short form).
  for (const region of openings) {
    const named = within(region).filter((s) => !isOrdinaryWord(s) && s.candidates.some((c) => c.kind !== "weak") && startsClause(text, s));
    found.push(...mostSpecificFirst(named, index));
  }
  return found;
}

/** The name opens a clause (2023年，某街道… / 在…下，某镇…), as the body doing the work does. */
function startsClause(text: string, span: Span): boolean {
  const before = text.slice(Math.max(0, span.start - 1), span.start);
  return before === "" || /[\n，,、；;年：:]/.test(before);
}

function hasJurisdictionReading(span: Span, index: DivisionIndex): boolean {
  return span.candidates.some((c) => index.level(c.id) !== "COMMUNITY");
}

/** Deepest level first (翠苑街道, 西湖区, 杭州市); among equals, the last written first. */
function mostSpecificFirst(spans: Span[], index: DivisionIndex): Span[] {
  const depth = (span: Span) => Math.max(...span.candidates.map((c) => LEVEL_DEPTH[index.level(c.id)]));
  return spans
    .map((span, order) => ({ span, order, depth: depth(span) }))
    .sort((a, b) => b.depth - a.depth || b.order - a.order)
    .map((x) => x.span);
}

/**
 * The linked jurisdiction with the most mentions (the first such on a tie), leaving out the bodies
 * the report is addressed to and those above them: a report to 中共某市委 is not the city's own.
 */
function mostMentioned(spans: Span[], index: DivisionIndex, addressees: string[]): Span | null {
  const counts = new Map<string, { span: Span; count: number }>();
  for (const span of spans) {
    if (!span.accepted || span.resolved === null || index.level(span.resolved) === "COMMUNITY") continue;
    const code = index.code(span.resolved);
    if (addressees.some((a) => a === code || isBelow(a, code))) continue;
    const entry = counts.get(code) ?? { span, count: 0 };
    entry.count++;
    counts.set(code, entry);
  }
  let best: { span: Span; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.span ?? null;
}

const ADDRESSEE_LINES = 3;
/** 中共某市委、某市人民政府： the bodies a report is sent to, on a line of its own ending with a colon. */
const ADDRESSEE = /(?:委|政府|委员会)[^\n]{0,30}[:：]\s*$/;

function addresseeCodes(text: string, spans: Span[], index: DivisionIndex): string[] {
  let lineStart = 0;
  for (let n = 0; n < ADDRESSEE_LINES && lineStart < text.length; n++) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length <= 40 && ADDRESSEE.test(line)) {
      return spans
        .filter((s) => s.start >= lineStart && s.end <= lineEnd && s.accepted && s.resolved !== null)
        .map((s) => index.code(s.resolved!));
    }
    lineStart = lineEnd + 1;
  }
  return [];
}

/** First short line that names a report (…报告); a very short one (情况报告) carries on the line before. */
function findTitleRegion(text: string): { start: number; end: number } | null {
  let previous: { start: number; end: number } | null = null;
  let lineStart = 0;
  for (let n = 0; n < TITLE_SEARCH_LINES && lineStart < text.length; n++) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line && isTitleLine(line)) {
      const start = line.length < 12 && previous ? previous.start : lineStart;
      return { start, end: lineEnd };
    }
    if (line) previous = { start: lineStart, end: lineEnd };
    lineStart = lineEnd + 1;
  }
  return null;
}

function isTitleLine(line: string): boolean {
  return line.includes("报告") && line.length <= 80 && !line.includes("如下") && !/[:：]$/.test(line);
}

const PUBLISHER_LABEL = new RegExp(`(?:${RULES.publisherLabels.join("|")})[\\s:：]{1,6}`, "g");

/** The text after labels such as 来源: or 发布机构 near the top of the page. */
function findPublisherRegions(text: string): { start: number; end: number }[] {
  const head = text.slice(0, PUBLISHER_SEARCH_CHARS);
  const regions: { start: number; end: number }[] = [];
  for (const m of head.matchAll(PUBLISHER_LABEL)) {
    const start = m.index + m[0].length;
    regions.push({ start, end: Math.min(text.length, start + PUBLISHER_VALUE_CHARS) });
  }
  return regions;
}

/** Names with a reading of the kind the report speaks as, the most often written first. */
function bodyKindCandidates(spans: Span[], index: DivisionIndex, hints: BodyHints): Span[] {
  const kind = hints.kind;
  if (kind === null) return [];
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.surface, (counts.get(span.surface) ?? 0) + 1);
  const fitting = spans.filter((span) => span.candidates.some((c) => index.level(c.id) !== "COMMUNITY" && nameIsOfKind(index.name(c.id), kind)));
  return fitting.map((span, order) => ({ span, order, count: counts.get(span.surface)! })).sort((a, b) => b.count - a.count || a.order - b.order).map((x) => x.span);
}

function describeSubject(span: Span | null, index: DivisionIndex): Pick<PlacesResult, "subject" | "subjectName" | "subjectCandidates"> {
  if (!span || !span.accepted) return { subject: null, subjectName: null, subjectCandidates: [] };
  if (span.resolved === null) {
    return { subject: null, subjectName: unlinkedName(span, index), subjectCandidates: span.candidates.map((c) => index.code(c.id)) };
  }
  const subject = { name: index.name(span.resolved), code: index.code(span.resolved), level: index.level(span.resolved) };
  return { subject, subjectName: subject.name, subjectCandidates: [] };
}

// ---------------------------------------------------------------------------------------------
// entities

function buildEntities(spans: Span[], index: DivisionIndex, doc: ReportText): Entity[] {
  const byKey = new Map<string, Entity>();
  const linkedByName = new Map<string, Entity>();
  const unlinked: { span: Span; name: string }[] = [];
  for (const span of spans) {
    if (!span.accepted) continue;
    if (span.resolved === null) {
      unlinked.push({ span, name: unlinkedName(span, index) });
      continue;
    }
    const code = index.code(span.resolved);
    let entity = byKey.get(code);
    if (!entity) {
      entity = linkedEntity(span.resolved, index);
      byKey.set(code, entity);
      linkedByName.set(entity.type + entity.name, entity);
    }
    entity.mentions.push(doc.mention(span.start, span.end));
  }
  for (const { span, name } of unlinked) {
    const level = sharedLevel(span, index);
    const type = level === "COMMUNITY" ? "Community" : "Jurisdiction";
    // A name linked elsewhere in the text is that place here too.
    const entity = linkedByName.get(type + name) ?? byKey.get("name:" + name) ?? unlinkedEntity(name, type, level);
    if (entity.code === null) {
      // the divisions the name could be, so that a reader can pick the one meant
      const candidates = new Set([...(entity.candidates ?? []), ...span.candidates.map((c) => index.code(c.id))]);
      entity.candidates = [...candidates].sort().slice(0, MAX_CANDIDATES);
    }
    byKey.set(entity.key, entity);
    entity.mentions.push(doc.mention(span.start, span.end));
  }
  const entities = [...byKey.values()];
  for (const entity of entities) entity.mentions.sort((a, b) => a.start - b.start);
  return entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** Whether [start, end) overlaps a span (spans sorted by start; names are short, so a few steps back suffice). */
function overlapsSpan(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && start - spans[i]!.start <= MAX_NAME_LENGTH; i--) if (spans[i]!.end > start) return true;
  return false;
}

/** How many candidate codes an unlinked name keeps (a common name such as 城关镇 has hundreds). */
const MAX_CANDIDATES = 20;

/** Village-shaped names the division list does not have, kept unlinked (code null). */
function unlistedCommunities(doc: ReportText, spans: Span[], entities: Entity[]): Entity[] {
  const text = doc.text;
  const taken = new Set(entities.map((e) => e.name));
  const byName = new Map<string, Entity>();
  for (const m of text.matchAll(UNLISTED_COMMUNITY)) {
    const stem = m[1]!;
    const start = m.index!;
    const end = start + m[0].length;
    if (NOT_IN_NAME.test(stem) || COMMUNITY_MODIFIERS.has(stem) || HONORARY_COMMUNITY_STEMS.has(stem) || PROSE_VERB_STEMS.has(stem)) continue;
    if (stem.endsWith("示范") || /[点户级型类片组队乡农]$/.test(stem) || overlapsSpan(spans, start, end)) continue;
    const name = m[0];
    if (taken.has(name)) continue;
    let entity = byName.get(name);
    if (!entity) {
      entity = unlinkedEntity(name, "Community", "COMMUNITY");
      byName.set(name, entity);
    }
    entity.mentions.push(doc.mention(start, end));
  }
  return [...byName.values()];
}

function linkedEntity(id: number, index: DivisionIndex): Entity {
  const level = index.level(id);
  return {
    type: level === "COMMUNITY" ? "Community" : "Jurisdiction",
    name: index.name(id),
    key: index.code(id),
    code: index.code(id),
    level,
    ancestors: index.ancestors(id),
    mentions: [],
  };
}

function unlinkedEntity(name: string, type: "Community" | "Jurisdiction", level: DivisionLevel | undefined): Entity {
  const entity: Entity = { type, name, key: "name:" + name, code: null, ancestors: [], mentions: [] };
  if (level) entity.level = level;
  return entity;
}

/** The official name when every reading shares it (翠苑街 → 翠苑街道), else the text as written. */
function unlinkedName(span: Span, index: DivisionIndex): string {
  const names = new Set(span.candidates.map((c) => index.name(c.id)));
  return names.size === 1 ? [...names][0]! : span.surface;
}

function sharedLevel(span: Span, index: DivisionIndex): DivisionLevel | undefined {
  const levels = new Set(span.candidates.map((c) => index.level(c.id)));
  return levels.size === 1 ? [...levels][0] : undefined;
}
