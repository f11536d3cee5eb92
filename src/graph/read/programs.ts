// Reads about programmes: lookups, the reports that mention them and their evidence. Where a
// programme runs and which recur are read from the roll-ups (./rollups.ts).
import type { Database } from "../driver.js";
import { limitOf, orderBy, sortKeyOf, toPage, where, windowParams, type Fragment } from "./keyset.js";
import { NEWEST_FIRST, REPORT_FIELDS, rollupField } from "./places.js";
import type { MentionRecord, Page, PageWindow, ProgramRecord, ReportRecord, SortKey } from "./records.js";
import type { DivisionLevel } from "../../extract/types.js";
import { readByKeys, readCount, readOne, readPageListsByKeys, readRows } from "./run.js";

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

/** The programme a name means, bound to `p`: by key, canonical name or any alias (the alias nodes are the index), in that preference. */
export function programNamed(name: string): Fragment {
  return {
    cypher: `CALL () {
       MATCH (p:Program {key: $wanted}) RETURN p, 0 AS rank
       UNION
       MATCH (p:Program {name: $wanted}) RETURN p, 1 AS rank
       UNION
       MATCH (:ProgramAlias {name: $wanted})-[:NAMES]->(p:Program) RETURN p, 2 AS rank
       UNION
       MATCH (:ProgramAlias {name: $raw})-[:NAMES]->(p:Program) RETURN p, 3 AS rank
     }
     WITH p ORDER BY rank, p.key LIMIT 1`,
    params: { wanted: normalizeName(name), raw: name },
  };
}

export async function programByName(db: Database, name: string): Promise<ProgramRecord | null> {
  const named = programNamed(name);
  const row = await readOne<{ p: ProgramRecord }>(db, `${named.cypher} RETURN p {${PROGRAM_FIELDS}} AS p`, named.params);
  return row?.p ?? null;
}

export type MentionedLabel = "Program" | "Law" | "LawFirm" | "Person" | "UnlinkedPlace";

/** Reports that mention the node bound to `entity` (a Cypher variable), newest first: a page as one list of {item, key}. */
export function reportsMentioningPage(entity: string, year: number | null, window: PageWindow, prefix = ""): Fragment {
  return {
    cypher: `COLLECT {
       MATCH (${entity})<-[:MENTIONS]-(r:Report) ${where([year !== null && `r.year = $${prefix}year`], NEWEST_FIRST, window, prefix)}
       WITH r ORDER BY ${orderBy(NEWEST_FIRST)} ${limitOf(prefix)}
       RETURN {item: r {${REPORT_FIELDS}}, key: ${sortKeyOf(NEWEST_FIRST)}}
     }`,
    params: { [`${prefix}year`]: year, ...windowParams(window, prefix) },
  };
}

/** Reports that mention each entity, newest first. */
export async function reportsMentioning(
  db: Database,
  label: MentionedLabel,
  keys: readonly string[],
  year: number | null,
  window: PageWindow,
): Promise<Page<ReportRecord>[]> {
  const page = reportsMentioningPage("e", year, window);
  return readPageListsByKeys(db, `UNWIND $keys AS key MATCH (e:${label} {key: key}) RETURN key, ${page.cypher} AS rows`, keys, window, page.params);
}

/** How many reports mention an entity (programmes: see countReportsMentioningProgram, kept on roll-ups). */
export async function countReportsMentioning(db: Database, label: MentionedLabel, key: string, year: number | null): Promise<number> {
  return readCount(
    db,
    year === null
      ? `MATCH (e:${label} {key: $key}) RETURN COUNT { (e)<-[:MENTIONS]-(:Report) } AS count`
      : `MATCH (:${label} {key: $key})<-[:MENTIONS]-(r:Report) WHERE r.year = $year RETURN count(r) AS count`,
    { key, year },
  );
}

/** How many reports mention an entity (a place by its code): its MENTIONS degree. */
export async function countMentions(db: Database, label: MentionedLabel | "Jurisdiction", key: string): Promise<number> {
  return readCount(db, `MATCH (e:${label} {${label === "Jurisdiction" ? "code" : "key"}: $key}) RETURN COUNT { (e)<-[:MENTIONS]-(:Report) } AS count`, { key });
}

/** Each report's evidence of mentioning an entity (a place by its code, the others by key), newest report first. */
export async function mentionsOf(
  db: Database,
  label: MentionedLabel | "Jurisdiction",
  key: string,
  window: PageWindow,
): Promise<Page<MentionRecord & { report: ReportRecord }>> {
  const rows = await readRows<{ item: MentionRecord & { report: ReportRecord }; key: SortKey }>(
    db,
    `MATCH (:${label} {${label === "Jurisdiction" ? "code" : "key"}: $key})<-[m:MENTIONS]-(r:Report) ${where([], NEWEST_FIRST, window)}
     WITH r, m ORDER BY ${orderBy(NEWEST_FIRST)} LIMIT toInteger($limit)
     RETURN {reportId: r.id, count: m.count, sentences: m.sentences, starts: m.starts, ends: m.ends, report: r {${REPORT_FIELDS}}} AS item,
            ${sortKeyOf(NEWEST_FIRST)} AS key`,
    { key, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export interface EvidenceRecord {
  reportId: string;
  year: number | null;
  sentence: string;
  start: number;
  end: number;
}

/** For each (programme, places) asked for: one sentence from the newest report of each place (a code at `level`) mentioning it. */
export async function evidenceOfPrograms(
  db: Database,
  wanted: { key: string; codes: string[] }[],
  level: DivisionLevel,
  year: number | null,
): Promise<EvidenceRecord[][]> {
  const rows = await readRows<{ i: number; evidence: EvidenceRecord[] }>(
    db,
    `UNWIND range(0, size($wanted) - 1) AS i
     CALL (i) {
       UNWIND $wanted[i].codes AS code
       CALL (i, code) {
         MATCH (r:Report) WHERE r.${rollupField(level)} = code ${year !== null ? "AND r.year = $year" : ""}
         MATCH (r)-[m:MENTIONS]->(:Program {key: $wanted[i].key})
         RETURN {reportId: r.id, year: r.year, sentence: m.sentences[0], start: m.starts[0], end: m.ends[0]} AS sample
         ORDER BY ${orderBy(NEWEST_FIRST)} LIMIT 1
       }
       RETURN collect(sample) AS evidence
     }
     RETURN i, evidence`,
    { wanted, year },
  );
  const byIndex = new Map(rows.map((r) => [r.i, r.evidence]));
  return wanted.map((_, i) => byIndex.get(i) ?? []);
}
