// Reads about stated figures.
import type { Database } from "../driver.js";
import { orderBy, sortKeyOf, toPage, where, windowParams, type SortColumn } from "./keyset.js";
import type { MetricRecord, Page, PageWindow, SortKey } from "./records.js";
import { readCount, readRows } from "./run.js";

export const METRIC_FIELDS =
  "id: m.id, key: m.key, value: m.value, unit: m.unit, qualifier: m.qualifier, year: m.year, sentence: m.sentence, start: m.start, end: m.end";

export interface MetricFilter {
  /** part of the key phrase: 出庭应诉率 finds 行政机关负责人出庭应诉率 */
  key: string | null;
  year: number | null;
  /** division codes the metric is about (exactly these places) */
  jurisdictions: string[] | null;
  years: number[] | null;
}

const BY_PLACE_YEAR_KEY: SortColumn[] = [{ expr: "j.code" }, { expr: "coalesce(m.year, 0)" }, { expr: "m.key" }, { expr: "m.id" }];

/** Where a metric search starts: at the places when given (by code), else at the key phrase's text index. */
function metricMatch(filter: MetricFilter): { match: string; conditions: (string | null)[] } {
  const years = [filter.year !== null && "m.year = $year", filter.years !== null && "m.year IN $years"].filter((c): c is string => !!c);
  if (filter.jurisdictions !== null) {
    return {
      match: "MATCH (j:Jurisdiction) WHERE j.code IN $jurisdictions MATCH (m:Metric)-[:OF]->(j)",
      conditions: [filter.key !== null ? "m.key CONTAINS $key" : null, ...years],
    };
  }
  if (filter.key === null) throw new Error("findMetrics: give a key phrase or places");
  return { match: "MATCH (m:Metric) WHERE m.key CONTAINS $key MATCH (m)-[:OF]->(j:Jurisdiction)", conditions: years };
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
