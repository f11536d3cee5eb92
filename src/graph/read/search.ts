// Full-text search over entity names and aliases (index entity_names, CJK analyzer).
import type { Database } from "../driver.js";
import { readRows } from "./run.js";

export type SearchLabel = "Jurisdiction" | "Program" | "Law" | "LawFirm" | "Person" | "UnlinkedPlace";

export interface SearchHitRecord {
  label: SearchLabel;
  /** the node's key: code for places, key for the others */
  key: string;
  name: string;
  score: number;
}

/**
 * User text as a Lucene query that searches for it as text: syntax characters escaped, and the
 * operators AND, OR, NOT (only upper case is an operator) turned into the plain words they are
 * to the user (the index lower-cases words anyway).
 */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&").replace(/\b(AND|OR|NOT)\b/g, (word) => word.toLowerCase());
}

/**
 * The short forms the lookups accept, spelled out, so that search finds what lawFirm() finds:
 * 律所 for 律师事务所 (the index holds character pairs, and 律所 is none of 律师事务所's), and
 * without quotes or book-title marks.
 */
export function expandShortForms(text: string): string {
  const expanded = text.normalize("NFKC").replace(/[\s"'“”‘’「」『』《》〈〉]+/g, " ").replace(/律所/g, "律师事务所").trim();
  return expanded || text;
}

export async function searchEntities(db: Database, text: string, labels: SearchLabel[], limit: number): Promise<SearchHitRecord[]> {
  return readRows<SearchHitRecord>(
    db,
    `CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($candidates)}) YIELD node, score
     WITH node, score, [l IN labels(node) WHERE l IN $labels][0] AS label
     WHERE label IS NOT NULL
     RETURN label, coalesce(node.key, node.code) AS key, node.name AS name, score
     ORDER BY score DESC, size(node.name), key
     LIMIT toInteger($limit)`,
    { query: escapeLucene(expandShortForms(text)), labels, limit, candidates: limit * 5 },
  );
}
