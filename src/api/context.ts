// What every resolver gets: the database (counting its round trips), loaders, limits, auth.
import type { Database } from "../graph/driver.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { PageLimits } from "./pagination.js";

export interface RequestStats {
  /** Cypher queries this request sent to Neo4j */
  roundTrips: number;
}

export interface Context {
  db: Database;
  loaders: Loaders;
  limits: PageLimits;
  /** true when the request carried the configured API key */
  authorized: boolean;
  stats: RequestStats;
  /** runs after a write, so cached answers are dropped */
  onWrite: () => void;
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

export function createContext(options: {
  db: Database;
  limits: PageLimits;
  authorized: boolean;
  onWrite: () => void;
}): Context {
  const stats: RequestStats = { roundTrips: 0 };
  const db = counting(options.db, stats);
  return { db, loaders: createLoaders(db), limits: options.limits, authorized: options.authorized, stats, onWrite: options.onWrite };
}
