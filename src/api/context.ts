// What every resolver gets: the database (counting its round trips), loaders, limits, auth.
//
// Apollo Server shallow-copies the context for each operation, so whatever a resolver or plugin
// records for the HTTP layer to read afterwards lives in nested objects shared by the copies.
import neo4j, { type BookmarkManager } from "neo4j-driver";
import type { Database } from "../graph/driver.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { PageLimits } from "./pagination.js";

export interface RequestStats {
  /** Cypher queries this request sent to Neo4j */
  roundTrips: number;
  /** the operation's name and the answer's error codes, for the request's log line */
  operation: string | null;
  errorCodes: string[];
}

/**
 * The same database, with every executeQuery counted in stats, and every query and session of
 * the request sharing one bookmark manager: on a cluster, a read that follows a write in the same
 * request waits until the server it goes to has that write (read-your-writes).
 */
function forRequest(db: Database, stats: RequestStats, bookmarks: BookmarkManager): Database {
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      if (property === "executeQuery") {
        return (query: string, parameters?: Record<string, unknown>, config?: Parameters<typeof target.executeQuery>[2]) => {
          stats.roundTrips++;
          return target.executeQuery(query, parameters, { ...config, bookmarkManager: bookmarks });
        };
      }
      if (property === "session") {
        return (config?: Parameters<typeof target.session>[0]) => target.session({ ...config, bookmarkManager: bookmarks });
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...db, driver };
}

export class Context {
  readonly db: Database;
  readonly stats: RequestStats = { roundTrips: 0, operation: null, errorCodes: [] };
  /** the request's causal chain; starts after what the answer cache's version poll has seen */
  readonly bookmarks: BookmarkManager;
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
    /** counts a report the API wrote or deleted, by status */
    readonly onReportWritten: (status: string) => void = () => {},
    /** bookmarks the request's reads must see (those of the version its answer is cached under) */
    initialBookmarks: string[] = [],
  ) {
    this.bookmarks = neo4j.bookmarkManager({ initialBookmarks });
    this.db = forRequest(db, this.stats, this.bookmarks);
  }

  /** Per-request DataLoaders, made on first use: a request that is refused needs none. */
  get loaders(): Loaders {
    return (this.made.loaders ??= createLoaders(this.db));
  }
}
