// What every resolver gets: the database (counted and bounded per request), loaders, limits, auth.
//
// Apollo Server shallow-copies the context for each operation, so whatever a resolver or plugin
// records for the HTTP layer to read afterwards lives in nested objects shared by the copies.
import type { Database } from "../graph/driver.js";
import { DEFAULT_MAX_FACTS } from "../ingest/limits.js";
import { RequestBudget } from "./guard/budget.js";
import { ApiExtractor } from "./guard/extraction.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { PageLimits } from "./pagination.js";

export interface RequestStats {
  /** Cypher statements this request sent to Neo4j, writes included */
  roundTrips: number;
}

const UNLIMITED = { maxRoundTrips: Infinity, maxRows: Infinity, requestTimeoutMs: 24 * 3600 * 1000 };

export class Context {
  readonly db: Database;
  readonly stats: RequestStats;
  /** set by the server's plugin: a query answered without errors may be replayed from the cache */
  readonly answer = { cacheable: false };
  private readonly made: { loaders?: Loaders } = {};

  constructor(
    db: Database,
    readonly limits: PageLimits,
    /** true when the request carried the configured API key */
    readonly authorized: boolean,
    /** runs after a write, so cached answers are dropped */
    readonly onWrite: () => void,
    /** counts and limits every statement the request sends (see guard/budget.ts) */
    budget: RequestBudget = new RequestBudget(UNLIMITED),
    /** extracts ingestReport's text off the event loop (see guard/extraction.ts) */
    readonly extractor: ApiExtractor = new ApiExtractor(DEFAULT_MAX_FACTS),
  ) {
    this.stats = budget;
    this.db = budget.wrap(db);
  }

  /** Per-request DataLoaders, made on first use: a request that is refused needs none. */
  get loaders(): Loaders {
    return (this.made.loaders ??= createLoaders(this.db));
  }
}
