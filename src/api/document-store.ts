// Apollo's cache of parsed and validated queries, keyed by the query text's hash. Apollo's default
// store sizes each entry by JSON-serialising its syntax tree, on every new query; this one is the
// same LRU cache sized by the query text's length instead (a syntax tree takes a roughly fixed
// multiple of it), so a question never asked before does not pay for a serialisation it does not need.
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";

/** Characters of query text kept, in all: with their syntax trees, some tens of MB at most. */
const DEFAULT_MAX_CHARACTERS = 1_000_000;

export class DocumentStore extends InMemoryLRUCache<DocumentNode> {
  constructor(maxCharacters = DEFAULT_MAX_CHARACTERS) {
    super({ maxSize: maxCharacters, sizeCalculation: (document) => document.loc?.end ?? 1000 });
  }

  /** how many queries are kept */
  get size(): number {
    return this.keys().length;
  }
}
