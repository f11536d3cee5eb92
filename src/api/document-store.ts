// Apollo's cache of parsed and validated queries, keyed by the query text's hash. Apollo's own
// store sizes each entry by JSON-serialising its syntax tree, on every new query; this one
// counts the query text's length instead (a syntax tree takes a roughly fixed multiple of it),
// so a question never asked before does not pay for a serialisation it does not need.
import type { DocumentNode } from "graphql";

/** Characters of query text kept, in all: with their syntax trees, some tens of MB at most. */
const DEFAULT_MAX_CHARACTERS = 1_000_000;

export class DocumentStore {
  /** insertion order is recency order: a hit moves its entry to the end */
  private readonly entries = new Map<string, { document: DocumentNode; size: number }>();
  private characters = 0;

  constructor(private readonly maxCharacters = DEFAULT_MAX_CHARACTERS) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    const size = document.loc?.end ?? 1000;
    if (size > this.maxCharacters) return;
    await this.delete(key);
    this.entries.set(key, { document, size });
    this.characters += size;
    for (const [oldest, entry] of this.entries) {
      if (this.characters <= this.maxCharacters) break;
      this.entries.delete(oldest);
      this.characters -= entry.size;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.characters -= entry.size;
    return true;
  }

  get size(): number {
    return this.entries.size;
  }
}
