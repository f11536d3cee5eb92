// Reads about stated figures.
import type { Database } from "../driver.js";
import type { MetricRecord, Page, PageWindow } from "./records.js";
import { readOne } from "./run.js";

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

/** Metrics by key phrase, place and year, ordered by place, year and key. */
export async function findMetrics(db: Database, filter: MetricFilter, page: PageWindow): Promise<Page<MetricRecord>> {
  const row = await readOne<Page<MetricRecord>>(
    db,
    // Anchored on the places when they are given (a place page), not on every figure in the graph.
    `${filter.jurisdictions ? "MATCH (j:Jurisdiction) WHERE j.code IN $jurisdictions MATCH (m:Metric)-[:OF]->(j)" : "MATCH (m:Metric)-[:OF]->(j:Jurisdiction)"}
     WHERE ($key IS NULL OR m.key CONTAINS $key)
       AND ($year IS NULL OR m.year = $year)
       AND ($years IS NULL OR m.year IN $years)
       AND ($jurisdictions IS NULL OR j.code IN $jurisdictions)
     MATCH (r:Report)-[:STATES]->(m)
     WITH m, j, r ORDER BY j.code, m.year, m.key, m.id
     WITH collect(m {${METRIC_FIELDS}, reportId: r.id, jurisdictionCode: j.code}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { ...filter, ...page },
  );
  return row ?? { items: [], total: 0 };
}
