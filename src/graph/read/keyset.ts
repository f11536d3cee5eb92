// Keyset pagination: a page is the rows that come after the previous page's last sort key, in
// the list's order, read with LIMIT page size + 1 (the extra row only says whether more follow).
// No page reads the rows before it, and a cursor still points at the same place after inserts.
import type { Page, PageWindow, SortKey } from "./records.js";

/** One column of a list's order: a Cypher expression that is never null, and its direction. */
export interface SortColumn {
  expr: string;
  desc?: boolean;
}

export const orderBy = (columns: SortColumn[]) => columns.map((c) => `${c.expr}${c.desc ? " DESC" : ""}`).join(", ");

/** The sort key of a row as a Cypher list, returned beside each item. */
export const sortKeyOf = (columns: SortColumn[]) => `[${columns.map((c) => c.expr).join(", ")}]`;

/**
 * The condition that a row comes after $after in the order of the columns:
 * (c0 > a0) OR (c0 = a0 AND c1 > a1) OR …, with < for descending columns.
 * The first column's bound is also stated on its own, so that an index on it can seek.
 */
export function afterCondition(columns: SortColumn[], param = "$after"): string {
  const terms = columns.map((c, i) => {
    const equal = columns.slice(0, i).map((p, j) => `${p.expr} = ${param}[${j}]`);
    return [...equal, `${c.expr} ${c.desc ? "<" : ">"} ${param}[${i}]`].join(" AND ");
  });
  const first = columns[0]!;
  return `${first.expr} ${first.desc ? "<=" : ">="} ${param}[0] AND (${terms.map((t) => `(${t})`).join(" OR ")})`;
}

/**
 * WHERE conditions joined, with the keyset condition when the window has a cursor. `prefix` names
 * the window's parameters ($<prefix>after, $<prefix>limit) when one statement reads several pages.
 */
export function where(conditions: (string | null | false | undefined)[], columns: SortColumn[], window: PageWindow, prefix = ""): string {
  const all = conditions.filter((c): c is string => !!c);
  if (window.after) all.push(afterCondition(columns, `$${prefix}after`));
  return all.length ? `WHERE ${all.join(" AND ")}` : "";
}

/** The parameters a keyset query needs: the cursor and the row count to read. */
export const windowParams = (window: PageWindow, prefix = "") => ({ [`${prefix}after`]: window.after, [`${prefix}limit`]: window.limit + 1 });

/** The LIMIT of a page read with windowParams(window, prefix). */
export const limitOf = (prefix = "") => `LIMIT toInteger($${prefix}limit)`;

/** Rows read with LIMIT limit + 1 → the page. */
export function toPage<T>(rows: { item: T; key: SortKey }[], window: PageWindow): Page<T> {
  const kept = rows.slice(0, window.limit);
  return { items: kept.map((r) => r.item), keys: kept.map((r) => r.key), hasMore: rows.length > window.limit };
}

export const emptyPage = <T>(): Page<T> => ({ items: [], keys: [], hasMore: false });

/** A Cypher expression and the parameters it uses: a part one statement can be built of. */
export interface Fragment {
  cypher: string;
  params: Record<string, unknown>;
}
