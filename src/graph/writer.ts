// Writes reports into Neo4j: one transaction per batch, UNWIND … MERGE per kind of row.
//
// A report's facts are written only by the transaction that creates its Report node, so
// re-ingesting the same text changes nothing and two processes ingesting the same file at once
// cannot both write it (the Report key constraint makes the second wait, then find it).
import type { ManagedTransaction } from "neo4j-driver";
import type { ReportExtraction } from "../extract/types.js";
import type { Database } from "./driver.js";
import { addReportRows, emptyRows, type EntityLabel, type GraphRows } from "./rows.js";
import { deleteReportsInTx } from "./delete.js";

export type WriteStatus = "new" | "unchanged" | "updated";

export interface ReportInput {
  extraction: ReportExtraction;
  /** the file it came from (absolute path or a caller's name); null: no source to track */
  source: string | null;
}

export interface BatchResult {
  reports: WriteResult[];
  /** nodes and relationships this batch created */
  created: { nodes: number; relationships: number };
}

export interface WriteResult {
  id: string;
  source: string | null;
  status: WriteStatus;
  /** ids of earlier versions from the same source that this one replaced */
  replaced: string[];
}

const CREATE_REPORTS = `
UNWIND $reports AS rep
MERGE (r:Report {id: rep.id})
  ON CREATE SET r += rep.props, r.ingestedAt = datetime(), r.writtenBy = $token
RETURN rep.id AS id, r.writtenBy = $token AS created`;

// A source path points at one report: the newest text read from it.
const LINK_SOURCES = `
UNWIND $sources AS s
MERGE (src:Source {path: s.path})
WITH src, s
OPTIONAL MATCH (src)-[old:OF]->(previous:Report) WHERE previous.id <> s.id
DELETE old
WITH src, s, collect(previous.id) AS replaced
MATCH (r:Report {id: s.id})
MERGE (src)-[:OF]->(r)
RETURN s.id AS id, replaced`;

const ORPHANED_BY_SOURCE = `
UNWIND $ids AS id
MATCH (r:Report {id: id}) WHERE NOT (r)<-[:OF]-(:Source)
RETURN r.id AS id`;

const MERGE_JURISDICTIONS = `
UNWIND $rows AS row
MERGE (j:Jurisdiction {code: row.code})
  ON CREATE SET j.name = row.name, j.level = row.level, j.provinceCode = row.provinceCode,
                j.cityCode = row.cityCode, j.districtCode = row.districtCode, j.townshipCode = row.townshipCode`;

const MERGE_PART_OF = `
UNWIND $rows AS row
MATCH (child:Jurisdiction {code: row.code}), (parent:Jurisdiction {code: row.parentCode})
MERGE (child)-[:PART_OF]->(parent)`;

// Labels are fixed per query (not parameters) so that each MERGE uses its key constraint.
const mergeEntities = (label: string) => `
UNWIND $rows AS row
MERGE (e:${label} {key: row.key})
  ON CREATE SET e.name = row.name, e.aliases = row.aliases, e.category = row.category, e.role = row.role
  ON MATCH SET e.aliases = reduce(acc = coalesce(e.aliases, []), a IN row.aliases |
                                  CASE WHEN a IN acc THEN acc ELSE acc + a END)
  // The full-text index reads strings only, so the aliases are also kept as one text.
  SET e.aliasText = reduce(t = '', a IN e.aliases | t + ' ' + a)`;

const createMentions = (label: EntityLabel) => `
UNWIND $rows AS row
MATCH (r:Report {id: row.report}), (e:${label} {${label === "Jurisdiction" ? "code" : "key"}: row.key})
CREATE (r)-[:MENTIONS {count: row.count, sentences: row.sentences, starts: row.starts, ends: row.ends}]->(e)`;

const CREATE_ABOUT = `
UNWIND $rows AS row
MATCH (r:Report {id: row.report}), (j:Jurisdiction {code: row.code})
CREATE (r)-[:ABOUT]->(j)`;

const CREATE_METRICS = `
UNWIND $rows AS row
MATCH (r:Report {id: row.report})
CREATE (r)-[:STATES]->(m:Metric {id: row.id, key: row.key, value: row.value, unit: row.unit,
  qualifier: row.qualifier, year: row.year, sentence: row.sentence, start: row.start, end: row.end})
WITH m, row WHERE row.subject IS NOT NULL
MATCH (j:Jurisdiction {code: row.subject})
CREATE (m)-[:OF]->(j)`;

