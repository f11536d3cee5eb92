// What every resolver gets: the database (counted and bounded per request), loaders, limits, auth.
//
// Apollo Server shallow-copies the context for each operation, so whatever a resolver or plugin
// records for the HTTP layer to read afterwards lives in nested objects shared by the copies.
import type { DocumentNode } from "graphql";
import neo4j, { type BookmarkManager } from "neo4j-driver";
import type { Database } from "../graph/driver.js";
import { DEFAULT_MAX_FACTS } from "../ingest/limits.js";
import { RequestBudget } from "./guard/budget.js";
import { ApiExtractor } from "./guard/extraction.js";
import type { RequestTiming } from "./http/timing.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { PageLimits } from "./pagination.js";

export interface RequestStats {
  /** Cypher statements this request sent to Neo4j, writes included */
  roundTrips: number;
}

/** What the request's log line and metrics need to know of its answer. */
export interface RequestOutcome {
  operation: string | null;
  /** the answer's error codes, in order; empty when it had none */
  errorCodes: string[];
}

export interface RequestObservers {
  /** counts a report the API wrote or deleted, by status */
  onReportWritten?: (status: string) => void;
  /** bookmarks the request's reads must see (those of the version its answer is cached under) */
  initialBookmarks?: string[];
  /** where the request's time goes (Server-Timing) */
  timing?: RequestTiming;
}

const UNLIMITED = { maxRoundTrips: Infinity, maxRows: Infinity, requestTimeoutMs: 24 * 3600 * 1000 };

/**
 * The same database with every query and session of the request sharing one bookmark manager:
 * on a cluster, a read that follows a write in the same request waits until the server it goes
 * to has that write (read-your-writes).
 */
function withBookmarks(db: Database, bookmarks: BookmarkManager): Database {
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      if (property === "executeQuery") {
        return (query: string, parameters?: Record<string, unknown>, config?: Parameters<typeof target.executeQuery>[2]) =>
          target.executeQuery(query, parameters, { ...config, bookmarkManager: bookmarks });
      }
      if (property === "session") {
        return (config?: Parameters<typeof target.session>[0]) => target.session({ ...config, bookmarkManager: bookmarks });
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...db, driver, read: (cypher, params, options) => db.read(cypher, params, { ...options, bookmarkManager: bookmarks }) };
}

export class Context {
  readonly db: Database;
  readonly stats: RequestStats;
  /** set by the server's plugin, for the request's log line */
  readonly outcome: RequestOutcome = { operation: null, errorCodes: [] };
  /** the request's causal chain; starts after what the answer cache's version poll has seen */
  readonly bookmarks: BookmarkManager;
  /** set by the server's plugin: a query answered without errors may be replayed from the cache */
  readonly answer = { cacheable: false };
  /** the query as the HTTP layer parsed it for its checks, so that it need not be parsed twice */
  parsedQuery: DocumentNode | null = null;
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
    private readonly observers: RequestObservers = {},
  ) {
    this.stats = budget;
    this.bookmarks = neo4j.bookmarkManager({ initialBookmarks: observers.initialBookmarks ?? [] });
    this.db = budget.wrap(withBookmarks(db, this.bookmarks));
  }

  /** Counts a report the API wrote or deleted (metrics). */
  onReportWritten(status: string): void {
    this.observers.onReportWritten?.(status);
  }

  get timing(): RequestTiming | undefined {
    return this.observers.timing;
  }

  /** Per-request DataLoaders, made on first use: a request that is refused needs none. */
  get loaders(): Loaders {
    return (this.made.loaders ??= createLoaders(this.db));
  }
}
