// Reads about stated figures.
import type { Database } from "../driver.js";
import { orderBy, sortKeyOf, toPage, where, windowParams, type SortColumn } from "./keyset.js";
import type { MetricRecord, Page, PageWindow, SortKey } from "./records.js";
import { readCount, readRows } from "./run.js";

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
  /** the places compared: their own figures */
  codes: string[];
  /** of those, the cities and districts whose places within are rolled up */
  cities: string[];
  districts: string[];
}

/** A figure of a compared place, or of a place within a compared city or district (`asked` is the compared place). */
export type ComparedMetric = MetricRecord & { asked: string };

/**
 * The figures of the compared places and, for cities and districts, of every place within them:
 * one statement, each branch starting from an index on the places' codes.
 */
export async function figuresToCompare(db: Database, filter: ComparedFilter, limit: number): Promise<ComparedMetric[]> {
  const what = whatCondition(filter);
  if (what === null) throw new Error("figuresToCompare: give a key phrase or kinds");
  const conditions = [what, filter.years !== null ? "m.year IN $years" : null].filter((c): c is string => !!c);
  const rows = await readRows<{ item: ComparedMetric }>(
    db,
    `CALL () {
       MATCH (j:Jurisdiction) WHERE j.code IN $codes RETURN j, j.code AS asked
       UNION
       MATCH (j:Jurisdiction) WHERE j.cityCode IN $cities AND j.code <> j.cityCode RETURN j, j.cityCode AS asked
       UNION
       MATCH (j:Jurisdiction) WHERE j.districtCode IN $districts AND j.code <> j.districtCode RETURN j, j.districtCode AS asked
     }
     MATCH (m:Metric)-[:OF]->(j) WHERE ${conditions.join(" AND ")}
     WITH m, j, asked ORDER BY asked, j.code, m.year, m.id LIMIT toInteger($limit)
     MATCH (r:Report)-[:STATES]->(m)
     RETURN m {${METRIC_FIELDS}, reportId: r.id, jurisdictionCode: j.code, asked: asked} AS item`,
    { ...filter, limit },
  );
  return rows.map((r) => r.item);
}
