// Apollo's cache of parsed and validated queries, keyed by the query text's hash. Apollo's default
// store sizes each entry by JSON-serialising its syntax tree, on every new query; this one is the
// same LRU cache sized by the query text's length instead (a syntax tree takes a roughly fixed
// multiple of it), so a question never asked before does not pay for a serialisation it does not need.
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";

/** Characters of query text kept, in all: with their syntax trees, some tens of MB at most. */
const DEFAULT_MAX_CHARACTERS = 1_000_000;

/** Documents vouched for and not yet taken: each is taken by the request that vouched for it, at once. */
const MAX_VOUCHED = 1000;

export class DocumentStore extends InMemoryLRUCache<DocumentNode> {
  private readonly vouched = new Map<string, DocumentNode>();

  constructor(maxCharacters = DEFAULT_MAX_CHARACTERS) {
    super({ maxSize: maxCharacters, sizeCalculation: (document) => document.loc?.end ?? 1000 });
  }

  /**
   * Hands Apollo a document already parsed and known to be valid (guard/query-shape.ts), for the
   * one request whose query text has this hash: Apollo looks its query up here, by the hash
   * (after a prefix of its own), before parsing and validating, and skips both when it finds it.
   */
  vouch(queryHash: string, document: DocumentNode): void {
    if (this.vouched.size >= MAX_VOUCHED) this.vouched.clear();
    this.vouched.set(queryHash, document);
  }

  override async get(key: string): Promise<DocumentNode | undefined> {
    const hash = key.slice(key.lastIndexOf(":") + 1);
    const vouched = this.vouched.get(hash);
    if (vouched) {
      this.vouched.delete(hash);
      return vouched;
    }
    return super.get(key);
  }

  /** how many queries are kept */
  get size(): number {
    return this.keys().length;
  }
}
