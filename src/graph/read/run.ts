// Running read queries: one place that turns driver results into plain records.
import type { Database } from "../driver.js";
import type { Page } from "./records.js";

export async function readRows<T>(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await db.driver.executeQuery(cypher, params, { database: db.database, routing: "READ" });
  return records.map((r) => r.toObject() as T);
}

/** The one row a query returns, or null. */
export async function readOne<T>(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<T | null> {
  return (await readRows<T>(db, cypher, params))[0] ?? null;
}

/**
 * A lookup batched by key: the query UNWINDs $keys AS key and returns `key` and `value`.
 * The answer has one entry per key asked for, in that order, null where nothing was found.
 */
export async function readByKeys<T>(
  db: Database,
  cypher: string,
  keys: readonly string[],
  params: Record<string, unknown> = {},
): Promise<(T | null)[]> {
  const rows = await readRows<{ key: string; value: T }>(db, cypher, { ...params, keys });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** readByKeys for a page per key: the query returns `key`, `items` and `total`. */
export async function readPagesByKeys<T>(
  db: Database,
  cypher: string,
  keys: readonly string[],
  params: Record<string, unknown> = {},
): Promise<Page<T>[]> {
  const rows = await readRows<{ key: string } & Page<T>>(db, cypher, { ...params, keys });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.map((k) => ({ items: byKey.get(k)?.items ?? [], total: byKey.get(k)?.total ?? 0 }));
}
