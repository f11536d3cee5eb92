// What every resolver gets: the database (counting its round trips), loaders, limits, auth.
//
// Apollo Server shallow-copies the context for each operation, so whatever a resolver or plugin
// records for the HTTP layer to read afterwards lives in nested objects shared by the copies.
import type { Database } from "../graph/driver.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { PageLimits } from "./pagination.js";

export interface RequestStats {
  /** Cypher queries this request sent to Neo4j */
  roundTrips: number;
}

/** The same database, with every executeQuery counted in stats. */
function counting(db: Database, stats: RequestStats): Database {
  const driver = new Proxy(db.driver, {
    get(target, property, receiver) {
      if (property === "executeQuery") {
        return (...args: Parameters<typeof target.executeQuery>) => {
          stats.roundTrips++;
          return target.executeQuery(...args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...db, driver };
}

export class Context {
  readonly db: Database;
  readonly stats: RequestStats = { roundTrips: 0 };
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
  ) {
    this.db = counting(db, this.stats);
  }

  /** Per-request DataLoaders, made on first use: a request that is refused needs none. */
  get loaders(): Loaders {
    return (this.made.loaders ??= createLoaders(this.db));
  }
}
