// Writes reports into Neo4j: one transaction per batch, UNWIND … MERGE per kind of row.
//
// A report's facts are written only by the transaction that creates its Report node, so
// re-ingesting the same text changes nothing and two processes ingesting the same file at once
// cannot both write it (the Report key constraint makes the second wait, then find it).
import type { ManagedTransaction } from "neo4j-driver";
import type { ReportExtraction } from "../extract/types.js";
import type { ReportSource } from "../io/document.js";
import type { Database } from "./driver.js";
import { GraphBatch, NAMED_LABELS, type NamedLabel } from "./rows.js";
import { deleteReportsInTx } from "./delete.js";
import { primaryInputs, provenanceProps, refreshSources } from "./provenance.js";
import { applyContributions, contributionsOfBatch, rollupsMoved } from "./rollups.js";
import { bumpVersionInTx } from "./version.js";

/**
 * new: a text not in the graph before; updated: a new text from a source that held another one,
 * or a report already there whose source file or URL this input changed; unchanged: neither.
 */
export type WriteStatus = "new" | "unchanged" | "updated";

export interface ReportInput {
  extraction: ReportExtraction;
  /** the file it came from (absolute path or a caller's name); null: no source to track */
  source: string | null;
  /** the text the extraction's offsets refer to, kept so that evidence can be shown in context */
  text?: string | null;
  /** where and how the report was read (format, encoding, URL, title …) */
  provenance?: ReportSource | null;
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

/**
 * The tail of a statement that merged `node` from `row`: links it to each report that mentions it.
 * Each MENTIONS also holds what orders an entity's reports newest first through an index
 * (cypher/migrations/009_mention_order.cypher): the entity's key, minus the year, the report's id.
 */
const linkMentions = (node: string, key = "key") => `WITH ${node}, row
UNWIND row.mentions AS m
MATCH (r:Report {id: m.report})
CREATE (r)-[:MENTIONS {count: m.count, sentences: m.sentences, starts: m.starts, ends: m.ends,
  target: ${node}.${key}, newest: -coalesce(r.year, 0.0), report: r.id}]->(${node})`;

// Places come with the batch's mentions of them; ancestors have none.
const MERGE_PLACES = `
UNWIND $rows AS row
MERGE (j:Jurisdiction {code: row.code})
  ON CREATE SET j.name = row.name, j.level = row.level, j.provinceCode = row.provinceCode,
                j.cityCode = row.cityCode, j.districtCode = row.districtCode, j.townshipCode = row.townshipCode
${linkMentions("j", "code")}`;

const MERGE_PART_OF = `
UNWIND $rows AS row
MATCH (child:Jurisdiction {code: row.code}), (parent:Jurisdiction {code: row.parentCode})
MERGE (child)-[:PART_OF]->(parent)`;

// One entity per row, with every report of the batch that mentions it. Labels are fixed per
// query (not parameters) so that each MERGE uses its key constraint. Aliases are written only
// when there is a new one: rewriting them would rewrite the full-text index entry too.
const mergeNamed = (label: NamedLabel) => `
UNWIND $rows AS row
MERGE (e:${label} {key: row.key})
  ON CREATE SET e.name = row.name, e.category = row.category, e.role = row.role
WITH e, row, coalesce(e.aliases, []) AS known
WITH e, row, known, [a IN row.aliases WHERE NOT a IN known] AS fresh
FOREACH (_ IN CASE WHEN size(fresh) > 0 OR e.aliases IS NULL THEN [1] ELSE [] END |
  SET e.aliases = known + fresh, e.aliasText = reduce(t = '', a IN known + fresh | t + ' ' + a))${aliasNodes(label)}
${linkMentions("e")}`;

// Programme and law aliases are also lookup nodes (by unique name), so that a name finds its
// entity through an index rather than by scanning every alias list.
const ALIAS_LABEL: Partial<Record<NamedLabel, string>> = { Program: "ProgramAlias", Law: "LawAlias" };
const aliasNodes = (label: NamedLabel) =>
  ALIAS_LABEL[label] ? `\nFOREACH (alias IN fresh | MERGE (a:${ALIAS_LABEL[label]} {name: alias}) MERGE (a)-[:NAMES]->(e))` : "";

// Each report's own facts: the place that wrote it, its figures, the advice it reports. They are
// CREATEd, not merged: only the transaction that created the Report writes them, and the rows hold
// each firm-place pair once (a MERGE on ADVISES would scan every report's advice: its key is a
// relationship property).
const CREATE_REPORT_FACTS = `
UNWIND $rows AS row
MATCH (r:Report {id: row.id})
CALL (r, row) {
  WITH r, row WHERE row.subject IS NOT NULL
  MATCH (j:Jurisdiction {code: row.subject})
  CREATE (r)-[:ABOUT]->(j)
}
CALL (r, row) {
  UNWIND row.metrics AS mr
  CREATE (r)-[:STATES]->(m:Metric {id: mr.id, key: mr.key, value: mr.value, unit: mr.unit,
    baseValue: mr.baseValue, baseUnit: mr.baseUnit, kind: mr.kind, qualifier: mr.qualifier, year: mr.year, sentence: mr.sentence, start: mr.start, end: mr.end})
  WITH m, mr WHERE mr.subject IS NOT NULL
  MATCH (j:Jurisdiction {code: mr.subject})
  CREATE (m)-[:OF]->(j)
}
CALL (r, row) {
  UNWIND row.advises AS a
  MATCH (f:LawFirm {key: a.firm}), (j:Jurisdiction {code: a.code})
  CREATE (f)-[:ADVISES {report: r.id, year: a.year}]->(j)
}`;

// Place names without a code: their own label, so that they never merge with a coded place.
const MERGE_UNLINKED_PLACES = `
UNWIND $rows AS row
MERGE (u:UnlinkedPlace {key: row.key})
  ON CREATE SET u.name = row.name, u.kind = row.kind, u.level = row.level, u.within = row.within, u.candidates = row.candidates
${linkMentions("u")}`;

const MERGE_WORKS_AT = `
UNWIND $rows AS row
MATCH (p:Person {key: row.person}), (f:LawFirm {key: row.firm})
MERGE (p)-[:WORKS_AT]->(f)`;

const FINISH_REPORTS = `
UNWIND $ids AS id
MATCH (r:Report {id: id})
REMOVE r.writtenBy`;

/**
 * Sends the statements one after another without waiting for each answer (the driver
 * pipelines them; the server runs them in order), and adds up what they created.
 */
async function writeFacts(tx: ManagedTransaction, batch: GraphBatch, created: BatchResult["created"]): Promise<void> {
  const places = batch.jurisdictions();
  const statements: [string, unknown[]][] = [
    [MERGE_PLACES, places],
    [MERGE_PART_OF, places.filter((j) => j.parentCode)],
    ...NAMED_LABELS.map((label): [string, unknown[]] => [mergeNamed(label), batch.entities(label)]),
    [CREATE_REPORT_FACTS, batch.reportFacts()],
    [MERGE_WORKS_AT, batch.worksAt()],
    [MERGE_UNLINKED_PLACES, batch.unlinkedPlaces()],
  ];
  const results = statements.filter(([, rows]) => rows.length).map(([query, rows]) => tx.run(query, { rows }));
  for (const result of await Promise.all(results)) {
    const updates = result.summary.counters.updates();
    created.nodes += updates.nodesCreated;
    created.relationships += updates.relationshipsCreated;
  }
}

/** How often a batch is written again after another writer changed its roll-ups under it. */
const ROLLUP_ATTEMPTS = 5;

/** Writes a batch of reports in one transaction: all of them, or (on error) none. */
export async function writeReports(db: Database, inputs: ReportInput[]): Promise<BatchResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeReportsOnce(db, inputs);
    } catch (error) {
      if (attempt >= ROLLUP_ATTEMPTS || !rollupsMoved(error)) throw error;
    }
  }
}

