// Reads about law firms, lawyers and laws.
import type { Database } from "../driver.js";
import { orderBy, sortKeyOf, toPage, where, windowParams, type Fragment, type SortColumn } from "./keyset.js";
import { JURISDICTION_FIELDS, withinField } from "./places.js";
import { normalizeName } from "./programs.js";
import type { JurisdictionRecord, LawFirmRecord, LawRecord, Page, PageWindow, PersonRecord, SortKey } from "./records.js";
import { readByKeys, readCount, readOne, readRows } from "./run.js";

export const FIRM_FIELDS = "key: f.key, name: f.name";

/** 律所 is the everyday short form of 律师事务所. */
export function normalizeFirmName(name: string): string {
  return normalizeName(name).replace(/律所$/, "律师事务所");
}

export async function lawFirmsByKey(db: Database, keys: readonly string[]): Promise<(LawFirmRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (f:LawFirm {key: key}) RETURN key, f {${FIRM_FIELDS}} AS value`, keys);
}

/** The firm a name means, bound to `f` (律所 read as 律师事务所). */
export function lawFirmNamed(name: string): Fragment {
  return {
    cypher: `CALL () {
       MATCH (f:LawFirm {key: $wanted}) RETURN f
       UNION
       MATCH (f:LawFirm {name: $wanted}) RETURN f
     }
     WITH f ORDER BY f.key LIMIT 1`,
    params: { wanted: normalizeFirmName(name) },
  };
}

export async function lawFirmByName(db: Database, name: string): Promise<LawFirmRecord | null> {
  const named = lawFirmNamed(name);
  const row = await readOne<{ f: LawFirmRecord }>(db, `${named.cypher} RETURN f {${FIRM_FIELDS}} AS f`, named.params);
  return row?.f ?? null;
}

const BY_NAME: SortColumn[] = [{ expr: "f.name" }, { expr: "f.key" }];

/** Firms advising a place within `within`: the places are found by their roll-up code, then their advisers. */
const advisingWithin = (within: string) => `MATCH (j:Jurisdiction) WHERE j.${withinField(within)} = $within
     MATCH (f:LawFirm)-[:ADVISES]->(j)
     WITH DISTINCT f`;

/** Firms by name, optionally only those advising a place within `within`. */
export async function listLawFirms(db: Database, within: string | null, window: PageWindow): Promise<Page<LawFirmRecord>> {
  const rows = await readRows<{ item: LawFirmRecord; key: SortKey }>(
    db,
    `${within ? advisingWithin(within) : "MATCH (f:LawFirm)"}
     ${where([!within && !window.after && "f.name >= ''"], BY_NAME, window)}
     RETURN f {${FIRM_FIELDS}} AS item, ${sortKeyOf(BY_NAME)} AS key ORDER BY ${orderBy(BY_NAME)} LIMIT toInteger($limit)`,
    { within, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countLawFirms(db: Database, within: string | null): Promise<number> {
  return readCount(db, `${within ? advisingWithin(within) : "MATCH (f:LawFirm)"} RETURN count(f) AS count`, { within });
}

export interface FirmAdviceRecord {
  firmKey: string;
  jurisdiction: JurisdictionRecord;
  year: number | null;
  reportId: string;
  sentence: string | null;
}

/**
 * The places the firm bound to `f` advises, per report that says so: the first $adviceLimit in
 * place order, one list. Each sentence is the report's mention of the firm, found by one seek in
 * the MENTIONS index (an advice's year is its report's), not among the firm's mentions, which
 * grow with the graph.
 */
export const ADVICE_GIVEN_BY = `COLLECT {
     MATCH (f)-[a:ADVISES]->(j:Jurisdiction)
     WITH f, a, j ORDER BY j.code, a.year, a.report LIMIT toInteger($adviceLimit)
     OPTIONAL MATCH (:Report)-[m:MENTIONS]->(f) USING INDEX m:MENTIONS(target, newest, report)
       WHERE m.target = f.key AND m.newest = -coalesce(a.year, 0.0) AND m.report = a.report
     WITH f, a, j, m ORDER BY j.code, a.year, a.report
     RETURN {firmKey: f.key, jurisdiction: j {${JURISDICTION_FIELDS}}, year: a.year, reportId: a.report, sentence: m.sentences[0]}
   }`;

/** Each firm's advice (ADVICE_GIVEN_BY), at most `limit` items per firm. */
export async function adviceGivenBy(db: Database, keys: readonly string[], limit: number): Promise<FirmAdviceRecord[][]> {
  const found = await readByKeys<FirmAdviceRecord[]>(
    db,
    `UNWIND $keys AS key MATCH (f:LawFirm {key: key}) RETURN key, ${ADVICE_GIVEN_BY} AS value`,
    keys,
    { adviceLimit: limit },
  );
  return found.map((advice) => advice ?? []);
}

/** The lawyers the reports name with the firm bound to `f`, by name: one list. */
export const LAWYERS_OF = `COLLECT { MATCH (p:Person)-[:WORKS_AT]->(f) WITH p ORDER BY p.name RETURN p {key: p.key, name: p.name, role: p.role} }`;

export async function lawyersOf(db: Database, keys: readonly string[]): Promise<PersonRecord[][]> {
  const found = await readByKeys<PersonRecord[]>(db, `UNWIND $keys AS key MATCH (f:LawFirm {key: key}) RETURN key, ${LAWYERS_OF} AS value`, keys);
  return found.map((lawyers) => lawyers ?? []);
}

export const PERSON_FIELDS = "key: p.key, name: p.name, role: p.role";
export const LAW_FIELDS = "key: l.key, name: l.name, aliases: coalesce(l.aliases, [])";

export async function personsByKey(db: Database, keys: readonly string[]): Promise<(PersonRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (p:Person {key: key}) RETURN key, p {${PERSON_FIELDS}} AS value`, keys);
}

export async function firmsOfPersons(db: Database, keys: readonly string[]): Promise<(LawFirmRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (:Person {key: key})-[:WORKS_AT]->(f:LawFirm) RETURN key, f {${FIRM_FIELDS}} AS value`, keys);
}

export async function lawsByKey(db: Database, keys: readonly string[]): Promise<(LawRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (l:Law {key: key}) RETURN key, l {${LAW_FIELDS}} AS value`, keys);
}

/** A law by key, name or any alias (the alias nodes are the index), in that preference. */
export async function lawByName(db: Database, name: string): Promise<LawRecord | null> {
  const row = await readOne<{ l: LawRecord }>(
    db,
    `CALL () {
       MATCH (l:Law {key: $wanted}) RETURN l, 0 AS rank
       UNION
       MATCH (l:Law {name: $wanted}) RETURN l, 1 AS rank
       UNION
       MATCH (:LawAlias {name: $wanted})-[:NAMES]->(l:Law) RETURN l, 2 AS rank
     }
     RETURN l {key: l.key, name: l.name, aliases: coalesce(l.aliases, [])} AS l ORDER BY rank, l.key LIMIT 1`,
    { wanted: normalizeName(name) },
  );
  return row?.l ?? null;
}
