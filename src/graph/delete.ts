// Removing reports: a report goes with its own facts (metrics, mentions, advice statements);
// shared entities stay while any report still mentions them, and orphans go.
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "./driver.js";
import { applyContributions, contributionsOfReports } from "./rollups.js";
import { bumpVersionInTx } from "./version.js";

const DELETE_REPORTS = `
UNWIND $ids AS id
MATCH (r:Report {id: id})
OPTIONAL MATCH (r)-[:STATES]->(m:Metric)
DETACH DELETE m
WITH DISTINCT r
OPTIONAL MATCH (r)-[:MENTIONS|ABOUT]->(e)
WITH r, collect(DISTINCT elementId(e)) AS touched
OPTIONAL MATCH ()-[a:ADVISES {report: r.id}]->()
DELETE a
WITH r, touched
OPTIONAL MATCH (r)<-[:OF]-(src:Source)
DETACH DELETE src
WITH r, touched
DETACH DELETE r
RETURN touched`;

// Entities that no report mentions any more. A firm takes its ADVISES and WORKS_AT with it.
const DELETE_UNMENTIONED = `
UNWIND $ids AS eid
MATCH (e) WHERE elementId(e) = eid AND (e:Program OR e:Law OR e:LawFirm OR e:Person OR e:UnlinkedPlace)
  AND NOT (e)<-[:MENTIONS]-(:Report)
OPTIONAL MATCH (alias)-[:NAMES]->(e)
WITH e, collect(alias) AS aliases
DETACH DELETE e
WITH aliases UNWIND aliases AS alias
WITH DISTINCT alias WHERE NOT (alias)-[:NAMES]->()
DELETE alias`;

// A place goes when nothing refers to it and no place below it is left; then its parent is asked.
const DELETE_UNUSED_PLACES = `
UNWIND $ids AS eid
MATCH (j:Jurisdiction) WHERE elementId(j) = eid
  AND NOT (j)<-[:MENTIONS|ABOUT|OF|ADVISES|PART_OF]-()
OPTIONAL MATCH (j)-[:PART_OF]->(parent:Jurisdiction)
WITH j, collect(elementId(parent)) AS parents
DETACH DELETE j
RETURN parents`;

/** Deletes the reports and what only they held, inside the caller's transaction. */
export async function deleteReportsInTx(tx: ManagedTransaction, ids: string[]): Promise<number> {
  await applyContributions(tx, await contributionsOfReports(tx, ids), -1);
  const deleted = await tx.run(DELETE_REPORTS, { ids });
  const touched = [...new Set(deleted.records.flatMap((r) => r.get("touched") as string[]))];
  if (touched.length) await tx.run(DELETE_UNMENTIONED, { ids: touched });
  let places = touched;
  while (places.length) {
    const removed = await tx.run(DELETE_UNUSED_PLACES, { ids: places });
    places = [...new Set(removed.records.flatMap((r) => r.get("parents") as string[]))];
  }
  return deleted.records.length;
}

/** Deletes one report by id; false when there is none. */
export async function deleteReport(db: Database, id: string): Promise<boolean> {
  const session = db.driver.session({ database: db.database });
  try {
    const deleted = await session.executeWrite(async (tx) => {
      const count = await deleteReportsInTx(tx, [id]);
      if (count) await bumpVersionInTx(tx);
      return count;
    });
    return deleted > 0;
  } finally {
    await session.close();
  }
}
