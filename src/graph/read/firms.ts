// Reads about law firms, lawyers and laws.
import type { Database } from "../driver.js";
import { JURISDICTION_FIELDS } from "./places.js";
import { normalizeName } from "./programs.js";
import type { JurisdictionRecord, LawFirmRecord, LawRecord, Page, PageWindow, PersonRecord } from "./records.js";
import { readByKeys, readOne, readRows } from "./run.js";

const FIRM_FIELDS = "key: f.key, name: f.name";

/** 律所 is the everyday short form of 律师事务所. */
export function normalizeFirmName(name: string): string {
  return normalizeName(name).replace(/律所$/, "律师事务所");
}

export async function lawFirmsByKey(db: Database, keys: readonly string[]): Promise<(LawFirmRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (f:LawFirm {key: key}) RETURN key, f {${FIRM_FIELDS}} AS value`, keys);
}

export async function lawFirmByName(db: Database, name: string): Promise<LawFirmRecord | null> {
  const wanted = normalizeFirmName(name);
  const row = await readOne<{ f: LawFirmRecord }>(
    db,
    `MATCH (f:LawFirm) WHERE f.key = $wanted OR f.name = $wanted RETURN f {${FIRM_FIELDS}} AS f ORDER BY f.key LIMIT 1`,
    { wanted },
  );
  return row?.f ?? null;
}

/** Firms, optionally only those advising a place within `within`. */
export async function listLawFirms(db: Database, within: string | null, page: PageWindow): Promise<Page<LawFirmRecord>> {
  const row = await readOne<Page<LawFirmRecord>>(
    db,
    `MATCH (f:LawFirm)
     WHERE $within IS NULL OR EXISTS {
       MATCH (f)-[:ADVISES]->(j:Jurisdiction)
       WHERE $within IN [j.code, j.provinceCode, j.cityCode, j.districtCode, j.townshipCode]
     }
     WITH f ORDER BY f.name
     WITH collect(f {${FIRM_FIELDS}}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { within, ...page },
  );
  return row ?? { items: [], total: 0 };
}

export interface FirmAdviceRecord {
  firmKey: string;
  jurisdiction: JurisdictionRecord;
  year: number | null;
  reportId: string;
  sentence: string | null;
}

export async function adviceGivenBy(db: Database, keys: readonly string[]): Promise<FirmAdviceRecord[][]> {
  const rows = await readRows<FirmAdviceRecord>(
    db,
    `UNWIND $keys AS key
     MATCH (f:LawFirm {key: key})-[a:ADVISES]->(j:Jurisdiction)
     OPTIONAL MATCH (:Report {id: a.report})-[m:MENTIONS]->(f)
     RETURN key AS firmKey, j {${JURISDICTION_FIELDS}} AS jurisdiction, a.year AS year, a.report AS reportId, m.sentences[0] AS sentence
     ORDER BY j.code, a.year`,
    { keys },
  );
  return keys.map((k) => rows.filter((r) => r.firmKey === k));
}

export async function lawyersOf(db: Database, keys: readonly string[]): Promise<PersonRecord[][]> {
  const rows = await readRows<{ firmKey: string; p: PersonRecord }>(
    db,
    `UNWIND $keys AS key
     MATCH (p:Person)-[:WORKS_AT]->(:LawFirm {key: key})
     RETURN key AS firmKey, p {key: p.key, name: p.name, role: p.role} AS p ORDER BY p.name`,
    { keys },
  );
  return keys.map((k) => rows.filter((r) => r.firmKey === k).map((r) => r.p));
}

export async function personsByKey(db: Database, keys: readonly string[]): Promise<(PersonRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (p:Person {key: key}) RETURN key, p {key: p.key, name: p.name, role: p.role} AS value`, keys);
}

export async function firmsOfPersons(db: Database, keys: readonly string[]): Promise<(LawFirmRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (:Person {key: key})-[:WORKS_AT]->(f:LawFirm) RETURN key, f {${FIRM_FIELDS}} AS value`, keys);
}

export async function lawsByKey(db: Database, keys: readonly string[]): Promise<(LawRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (l:Law {key: key}) RETURN key, l {key: l.key, name: l.name, aliases: coalesce(l.aliases, [])} AS value`, keys);
}

export async function lawByName(db: Database, name: string): Promise<LawRecord | null> {
  const wanted = normalizeName(name);
  const row = await readOne<{ l: LawRecord }>(
    db,
    `MATCH (l:Law) WHERE l.key = $wanted OR l.name = $wanted OR $wanted IN l.aliases
     RETURN l {key: l.key, name: l.name, aliases: coalesce(l.aliases, [])} AS l ORDER BY l.key LIMIT 1`,
    { wanted },
  );
  return row?.l ?? null;
}
