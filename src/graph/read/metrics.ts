// Reads about stated figures.
import type { Database } from "../driver.js";
import { orderBy, sortKeyOf, toPage, where, windowParams, type SortColumn } from "./keyset.js";
import { JURISDICTION_FIELDS } from "./places.js";
import type { JurisdictionRecord, MetricRecord, Page, PageWindow, SortKey } from "./records.js";
import { readCount, readOne, readRows } from "./run.js";

export const METRIC_FIELDS =
  "id: m.id, key: m.key, value: m.value, unit: m.unit, baseValue: coalesce(m.baseValue, m.value), baseUnit: coalesce(m.baseUnit, m.unit), " +
  "kind: m.kind, qualifier: m.qualifier, year: m.year, sentence: m.sentence, start: m.start, end: m.end";

export interface MetricFilter {
  /** part of the key phrase: 出庭应诉率 finds 行政机关负责人出庭应诉率 */
  key: string | null;
  /** figure kinds (data/metric-kinds.json ids); when given, the key phrase is not looked at */
  kinds?: string[] | null;
  year: number | null;
  /** division codes the metric is about (exactly these places) */
  jurisdictions: string[] | null;
  years: number[] | null;
}

const BY_PLACE_YEAR_KEY: SortColumn[] = [{ expr: "j.code" }, { expr: "coalesce(m.year, 0)" }, { expr: "m.key" }, { expr: "m.id" }];

/** Where a metric search starts: at the places when given (by code), else at the key phrase's text index. */
function metricMatch(filter: MetricFilter): { match: string; conditions: (string | null)[] } {
  const years = [filter.year !== null && "m.year = $year", filter.years !== null && "m.year IN $years"].filter((c): c is string => !!c);
  const what = whatCondition(filter);
  if (filter.jurisdictions !== null) {
    return { match: "MATCH (j:Jurisdiction) WHERE j.code IN $jurisdictions MATCH (m:Metric)-[:OF]->(j)", conditions: [what, ...years] };
  }
  if (what === null) throw new Error("findMetrics: give a key phrase, kinds or places");
  return { match: `MATCH (m:Metric) WHERE ${what} MATCH (m)-[:OF]->(j:Jurisdiction)`, conditions: years };
}

/** Which figures: of the kinds given, else those whose key phrase contains the key. */
function whatCondition(filter: { key: string | null; kinds?: string[] | null }): string | null {
  if (filter.kinds?.length) return "m.kind IN $kinds";
  return filter.key !== null ? "m.key CONTAINS $key" : null;
}

/** Metrics by key phrase, place and year, ordered by place, year and key. */
export async function findMetrics(db: Database, filter: MetricFilter, window: PageWindow): Promise<Page<MetricRecord>> {
  const { match, conditions } = metricMatch(filter);
  const rows = await readRows<{ item: MetricRecord; key: SortKey }>(
    db,
    `${match} ${where(conditions, BY_PLACE_YEAR_KEY, window)}
     WITH m, j ORDER BY ${orderBy(BY_PLACE_YEAR_KEY)} LIMIT toInteger($limit)
     MATCH (r:Report)-[:STATES]->(m)
     RETURN m {${METRIC_FIELDS}, reportId: r.id, jurisdictionCode: j.code} AS item, ${sortKeyOf(BY_PLACE_YEAR_KEY)} AS key`,
    { ...filter, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countMetrics(db: Database, filter: MetricFilter): Promise<number> {
  const { match, conditions } = metricMatch(filter);
  const all = conditions.filter((c): c is string => !!c);
  return readCount(db, `${match} ${all.length ? `WHERE ${all.join(" AND ")}` : ""} RETURN count(m) AS count`, { ...filter });
}

export interface ComparedFilter {
  key: string | null;
  kinds: string[] | null;
  years: number[] | null;
  /** the places compared, by code: their own figures */
  codes: string[];
  /** whether the figures of the places within a compared city or district count too */
  within: boolean;
}

/** A figure of a compared place, or of a place within a compared city or district (`asked` is the compared place). */
export type ComparedMetric = MetricRecord & { asked: string };

export interface ComparedFigures {
  /** the compared places found (a code not among them is no place) */
  places: JurisdictionRecord[];
  figures: ComparedMetric[];
  /** the places within a compared city or district that have figures among them */
  inside: JurisdictionRecord[];
}

/**
 * The compared places and their figures and, for cities and districts (unless `within` is
 * false), those of every place within them, in one statement: the places by their codes, then
 * per place its own figures and the places whose city or district code is its code, each branch
 * an index seek.
 */
export async function figuresToCompare(db: Database, filter: ComparedFilter, limit: number): Promise<ComparedFigures> {
  const what = whatCondition(filter);
  if (what === null) throw new Error("figuresToCompare: give a key phrase or kinds");
  const conditions = [what, filter.years !== null ? "m.year IN $years" : null].filter((c): c is string => !!c);
  const row = await readOne<ComparedFigures>(
    db,
    `CALL () { UNWIND $codes AS code MATCH (j:Jurisdiction {code: code}) RETURN collect(DISTINCT j) AS compared }
     CALL (compared) {
       UNWIND compared AS p
       CALL (p) {
         RETURN p AS j
         UNION
         WITH p WHERE $within AND p.level = 'CITY'
         MATCH (j:Jurisdiction) WHERE j.cityCode = p.code AND j.code <> p.code RETURN j
         UNION
         WITH p WHERE $within AND p.level = 'DISTRICT'
         MATCH (j:Jurisdiction) WHERE j.districtCode = p.code AND j.code <> p.code RETURN j
       }
       MATCH (m:Metric)-[:OF]->(j) WHERE ${conditions.join(" AND ")}
       WITH m, j, p.code AS asked ORDER BY asked, j.code, m.year, m.id LIMIT toInteger($limit)
       MATCH (r:Report)-[:STATES]->(m)
       RETURN collect(m {${METRIC_FIELDS}, reportId: r.id, jurisdictionCode: j.code, asked: asked}) AS figures,
              collect(DISTINCT CASE WHEN j.code <> asked THEN j {${JURISDICTION_FIELDS}} END) AS inside
     }
     RETURN [j IN compared | j {${JURISDICTION_FIELDS}}] AS places, figures, inside`,
    { ...filter, limit },
  );
  return row ?? { places: [], figures: [], inside: [] };
}
