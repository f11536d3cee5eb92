// Reads about programmes: lookups, where they run, and which recur across places.
import type { DivisionLevel } from "../../extract/types.js";
import type { Database } from "../driver.js";
import { JURISDICTION_FIELDS, REPORT_FIELDS, rollupField } from "./places.js";
import type { JurisdictionRecord, MentionRecord, Page, PageWindow, ProgramRecord, ReportRecord } from "./records.js";
import { readByKeys, readOne, readPagesByKeys, readRows } from "./run.js";

export const PROGRAM_FIELDS = "key: p.key, name: p.name, aliases: coalesce(p.aliases, []), category: p.category";

/** Drops what writers vary around a name: quotes, brackets, spaces, a leading 新时代. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」『』《》〈〉]/g, "")
    .replace(/^新时代/, "");
}

export async function programsByKey(db: Database, keys: readonly string[]): Promise<(ProgramRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (p:Program {key: key}) RETURN key, p {${PROGRAM_FIELDS}} AS value`, keys);
}

/** A programme by canonical name, key or any alias. */
export async function programByName(db: Database, name: string): Promise<ProgramRecord | null> {
  const wanted = normalizeName(name);
  const row = await readOne<{ p: ProgramRecord }>(
    db,
    `OPTIONAL MATCH (byKey:Program {key: $wanted})
     OPTIONAL MATCH (byName:Program {name: $wanted})
     WITH coalesce(byKey, byName) AS found
     CALL (found) {
       WITH found WHERE found IS NULL
       MATCH (p:Program) WHERE $wanted IN p.aliases OR $raw IN p.aliases
       RETURN p ORDER BY p.key LIMIT 1
       UNION
       WITH found WHERE found IS NOT NULL
       RETURN found AS p
     }
     RETURN p {${PROGRAM_FIELDS}} AS p`,
    { wanted, raw: name },
  );
  return row?.p ?? null;
}

export interface PlaceFilter {
  /** the level places are counted at: a street's report counts for its district at DISTRICT */
  level: DivisionLevel;
  year: number | null;
  /** only places within this division code */
  within: string | null;
}

/** WHERE conditions on a report r for a PlaceFilter (the level's field must be set). */
function reportConditions(filter: PlaceFilter): string {
  const field = rollupField(filter.level);
  return `r.${field} IS NOT NULL AND ($year IS NULL OR r.year = $year)
          AND ($within IS NULL OR $within IN [r.provinceCode, r.cityCode, r.districtCode, r.townshipCode, r.subjectCode])`;
}

export interface ProgramPlaceRecord {
  jurisdiction: JurisdictionRecord;
  reports: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** The places (at a level) whose reports mention each programme. */
export async function placesOfPrograms(
  db: Database,
  keys: readonly string[],
  filter: PlaceFilter,
  page: PageWindow,
): Promise<Page<ProgramPlaceRecord>[]> {
  const field = rollupField(filter.level);
  return readPagesByKeys(
    db,
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (:Program {key: key})<-[:MENTIONS]-(r:Report)
       WHERE ${reportConditions(filter)}
       WITH r.${field} AS code, count(r) AS reports, min(r.year) AS firstYear, max(r.year) AS lastYear
       MATCH (j:Jurisdiction {code: code})
       WITH j, reports, firstYear, lastYear ORDER BY j.code
       RETURN collect({jurisdiction: j {${JURISDICTION_FIELDS}}, reports: reports, firstYear: firstYear, lastYear: lastYear}) AS rows
     }
     RETURN key, rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    keys,
    { ...filter, ...page },
  );
}

export async function reportsMentioning(
  db: Database,
  label: "Program" | "Law" | "LawFirm" | "Person",
  keys: readonly string[],
  year: number | null,
  page: PageWindow,
): Promise<Page<ReportRecord>[]> {
  return readPagesByKeys(
    db,
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (:${label} {key: key})<-[:MENTIONS]-(r:Report) WHERE $year IS NULL OR r.year = $year
       WITH r ORDER BY r.year DESC, r.id
       RETURN collect(r {${REPORT_FIELDS}}) AS rows
     }
     RETURN key, rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    keys,
    { year, ...page },
  );
}

