// Running read queries: one place that turns driver results into plain records.
import type { Database } from "../driver.js";

export async function readRows<T>(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await db.driver.executeQuery(cypher, params, { database: db.database, routing: "READ" });
  return records.map((r) => r.toObject() as T);
}

/** The one row a query returns, or null. */
export async function readOne<T>(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<T | null> {
  return (await readRows<T>(db, cypher, params))[0] ?? null;
}
