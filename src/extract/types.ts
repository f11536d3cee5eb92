// The extractor's one output value: everything found in one report, with evidence.
// Offsets are UTF-16 code-unit offsets into the report text as read (after decoding),
// which normalization keeps unchanged (see text.ts).

export type EntityType = "Jurisdiction" | "Community" | "LawFirm" | "Person" | "Program" | "Law";

export type DivisionLevel = "PROVINCE" | "CITY" | "DISTRICT" | "TOWNSHIP" | "COMMUNITY";

export interface Mention {
  start: number;
  end: number;
  /** index into ReportExtraction.sentences */
  sentence: number;
  /** the text as written at [start, end) */
  surface: string;
}

export interface DivisionRef {
  code: string;
  name: string;
  level: DivisionLevel;
}

export interface Entity {
  type: EntityType;
  /** canonical display name (full official name for places, canonical name for programmes) */
  name: string;
  /** identity within its type: division code, normalized firm name, canonical programme key ... */
  key: string;
  mentions: Mention[];
  /** places: official division code, or null when the name cannot be linked */
  code?: string | null;
  level?: DivisionLevel;
  /** places: from the province down to the parent */
  ancestors?: DivisionRef[];
  /** unlinked places: the division codes the name could stand for (at most 20; empty or absent when none) */
  candidates?: string[];
  /** programmes and laws: other names this entity goes by (surface forms seen or known) */
  aliases?: string[];
  /** programmes: lexicon category, or "discovered" */
  category?: string;
  /** persons: role as the text gives it (lawyer, mediator, official ...) and organisation */
  role?: string;
  org?: string;
}

export type Qualifier = "exact" | "about" | "over";

export interface Metric {
  /** key phrase naming what was counted, e.g. 行政机关负责人出庭应诉率 */
  name: string;
  value: number;
  /** unit as written: %, 件, 人次, 万元, 万件 ... (empty string when none); value is the number as written */
  unit: string;
  /** value in baseUnit: 万 and 亿 multiplied out (5.2 万件 → 52000) */
  baseValue: number;
  /** unit without 万/亿 and in one spelling (万件 → 件, 人(次) → 人次): figures compare in it */
  baseUnit: string;
  /** id of the figure's kind in data/metric-kinds.json (法律咨询, 出庭应诉率 …), or null */
  kind: string | null;
  qualifier: Qualifier;
  year: number | null;
  /** division code of the jurisdiction the figure is about (the report's subject unless the text says otherwise) */
  subject: string | null;
  mention: Mention;
}

export interface ReportMeta {
  title: string | null;
  year: number | null;
  /** the jurisdiction that wrote the report, linked to one division; null when it could not be */
  subject: { name: string; code: string | null; level?: DivisionLevel } | null;
  /** the writing body's place name as written, kept when the subject could not be linked */
  subjectName: string | null;
  /** division codes an unlinked subject name could stand for (empty when linked) */
  subjectCandidates: string[];
  publisher: string | null;
  /** ISO date yyyy-mm-dd */
  publishedAt: string | null;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** A law firm retained as legal adviser by a jurisdiction (the report's subject unless the text names another). */
export interface Advises {
  /** LawFirm entity key */
  firm: string;
  /** division code, or null when the subject could not be linked */
  jurisdiction: string | null;
  mention: Mention;
}

export interface ReportExtraction {
  /** sha256 (hex) of the normalized text: the report's identity, whatever file it came from */
  textHash: string;
  /** length of the text in UTF-16 units */
  textLength: number;
  report: ReportMeta;
  entities: Entity[];
  metrics: Metric[];
  advises: Advises[];
  sentences: Sentence[];
}
