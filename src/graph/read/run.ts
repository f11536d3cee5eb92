// Running read queries: one place that turns driver results into plain records.
import type { Database } from "../driver.js";
import { toPage, windowParams } from "./keyset.js";
import type { Page, PageWindow, SortKey } from "./records.js";

export async function readRows<T>(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const records = await db.read(cypher, params);
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

/** A count query's one number (the query returns `count`). */
export async function readCount(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  return (await readOne<{ count: number }>(db, cypher, params))?.count ?? 0;
}

/**
 * readByKeys for a page per key: the query UNWINDs $keys AS key, reads up to $limit rows per key
 * (page size + 1) and returns `key`, `item` and `key` of the sort; rows come back per key in order.
 */
export async function readPagesByKeys<T>(
  db: Database,
  cypher: string,
  keys: readonly string[],
  window: PageWindow,
  params: Record<string, unknown> = {},
): Promise<Page<T>[]> {
  const rows = await readRows<{ key: string; item: T; sortKey: SortKey }>(db, cypher, { ...params, keys, ...windowParams(window) });
  const byKey = new Map<string, { item: T; key: SortKey }[]>();
  for (const row of rows) {
    if (!byKey.has(row.key)) byKey.set(row.key, []);
    byKey.get(row.key)!.push({ item: row.item, key: row.sortKey });
  }
  return keys.map((k) => toPage(byKey.get(k) ?? [], window));
}

/**
 * readByKeys for a page per key where the query returns, per key, `key` and `rows`: the page as
 * one list of {item, key} (a COLLECT subquery of LIMIT page size + 1).
 */
export async function readPageListsByKeys<T>(
  db: Database,
  cypher: string,
  keys: readonly string[],
  window: PageWindow,
  params: Record<string, unknown> = {},
): Promise<Page<T>[]> {
  const rows = await readRows<{ key: string; rows: { item: T; key: SortKey }[] }>(db, cypher, { ...params, keys });
  const byKey = new Map(rows.map((r) => [r.key, r.rows]));
  return keys.map((k) => toPage(byKey.get(k) ?? [], window));
}
