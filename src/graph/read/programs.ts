// Reads about programmes: lookups, the reports that mention them and their evidence. Where a
// programme runs and which recur are read from the roll-ups (./rollups.ts).
import type { Database } from "../driver.js";
import { emptyPage, limitOf, orderBy, toPage, windowParams, type Fragment } from "./keyset.js";
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

/**
 * The reports that mention the node bound to `entity`, newest first, as rows `r, m` (at most the
 * window's limit + 1): read in order from the MENTIONS index on (target, newest, report)
 * (cypher/migrations/009_mention_order.cypher), so a page costs its size, not the entity's
 * mentions. `target` is a Cypher expression for the entity's key. From a cursor [year, id] two
 * seeks are merged: the rest of the cursor's year, then the older years.
 */
export function mentionsNewestFirst(entity: string, target: string, year: number | null, window: PageWindow, prefix = ""): Fragment | null {
  const [newest, report, yearNewest] = [`$${prefix}newest`, `$${prefix}report`, `$${prefix}yearNewest`];
  const after = window.after ? -Number(window.after[0]) : null;
  const seeks: string[] = [];
  if (after === null) seeks.push(year === null ? "m.newest <= 0" : `m.newest = ${yearNewest}`);
  else if (year === null || -year === after) seeks.push(`m.newest = ${newest} AND m.report > ${report}`, ...(year === null ? [`m.newest > ${newest}`] : []));
  else if (-year > after) seeks.push(`m.newest = ${yearNewest}`);
  if (!seeks.length) return null; // the cursor lies past the year asked for
  const order = "m.target, m.newest, m.report"; // the index's order: it is read in order and stops at the limit
  // The hint: on a large graph the planner's estimates favour expanding every mention of the entity.
  const branch = (seek: string) => `MATCH (r:Report)-[m:MENTIONS]->(${entity}) USING INDEX m:MENTIONS(target, newest, report)
         WHERE m.target = target AND ${seek} AND m.report IS NOT NULL
         RETURN r, m ORDER BY ${order} ${limitOf(prefix)}`;
  return {
    cypher: `WITH ${entity}, ${target} AS target
       CALL (${entity}, target) {
         ${seeks.map(branch).join("\n         UNION ALL\n         ")}
       }
       WITH r, m ORDER BY ${order} ${limitOf(prefix)}`,
    params: {
      [`${prefix}newest`]: after,
      [`${prefix}report`]: window.after?.[1] ?? null,
      [`${prefix}yearNewest`]: year === null ? null : -year,
      ...windowParams(window, prefix),
    },
  };
}

/** The sort key a page of mentionsNewestFirst gives out: [year (0 for none), report id], as NEWEST_FIRST's. */
const MENTION_SORT_KEY = "[-m.newest, m.report]";

/** Reports that mention the node bound to `entity` (a Cypher variable), newest first: a page as one list of {item, key}. */
export function reportsMentioningPage(entity: string, year: number | null, window: PageWindow, prefix = ""): Fragment {
  const rows = mentionsNewestFirst(entity, `${entity}.key`, year, window, prefix);
  if (!rows) return { cypher: "[]", params: {} };
  return {
    cypher: `COLLECT {
       ${rows.cypher}
       RETURN {item: r {${REPORT_FIELDS}}, key: ${MENTION_SORT_KEY}}
     }`,
    params: rows.params,
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
  const rows = mentionsNewestFirst("e", "$key", null, window);
  if (!rows) return emptyPage();
  const found = await readRows<{ item: MentionRecord & { report: ReportRecord }; key: SortKey }>(
    db,
    `MATCH (e:${label} {${label === "Jurisdiction" ? "code" : "key"}: $key})
     ${rows.cypher}
     RETURN {reportId: r.id, count: m.count, sentences: m.sentences, starts: m.starts, ends: m.ends, report: r {${REPORT_FIELDS}}} AS item,
            ${MENTION_SORT_KEY} AS key`,
    { key, ...rows.params },
  );
  return toPage(found, window);
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