/** Each report's evidence of mentioning an entity (a place by its code, the others by key). */
export async function mentionsOf(
  db: Database,
  label: "Program" | "Law" | "LawFirm" | "Person" | "Jurisdiction",
  key: string,
  page: PageWindow,
): Promise<Page<MentionRecord>> {
  const row = await readOne<Page<MentionRecord>>(
    db,
    `MATCH (:${label} {${label === "Jurisdiction" ? "code" : "key"}: $key})<-[m:MENTIONS]-(r:Report)
     WITH r, m ORDER BY r.year DESC, r.id
     WITH collect({reportId: r.id, count: m.count, sentences: m.sentences, starts: m.starts, ends: m.ends}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { key, ...page },
  );
  return row ?? { items: [], total: 0 };
}

export interface EvidenceRecord {
  reportId: string;
  year: number | null;
  sentence: string;
  start: number;
  end: number;
}

export interface RecurringProgramRecord {
  program: ProgramRecord;
  jurisdictionCodes: string[];
  firstYear: number | null;
  lastYear: number | null;
  evidence: EvidenceRecord[];
}

/** Programmes mentioned in reports from at least `min` distinct places of a level. */
export async function recurringPrograms(
  db: Database,
  filter: PlaceFilter & { min: number; evidence: number },
  page: PageWindow,
): Promise<Page<RecurringProgramRecord>> {
  const field = rollupField(filter.level);
  // First count places per programme over all mentions (cheap rows: no evidence yet) ...
  const row = await readOne<Page<Omit<RecurringProgramRecord, "evidence">>>(
    db,
    `MATCH (p:Program)<-[:MENTIONS]-(r:Report)
     WHERE ${reportConditions(filter)}
     WITH p, r.${field} AS code, min(r.year) AS firstYear, max(r.year) AS lastYear
     WITH p, collect(code) AS codes, min(firstYear) AS firstYear, max(lastYear) AS lastYear
     WHERE size(codes) >= $min
     WITH p, codes, firstYear, lastYear ORDER BY size(codes) DESC, p.key
     WITH collect({program: p {${PROGRAM_FIELDS}}, jurisdictionCodes: codes, firstYear: firstYear, lastYear: lastYear}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { ...filter, ...page },
  );
  if (!row) return { items: [], total: 0 };
  // ... then read evidence for the page's programmes only: one sentence from each of a few places.
  const wanted = row.items.map((item) => ({ key: item.program.key, codes: item.jurisdictionCodes.slice(0, filter.evidence) }));
  const evidence = await readRows<{ key: string; evidence: RecurringProgramRecord["evidence"] }>(
    db,
    `UNWIND $wanted AS w
     CALL (w) {
       UNWIND w.codes AS code
       CALL (w, code) {
         MATCH (:Program {key: w.key})<-[m:MENTIONS]-(r:Report {${field}: code})
         WHERE $year IS NULL OR r.year = $year
         RETURN {reportId: r.id, year: r.year, sentence: m.sentences[0], start: m.starts[0], end: m.ends[0]} AS sample
         LIMIT 1
       }
       RETURN collect(sample) AS evidence
     }
     RETURN w.key AS key, evidence`,
    { wanted, year: filter.year },
  );
  const byKey = new Map(evidence.map((e) => [e.key, e.evidence]));
  return { total: row.total, items: row.items.map((item) => ({ ...item, evidence: byKey.get(item.program.key) ?? [] })) };
}

/** Programmes that reports from within both places mention. */
export async function sharedPrograms(db: Database, a: string, b: string): Promise<ProgramRecord[]> {
  const rows = await readRows<{ p: ProgramRecord }>(
    db,
    `MATCH (p:Program)<-[:MENTIONS]-(ra:Report)
     WHERE $a IN [ra.provinceCode, ra.cityCode, ra.districtCode, ra.townshipCode, ra.subjectCode]
     WITH DISTINCT p
     WHERE EXISTS {
       MATCH (p)<-[:MENTIONS]-(rb:Report)
       WHERE $b IN [rb.provinceCode, rb.cityCode, rb.districtCode, rb.townshipCode, rb.subjectCode]
     }
     RETURN p {${PROGRAM_FIELDS}} AS p ORDER BY p.key`,
    { a, b },
  );
  return rows.map((r) => r.p);
}

/** Programmes mentioned by reports from within each place (all of one level), with how many reports and the newest one's sentence. */
export async function programsWithin(
  db: Database,
  codes: readonly string[],
  level: DivisionLevel,
  page: PageWindow,
): Promise<Page<ProgramRecord & { reports: number; evidence: EvidenceRecord[] }>[]> {
  return readPagesByKeys(
    db,
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (r:Report {${rollupField(level)}: key})-[m:MENTIONS]->(p:Program)
       WITH p, r, m ORDER BY r.year DESC, r.id
       WITH p, count(r) AS reports, collect({reportId: r.id, year: r.year, sentence: m.sentences[0], start: m.starts[0], end: m.ends[0]})[0] AS sample
       ORDER BY reports DESC, p.key
       RETURN collect(p {${PROGRAM_FIELDS}, reports: reports, evidence: [sample]}) AS rows
     }
     RETURN key, rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    codes,
    { ...page },
  );
}
