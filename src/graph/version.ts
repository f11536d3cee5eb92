// The graph's change counter: every write that changes what queries answer bumps it, so that a
// reader holding cached answers can tell whether they still hold.
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "./driver.js";

// Run last in a write transaction, after every other lock is held: the counter is a single node
// that all writers touch, and taking it last keeps that from ordering locks into a deadlock.
const BUMP = `MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1`;

export async function bumpVersionInTx(tx: ManagedTransaction): Promise<void> {
  await tx.run(BUMP);
}

export async function readVersion(db: Database): Promise<number> {
  const { records } = await db.driver.executeQuery(
    "OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN coalesce(v.version, 0) AS version",
    {},
    { database: db.database, routing: "READ" },
  );
  return records[0]!.get("version") as number;
}
