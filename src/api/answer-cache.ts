// Whole answers to read queries, kept while the graph does not change.
//
// A request body that was answered before, with no error, for the same graph version, gets the
// same answer again without touching GraphQL or Neo4j. The version is polled from Neo4j every
// `pollMs` (a change made by another process shows within that time) and bumped at once by this
// server's own mutations. While Neo4j cannot be reached the cache is off, so answers never
// claim a database that is not there.
export interface CachedAnswer {
  status: number;
  contentType: string;
  body: string;
}

// The server's own answers end with its round-trip count, the last member of `extensions`
// (the last member of the answer); only then can the count be swapped without parsing.
const TRAILING_ROUND_TRIPS = /"cypherRoundTrips":\d+\}\}\n?$/;

/**
 * The answer as the cache replays it: marked as cached, with no round trips of its own.
 * On the uncached path, so the usual shape is edited as text (an unescaped `"` cannot occur
 * inside a JSON string, so the match is the key itself); any other shape is parsed.
 */
export function asCachedBody(body: string): string {
  const at = body.search(TRAILING_ROUND_TRIPS);
  if (at >= 0 && !body.includes('"cached":')) {
    return `${body.slice(0, at)}"cypherRoundTrips":0,"cached":true}}`;
  }
  const json = JSON.parse(body) as { extensions?: Record<string, unknown> };
  json.extensions = { ...json.extensions, cypherRoundTrips: 0, cached: true };
  return JSON.stringify(json);
}

export interface AnswerCacheOptions {
  /** entries kept at most; the least recently used go first */
  maxEntries: number;
  /** characters of answers kept at most, all entries together */
  maxTotalLength: number;
  /** request bodies longer than this are not cached */
  maxKeyLength: number;
  pollMs: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private totalLength = 0;
  private version: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** readVersion: the graph's current version (readVersion in graph/version.ts, given a database) */
  constructor(
    private readonly readVersion: () => Promise<number>,
    private readonly options: AnswerCacheOptions,
  ) {}

  /** Starts following the graph's version. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    try {
      const version = await this.readVersion();
      if (version !== this.version) this.clear();
      this.version = version;
    } catch {
      this.clear();
      this.version = null; // off until Neo4j answers again
    }
  }

  private clear(): void {
    this.entries.clear();
    this.totalLength = 0;
  }

  /** The graph changed here: drop everything now rather than at the next poll. */
  invalidate(): void {
    this.clear();
    this.version = null;
    void this.poll();
  }

  get(body: string): CachedAnswer | undefined {
    if (this.version === null) return undefined;
    const hit = this.entries.get(body);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as recently used.
      this.entries.delete(body);
      this.entries.set(body, hit);
    }
    return hit;
  }

  /** Keeps an answer computed at `version` (the version seen before computing it). */
  set(body: string, answer: CachedAnswer, version: number | null): void {
    if (version === null || version !== this.version || body.length > this.options.maxKeyLength) return;
    const length = body.length + answer.body.length;
    if (length > this.options.maxTotalLength / 16 || this.entries.has(body)) return; // one answer takes at most 1/16 of the room
    this.entries.set(body, answer);
    this.totalLength += length;
    while (this.entries.size > this.options.maxEntries || this.totalLength > this.options.maxTotalLength) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.totalLength -= oldestKey.length + oldest.body.length;
    }
  }

  /** The version answers computed now belong to. */
  get currentVersion(): number | null {
    return this.version;
  }
}
