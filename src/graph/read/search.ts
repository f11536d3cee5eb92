// Full-text search over entity names and aliases (index entity_names, CJK analyzer).
import type { Database } from "../driver.js";
import { FIRM_FIELDS, LAW_FIELDS, PERSON_FIELDS } from "./firms.js";
import { JURISDICTION_FIELDS } from "./places.js";
import { PROGRAM_FIELDS } from "./programs.js";
import type { JurisdictionRecord, LawFirmRecord, LawRecord, PersonRecord, ProgramRecord, UnlinkedPlaceRecord } from "./records.js";
import { readRows } from "./run.js";
import { UNLINKED_FIELDS } from "./unlinked.js";

export type SearchLabel = "Jurisdiction" | "Program" | "Law" | "LawFirm" | "Person" | "UnlinkedPlace";

export interface SearchHitRecord {
  label: SearchLabel;
  /** the node's key: code for places, key for the others */
  key: string;
  name: string;
  score: number;
  /** the entity as its lookup reads it */
  record: JurisdictionRecord | ProgramRecord | LawRecord | LawFirmRecord | PersonRecord | UnlinkedPlaceRecord | null;
}

/** Field lists written for the variable `from`, as read of the hit's `node`. */
const asNode = (fields: string, from: string) => fields.replace(new RegExp(`\\b${from}\\.`, "g"), "node.");

/** Each hit's entity with the fields its lookup reads, so that no second statement is needed. */
const RECORD = `CASE label
       WHEN 'Jurisdiction' THEN node {${asNode(JURISDICTION_FIELDS, "j")}}
       WHEN 'Program' THEN node {${asNode(PROGRAM_FIELDS, "p")}}
       WHEN 'Law' THEN node {${asNode(LAW_FIELDS, "l")}}
       WHEN 'LawFirm' THEN node {${asNode(FIRM_FIELDS, "f")}}
       WHEN 'Person' THEN node {${asNode(PERSON_FIELDS, "p")}}
       WHEN 'UnlinkedPlace' THEN node {${asNode(UNLINKED_FIELDS, "u")}}
     END`;

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
     RETURN label, coalesce(node.key, node.code) AS key, node.name AS name, score, ${RECORD} AS record
     ORDER BY score DESC, size(node.name), key
     LIMIT toInteger($limit)`,
    { query: escapeLucene(expandShortForms(text)), labels, limit, candidates: limit * 5 },
  );
}
