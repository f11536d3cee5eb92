// Reading and clearing the whole graph, for integration tests.
import type { Database } from "../../src/graph/driver.js";

export interface GraphCounts {
  labels: Record<string, number>;
  types: Record<string, number>;
}

export async function countGraph(db: Database): Promise<GraphCounts> {
  const labels = await db.driver.executeQuery("MATCH (n) WHERE NOT n:Migration UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l");
  const types = await db.driver.executeQuery("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t");
  return {
    labels: Object.fromEntries(labels.records.map((r) => [r.get("l"), r.get("c")])),
    types: Object.fromEntries(types.records.map((r) => [r.get("t"), r.get("c")])),
  };
}

/** Removes every node but the migration records. */
export async function clearGraph(db: Database): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run("MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

/** Nodes that share a key with another node of their label: must always be empty. */
export async function duplicateKeys(db: Database): Promise<string[]> {
  const { records } = await db.driver.executeQuery(`
    UNWIND [['Report','id'],['Jurisdiction','code'],['Program','key'],['Law','key'],['LawFirm','key'],['Person','key'],['Metric','id'],['Source','path']] AS lk
    CALL (lk) {
      MATCH (n) WHERE lk[0] IN labels(n)
      WITH n[lk[1]] AS k, count(*) AS c WHERE c > 1
      RETURN lk[0] + ':' + toString(k) AS dup
    }
    RETURN dup`);
  return records.map((r) => r.get("dup") as string);
}

/** Relationships that repeat between the same two nodes with the same type and report. */
export async function duplicateRelationships(db: Database): Promise<number> {
  const { records } = await db.driver.executeQuery(`
    MATCH (a)-[r]->(b)
    WITH a, b, type(r) AS t, r.report AS report, count(*) AS c WHERE c > 1
    RETURN count(*) AS dups`);
  return records[0]!.get("dups") as number;
}