async function writeReportsOnce(db: Database, inputs: ReportInput[]): Promise<BatchResult> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite(async (tx) => {
      const token = `${process.pid}:${Date.now()}:${Math.random()}`;
      const createdCount = { nodes: 0, relationships: 0 };
      const all = new GraphBatch();
      for (const input of inputs) all.add(input.extraction, input.source);
      const inputOf = primaryInputs(inputs);
      const reportRows = all.reports().map((r) => ({ ...r, props: { ...r.props, ...provenanceProps(inputOf.get(r.id)) } }));
      const created = await tx.run(CREATE_REPORTS, { reports: reportRows, token });
      createdCount.nodes += created.summary.counters.updates().nodesCreated;
      const isNew = new Set(created.records.filter((r) => r.get("created")).map((r) => r.get("id") as string));

      const sources = inputs.filter((i) => i.source).map((i) => ({ path: i.source!, id: i.extraction.textHash }));
      sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const linked = sources.length ? await tx.run(LINK_SOURCES, { sources }) : null;
      const replacedBy = new Map<string, string[]>();
      for (const record of linked?.records ?? []) replacedBy.set(record.get("id"), record.get("replaced"));
      const candidates = [...new Set([...replacedBy.values()].flat())];
      const orphaned = candidates.length
        ? (await tx.run(ORPHANED_BY_SOURCE, { ids: candidates })).records.map((r) => r.get("id") as string)
        : [];
      if (orphaned.length) await deleteReportsInTx(tx, orphaned);
      // Files and URLs of reports already there (or read from several files): see provenance.ts.
      const refreshed = await refreshSources(tx, inputs, candidates.filter((id) => !orphaned.includes(id)));

      const fresh = new GraphBatch();
      for (const input of inputs) if (isNew.has(input.extraction.textHash)) fresh.add(input.extraction, input.source);
      await writeFacts(tx, fresh, createdCount);
      await applyContributions(tx, contributionsOfBatch(fresh), 1);
      if (isNew.size) await tx.run(FINISH_REPORTS, { ids: [...isNew] });
      if (isNew.size || orphaned.length || refreshed.changed) await bumpVersionInTx(tx);

      const reported = new Set<string>();
      const reports = inputs.map((input, i) => {
        const id = input.extraction.textHash;
        const replaced = (replacedBy.get(id) ?? []).filter((r) => orphaned.includes(r));
        const first = !reported.has(id);
        reported.add(id);
        let status: WriteStatus = "unchanged";
        if (isNew.has(id) && first) status = replaced.length ? "updated" : "new";
        else if (!isNew.has(id) && refreshed.inputs.has(i)) status = "updated";
        return { id, source: input.source, status, replaced };
      });
      return { reports, created: createdCount };
    });
  } finally {
    await session.close();
  }
}