const CREATE_ADVISES = `
UNWIND $rows AS row
MATCH (f:LawFirm {key: row.firm}), (j:Jurisdiction {code: row.code})
MERGE (f)-[a:ADVISES {report: row.report}]->(j)
  ON CREATE SET a.year = row.year`;

const MERGE_WORKS_AT = `
UNWIND $rows AS row
MATCH (p:Person {key: row.person}), (f:LawFirm {key: row.firm})
MERGE (p)-[:WORKS_AT]->(f)`;

const FINISH_REPORTS = `
UNWIND $ids AS id
MATCH (r:Report {id: id})
REMOVE r.writtenBy`;

const ENTITY_LABELS = ["Program", "Law", "LawFirm", "Person"] as const;
const MENTION_LABELS: EntityLabel[] = ["Jurisdiction", ...ENTITY_LABELS];

/** Sorted rows take locks in one order across transactions, which keeps deadlocks rare. */
const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

async function writeFacts(tx: ManagedTransaction, rows: GraphRows, created: BatchResult["created"]): Promise<void> {
  const run = async (query: string, list: unknown[]) => {
    if (!list.length) return;
    const updates = (await tx.run(query, { rows: list })).summary.counters.updates();
    created.nodes += updates.nodesCreated;
    created.relationships += updates.relationshipsCreated;
  };
  const places = byKey(rows.jurisdictions, (j) => j.code);
  await run(MERGE_JURISDICTIONS, places);
  await run(MERGE_PART_OF, places.filter((j) => j.parentCode));
  for (const label of ENTITY_LABELS) await run(mergeEntities(label), byKey(rows.entities[label], (e) => e.key));
  for (const label of MENTION_LABELS) await run(createMentions(label), rows.mentions[label]);
  await run(CREATE_ABOUT, rows.about);
  await run(CREATE_METRICS, rows.metrics);
  await run(CREATE_ADVISES, rows.advises);
  await run(MERGE_WORKS_AT, rows.worksAt);
}

/** Writes a batch of reports in one transaction: all of them, or (on error) none. */
export async function writeReports(db: Database, inputs: ReportInput[]): Promise<BatchResult> {
  // The same text twice in one batch is one report.
  const unique = [...new Map(inputs.map((i) => [i.extraction.textHash, i])).values()];
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite(async (tx) => {
      const token = `${process.pid}:${Date.now()}:${Math.random()}`;
      const createdCount = { nodes: 0, relationships: 0 };
      const reportRows = emptyRows();
      for (const input of unique) addReportRows(reportRows, input.extraction, input.source);
      const created = await tx.run(CREATE_REPORTS, { reports: byKey(reportRows.reports, (r) => r.id), token });
      createdCount.nodes += created.summary.counters.updates().nodesCreated;
      const isNew = new Set(created.records.filter((r) => r.get("created")).map((r) => r.get("id") as string));

      const sources = inputs.filter((i) => i.source).map((i) => ({ path: i.source, id: i.extraction.textHash }));
      const linked = sources.length ? await tx.run(LINK_SOURCES, { sources: byKey(sources, (s) => s.path!) }) : null;
      const replacedBy = new Map<string, string[]>();
      for (const record of linked?.records ?? []) replacedBy.set(record.get("id"), record.get("replaced"));
      const candidates = [...new Set([...replacedBy.values()].flat())];
      const orphaned = candidates.length
        ? (await tx.run(ORPHANED_BY_SOURCE, { ids: candidates })).records.map((r) => r.get("id") as string)
        : [];
      if (orphaned.length) await deleteReportsInTx(tx, orphaned);

      const factRows = emptyRows();
      for (const input of unique) if (isNew.has(input.extraction.textHash)) addReportRows(factRows, input.extraction, input.source);
      await writeFacts(tx, factRows, createdCount);
      if (isNew.size) await tx.run(FINISH_REPORTS, { ids: [...isNew] });

      const reported = new Set<string>();
      const reports = inputs.map((input) => {
        const id = input.extraction.textHash;
        const replaced = (replacedBy.get(id) ?? []).filter((r) => orphaned.includes(r));
        const first = !reported.has(id);
        reported.add(id);
        const status: WriteStatus = !isNew.has(id) || !first ? "unchanged" : replaced.length ? "updated" : "new";
        return { id, source: input.source, status, replaced };
      });
      return { reports, created: createdCount };
    });
  } finally {
    await session.close();
  }
}
