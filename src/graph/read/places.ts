// Reads about jurisdictions: lookups, hierarchy, and what lies within a place.
import type { DivisionLevel } from "../../extract/types.js";
import type { Database } from "../driver.js";
import { levelOfCode } from "../rollups.js";
import { emptyPage, orderBy, sortKeyOf, toPage, where, windowParams, type SortColumn } from "./keyset.js";
import type { JurisdictionRecord, LawFirmRecord, Page, PageWindow, ReportRecord, SortKey } from "./records.js";
import { readByKeys, readCount, readPagesByKeys, readRows } from "./run.js";

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

/** The property of a place or report that holds the code of `code`'s level: `within` filters seek on it. */
export function withinField(code: string): string {
  const level = levelOfCode(code);
  return level && level !== "COMMUNITY" ? rollupField(level) : "code";
}

const BY_CODE: SortColumn[] = [{ expr: "j.code" }];

/** Places in the graph, by code, optionally of one level and within a division. */
export async function listJurisdictions(
  db: Database,
  filter: { level: DivisionLevel | null; within: string | null },
  window: PageWindow,
): Promise<Page<JurisdictionRecord>> {
  const conditions = [
    filter.level && "j.level = $level",
    filter.within && `j.${withinField(filter.within)} = $within`,
    // Neither filter: the code index gives every place in order, from the cursor on.
    !filter.level && !filter.within && !window.after && "j.code >= ''",
  ];
  const rows = await readRows<{ item: JurisdictionRecord; key: SortKey }>(
    db,
    `MATCH (j:Jurisdiction) ${where(conditions, BY_CODE, window)}
     RETURN j {${JURISDICTION_FIELDS}} AS item, ${sortKeyOf(BY_CODE)} AS key
     ORDER BY ${orderBy(BY_CODE)} LIMIT toInteger($limit)`,
    { ...filter, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countJurisdictions(db: Database, filter: { level: DivisionLevel | null; within: string | null }): Promise<number> {
  const conditions = [filter.level && "j.level = $level", filter.within && `j.${withinField(filter.within)} = $within`].filter(Boolean);
  return readCount(db, `MATCH (j:Jurisdiction) ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} RETURN count(j) AS count`, filter);
}

/** Direct children (PART_OF), a page per parent. */
export async function childrenOf(db: Database, codes: readonly string[], window: PageWindow): Promise<Page<JurisdictionRecord>[]> {
  return readPagesByKeys(
    db,
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (j:Jurisdiction)-[:PART_OF]->(:Jurisdiction {code: key}) ${where([], BY_CODE, window)}
       RETURN j ORDER BY ${orderBy(BY_CODE)} LIMIT toInteger($limit)
     }
     RETURN key, j {${JURISDICTION_FIELDS}} AS item, ${sortKeyOf(BY_CODE)} AS sortKey`,
    codes,
    window,
  );
}

export async function countChildren(db: Database, code: string): Promise<number> {
  return readCount(db, `MATCH (:Jurisdiction {code: $code})<-[:PART_OF]-(j:Jurisdiction) RETURN count(j) AS count`, { code });
}

/** Communities and villages anywhere below a place. */
export async function communitiesWithin(db: Database, place: JurisdictionRecord, window: PageWindow): Promise<Page<JurisdictionRecord>> {
  if (place.level === "COMMUNITY") return emptyPage();
  const rows = await readRows<{ item: JurisdictionRecord; key: SortKey }>(
    db,
    `MATCH (j:Jurisdiction) ${where([`j.${rollupField(place.level)} = $code`, "j.level = 'COMMUNITY'"], BY_CODE, window)}
     RETURN j {${JURISDICTION_FIELDS}} AS item, ${sortKeyOf(BY_CODE)} AS key
     ORDER BY ${orderBy(BY_CODE)} LIMIT toInteger($limit)`,
    { code: place.code, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countCommunitiesWithin(db: Database, place: JurisdictionRecord): Promise<number> {
  if (place.level === "COMMUNITY") return 0;
  return readCount(
    db,
    `MATCH (j:Jurisdiction) WHERE j.${rollupField(place.level)} = $code AND j.level = 'COMMUNITY' RETURN count(j) AS count`,
    { code: place.code },
  );
}

export const REPORT_FIELDS =
  "id: r.id, title: r.title, year: r.year, publishedAt: r.publishedAt, publisher: r.publisher, subjectCode: r.subjectCode, textLength: r.textLength, " +
  "source: CASE WHEN r.sourceFormat IS NULL THEN null ELSE {path: r.sourcePath, url: r.sourceUrl, format: r.sourceFormat, " +
  "encoding: r.sourceEncoding, title: r.sourceTitle, publishedAt: r.sourcePublishedAt, canonicalUrl: r.sourceCanonicalUrl} END";

/** Reports newest first: year (unknown last), then id. */
export const NEWEST_FIRST: SortColumn[] = [{ expr: "coalesce(r.year, 0)", desc: true }, { expr: "r.id" }];

/** Reports whose subject lies within the place (a street's report counts for its district). */
export async function reportsWithin(
  db: Database,
  place: JurisdictionRecord,
  year: number | null,
  window: PageWindow,
): Promise<Page<ReportRecord>> {
  const rows = await readRows<{ item: ReportRecord; key: SortKey }>(
    db,
    `MATCH (r:Report) ${where([`r.${rollupField(place.level)} = $code`, year !== null && "r.year = $year"], NEWEST_FIRST, window)}
     RETURN r {${REPORT_FIELDS}} AS item, ${sortKeyOf(NEWEST_FIRST)} AS key
     ORDER BY ${orderBy(NEWEST_FIRST)} LIMIT toInteger($limit)`,
    { code: place.code, year, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countReportsWithin(db: Database, place: JurisdictionRecord, year: number | null): Promise<number> {
  return readCount(
    db,
    `MATCH (r:Report) WHERE r.${rollupField(place.level)} = $code ${year !== null ? "AND r.year = $year" : ""} RETURN count(r) AS count`,
    { code: place.code, year },
  );
}

export interface AdviceRecord {
  firm: LawFirmRecord;
  jurisdictionCode: string;
  year: number | null;
  reportId: string;
  /** the report's first sentence naming the firm */
  sentence: string | null;
}

/**
 * The firms the text says advise the place bound to `j`, with the year and report that says so:
 * the first $advisersLimit by firm name, one list. Each sentence is the report's mention of the
 * firm, found by one seek in the MENTIONS index (an advice's year is its report's), not among the
 * firm's mentions, which grow with the graph.
 */
export const ADVISERS_OF = `COLLECT {
     MATCH (f:LawFirm)-[a:ADVISES]->(j)
     WITH f, a, j ORDER BY f.name, a.year, a.report LIMIT toInteger($advisersLimit)
     OPTIONAL MATCH (:Report)-[m:MENTIONS]->(f) USING INDEX m:MENTIONS(target, newest, report)
       WHERE m.target = f.key AND m.newest = -coalesce(a.year, 0.0) AND m.report = a.report
     WITH f, a, j, m ORDER BY f.name, a.year, a.report
     RETURN {firm: f {key: f.key, name: f.name}, jurisdictionCode: j.code, year: a.year, reportId: a.report, sentence: m.sentences[0]}
   }`;

/** Firms the text says advise each place, with the year and report that says so: at most `limit` per place. */
export async function advisersOf(db: Database, codes: readonly string[], limit: number): Promise<AdviceRecord[][]> {
  const found = await readByKeys<AdviceRecord[]>(
    db,
    `UNWIND $keys AS key MATCH (j:Jurisdiction {code: key}) RETURN key, ${ADVISERS_OF} AS value`,
    codes,
    { advisersLimit: limit },
  );
  return found.map((advice) => advice ?? []);
}

/** The places above the place bound to `j`, from the province down to its parent: one list. */
export const ANCESTORS_OF = `COLLECT {
     UNWIND [c IN [j.provinceCode, j.cityCode, j.districtCode, j.townshipCode] WHERE c IS NOT NULL AND c <> j.code] AS code
     MATCH (a:Jurisdiction {code: code})
     RETURN a {${JURISDICTION_FIELDS.replaceAll("j.", "a.")}}
   }`;
