// Reads about jurisdictions: lookups, hierarchy, and what lies within a place.
import type { DivisionLevel } from "../../extract/types.js";
import type { Database } from "../driver.js";
import type { JurisdictionRecord, LawFirmRecord, Page, PageWindow, ReportRecord } from "./records.js";
import { readByKeys, readOne, readPagesByKeys, readRows } from "./run.js";

export const JURISDICTION_FIELDS = "code: j.code, name: j.name, level: j.level, provinceCode: j.provinceCode, cityCode: j.cityCode, districtCode: j.districtCode, townshipCode: j.townshipCode";

/** The property that holds a place's ancestor code at a level: how roll-ups avoid path queries. */
export function rollupField(level: DivisionLevel): string {
  switch (level) {
    case "PROVINCE":
      return "provinceCode";
    case "CITY":
      return "cityCode";
    case "DISTRICT":
      return "districtCode";
    case "TOWNSHIP":
      return "townshipCode";
    case "COMMUNITY":
      return "subjectCode";
  }
}

export async function jurisdictionsByCode(db: Database, codes: readonly string[]): Promise<(JurisdictionRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (j:Jurisdiction {code: key}) RETURN key, j {${JURISDICTION_FIELDS}} AS value`, codes);
}

export async function jurisdictionsByName(db: Database, name: string): Promise<JurisdictionRecord[]> {
  const rows = await readRows<{ j: JurisdictionRecord }>(
    db,
    `MATCH (j:Jurisdiction {name: $name}) RETURN j {${JURISDICTION_FIELDS}} AS j ORDER BY j.code`,
    { name },
  );
  return rows.map((r) => r.j);
}

/** Places in the graph, by code, optionally of one level and within a division. */
export async function listJurisdictions(
  db: Database,
  filter: { level: DivisionLevel | null; within: string | null },
  page: PageWindow,
): Promise<Page<JurisdictionRecord>> {
  const row = await readOne<Page<JurisdictionRecord>>(
    db,
    `MATCH (j:Jurisdiction)
     WHERE ($level IS NULL OR j.level = $level)
       AND ($within IS NULL OR $within IN [j.provinceCode, j.cityCode, j.districtCode, j.townshipCode])
     WITH j ORDER BY j.code
     WITH collect(j {${JURISDICTION_FIELDS}}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { ...filter, ...page },
  );
  return row ?? { items: [], total: 0 };
}

/** Direct children (PART_OF), a page per parent. */
export async function childrenOf(db: Database, codes: readonly string[], page: PageWindow): Promise<Page<JurisdictionRecord>[]> {
  return readPagesByKeys(
    db,
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (j:Jurisdiction)-[:PART_OF]->(:Jurisdiction {code: key})
       WITH j ORDER BY j.code
       RETURN collect(j {${JURISDICTION_FIELDS}}) AS rows
     }
     RETURN key, rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    codes,
    { ...page },
  );
}

/** Communities and villages anywhere below a place. */
export async function communitiesWithin(db: Database, place: JurisdictionRecord, page: PageWindow): Promise<Page<JurisdictionRecord>> {
  if (place.level === "COMMUNITY") return { items: [], total: 0 };
  const field = rollupField(place.level);
  const row = await readOne<Page<JurisdictionRecord>>(
    db,
    `MATCH (j:Jurisdiction) WHERE j.${field} = $code AND j.level = 'COMMUNITY'
     WITH j ORDER BY j.code
     WITH collect(j {${JURISDICTION_FIELDS}}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { code: place.code, ...page },
  );
  return row ?? { items: [], total: 0 };
}

export const REPORT_FIELDS =
  "id: r.id, title: r.title, year: r.year, publishedAt: r.publishedAt, publisher: r.publisher, subjectCode: r.subjectCode, textLength: r.textLength";

/** Reports whose subject lies within the place (a street's report counts for its district). */
export async function reportsWithin(
  db: Database,
  place: JurisdictionRecord,
  year: number | null,
  page: PageWindow,
): Promise<Page<ReportRecord>> {
  const row = await readOne<Page<ReportRecord>>(
    db,
    `MATCH (r:Report) WHERE r.${rollupField(place.level)} = $code AND ($year IS NULL OR r.year = $year)
     WITH r ORDER BY r.year DESC, r.id
     WITH collect(r {${REPORT_FIELDS}}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { code: place.code, year, ...page },
  );
  return row ?? { items: [], total: 0 };
}

export interface AdviceRecord {
  firm: LawFirmRecord;
  jurisdictionCode: string;
  year: number | null;
  reportId: string;
  /** the report's first sentence naming the firm */
  sentence: string | null;
}

/** Firms the text says advise each place, with the year and report that says so. */
export async function advisersOf(db: Database, codes: readonly string[]): Promise<AdviceRecord[][]> {
  const rows = await readRows<AdviceRecord>(
    db,
    `UNWIND $codes AS code
     MATCH (f:LawFirm)-[a:ADVISES]->(j:Jurisdiction {code: code})
     OPTIONAL MATCH (:Report {id: a.report})-[m:MENTIONS]->(f)
     RETURN f {key: f.key, name: f.name} AS firm, code AS jurisdictionCode, a.year AS year, a.report AS reportId, m.sentences[0] AS sentence
     ORDER BY f.name, a.year`,
    { codes },
  );
  return codes.map((c) => rows.filter((r) => r.jurisdictionCode === c));
}
