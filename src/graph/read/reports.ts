// Reads about reports and what each one mentions.
import type { Database } from "../driver.js";
import { orderBy, sortKeyOf, toPage, where, windowParams } from "./keyset.js";
import { JURISDICTION_FIELDS, NEWEST_FIRST, REPORT_FIELDS, withinField } from "./places.js";
import { METRIC_FIELDS } from "./metrics.js";
import { PROGRAM_FIELDS } from "./programs.js";
import type { JurisdictionRecord, LawFirmRecord, LawRecord, MetricRecord, Page, PageWindow, PersonRecord, ProgramRecord, ReportRecord, SortKey } from "./records.js";
import { readByKeys, readCount, readRows } from "./run.js";

export async function reportsById(db: Database, ids: readonly string[]): Promise<(ReportRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (r:Report {id: key}) RETURN key, r {${REPORT_FIELDS}} AS value`, ids);
}

export interface ReportFilter {
  year: number | null;
  /** exactly this subject */
  subject: string | null;
  /** subject anywhere within this division code */
  within: string | null;
}

function reportConditions(filter: ReportFilter): string[] {
  return [
    filter.year !== null && "r.year = $year",
    filter.subject !== null && "r.subjectCode = $subject",
    filter.within !== null && `r.${withinField(filter.within) === "code" ? "subjectCode" : withinField(filter.within)} = $within`,
  ].filter((c): c is string => !!c);
}

/** Reports newest first. Without a filter, the id index lists them all (every report is read to sort them). */
export async function listReports(db: Database, filter: ReportFilter, window: PageWindow): Promise<Page<ReportRecord>> {
  const conditions = reportConditions(filter);
  if (!conditions.length) conditions.push("r.id >= ''");
  const rows = await readRows<{ item: ReportRecord; key: SortKey }>(
    db,
    `MATCH (r:Report) ${where(conditions, NEWEST_FIRST, window)}
     RETURN r {${REPORT_FIELDS}} AS item, ${sortKeyOf(NEWEST_FIRST)} AS key ORDER BY ${orderBy(NEWEST_FIRST)} LIMIT toInteger($limit)`,
    { ...filter, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countReports(db: Database, filter: ReportFilter): Promise<number> {
  const conditions = reportConditions(filter);
  return readCount(db, `MATCH (r:Report) ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} RETURN count(r) AS count`, { ...filter });
}

/** Everything each report mentions, by kind: one query for a batch of reports. */
export interface ReportContents {
  programs: ProgramRecord[];
  laws: LawRecord[];
  lawFirms: LawFirmRecord[];
  persons: PersonRecord[];
  places: JurisdictionRecord[];
}

export async function contentsOfReports(db: Database, ids: readonly string[]): Promise<ReportContents[]> {
  const rows = await readRows<ReportContents & { id: string }>(
    db,
    `UNWIND $ids AS id
     MATCH (r:Report {id: id})
     RETURN id,
       [(r)-[:MENTIONS]->(p:Program) | p {${PROGRAM_FIELDS}}] AS programs,
       [(r)-[:MENTIONS]->(l:Law) | l {key: l.key, name: l.name, aliases: coalesce(l.aliases, [])}] AS laws,
       [(r)-[:MENTIONS]->(f:LawFirm) | f {key: f.key, name: f.name}] AS lawFirms,
       [(r)-[:MENTIONS]->(n:Person) | n {key: n.key, name: n.name, role: n.role}] AS persons,
       [(r)-[:MENTIONS]->(j:Jurisdiction) | j {${JURISDICTION_FIELDS}}] AS places`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sortBy = <T>(list: T[], key: (t: T) => string) => list.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) return { programs: [], laws: [], lawFirms: [], persons: [], places: [] };
    return {
      programs: sortBy(r.programs, (p) => p.key),
      laws: sortBy(r.laws, (l) => l.key),
      lawFirms: sortBy(r.lawFirms, (f) => f.key),
      persons: sortBy(r.persons, (p) => p.key),
      places: sortBy(r.places, (j) => j.code),
    };
  });
}

export async function metricsOfReports(db: Database, ids: readonly string[]): Promise<MetricRecord[][]> {
  const rows = (await readRows<{ m: MetricRecord }>(
    db,
    `UNWIND $ids AS id
     MATCH (r:Report {id: id})-[:STATES]->(m:Metric)
     OPTIONAL MATCH (m)-[:OF]->(j:Jurisdiction)
     WITH m, id, j ORDER BY m.start
     RETURN m {${METRIC_FIELDS}, reportId: id, jurisdictionCode: j.code} AS m`,
    { ids },
  )).map((r) => r.m);
  return ids.map((id) => rows.filter((m) => m.reportId === id));
}

export async function metricsById(db: Database, ids: readonly string[]): Promise<(MetricRecord | null)[]> {
  return readByKeys(
    db,
    `UNWIND $keys AS key
     MATCH (r:Report)-[:STATES]->(m:Metric {id: key})
     OPTIONAL MATCH (m)-[:OF]->(j:Jurisdiction)
     RETURN key, m {${METRIC_FIELDS}, reportId: r.id, jurisdictionCode: j.code} AS value`,
    ids,
  );
}

/** The whole text of each report (null: none kept); callers cut the page they need. */
export async function textsOfReports(db: Database, ids: readonly string[]): Promise<(string | null)[]> {
  const rows = await readRows<{ id: string; text: string | null }>(
    db,
    `UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN id, r.text AS text`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [r.id, r.text]));
  return ids.map((id) => byId.get(id) ?? null);
}
