// Plain records the read queries return: node properties as stored, nothing GraphQL-specific.
import type { DivisionLevel } from "../../extract/types.js";

export interface JurisdictionRecord {
  code: string;
  name: string;
  level: DivisionLevel;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  townshipCode: string | null;
}

export interface ProgramRecord {
  key: string;
  name: string;
  aliases: string[];
  category: string | null;
}

export interface LawRecord {
  key: string;
  name: string;
  aliases: string[];
}

export interface LawFirmRecord {
  key: string;
  name: string;
}

export interface PersonRecord {
  key: string;
  name: string;
  role: string | null;
}

export interface ReportRecord {
  id: string;
  title: string | null;
  year: number | null;
  publishedAt: string | null;
  publisher: string | null;
  subjectCode: string | null;
  textLength: number;
  /** null for reports written before sources were kept */
  source: ReportSourceRecord | null;
}

export interface ReportSourceRecord {
  path: string | null;
  url: string | null;
  format: string;
  encoding: string | null;
  title: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
}

export interface MetricRecord {
  id: string;
  key: string;
  value: number;
  unit: string;
  baseValue: number;
  baseUnit: string;
  /** data/metric-kinds.json id, or null */
  kind: string | null;
  qualifier: string;
  year: number | null;
  sentence: string;
  start: number;
  end: number;
  reportId: string;
  jurisdictionCode: string | null;
}

/** A place name without a division code, one per name within the place whose report names it. */
export interface UnlinkedPlaceRecord {
  /** name@code of the report's place, or name@report:id when that place is unknown */
  key: string;
  name: string;
  /** Jurisdiction or Community, as the extractor read the name */
  kind: string;
  level: string | null;
  /** the linked place of the report that names it, or null */
  within: string | null;
  /** division codes the name could stand for */
  candidates: string[];
}

/** One report's evidence for a mention: its first few sentences and offsets. */
export interface MentionRecord {
  reportId: string;
  count: number;
  sentences: string[];
  starts: number[];
  ends: number[];
}

/** A row's position in its list's order: the values of the sort columns, the last one unique. */
export type SortKey = (string | number)[];

/** A page of a list: its items in order, each one's sort key, and whether more follow. */
export interface Page<T> {
  items: T[];
  keys: SortKey[];
  hasMore: boolean;
}

/** Which page: up to `limit` items after the row with sort key `after` (null: from the start). */
export interface PageWindow {
  limit: number;
  after: SortKey | null;
}
