// What one request may spend at run time, whatever passed the query analysis: Cypher
// statements, rows read, and wall time (also sent to Neo4j as the transaction timeout, so a
// slow statement is stopped there too). Every statement goes through here, writes included,
// which is also how cypherRoundTrips is counted.
import type { Driver, ManagedTransaction, Session } from "neo4j-driver";
import { GraphQLError } from "graphql";
import { DatabaseUnavailableError, type Database } from "../../graph/driver.js";
import type { Neo4jHealth } from "./neo4j-health.js";

export interface BudgetLimits {
  maxRoundTrips: number;
  maxRows: number;
  requestTimeoutMs: number;
}

export const budgetExceeded = (message: string) => new GraphQLError(message, { extensions: { code: "QUERY_TOO_COMPLEX" } });

/** Rows a result holds, counting the elements of list columns (collect(...) answers). */
function rowsIn(records: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }[]): number {
  let rows = 0;
  for (const record of records) {
    rows++;
    for (const key of record.keys) {
      const value = record.get(key);
      if (Array.isArray(value)) rows += value.length;
    }
  }
  return rows;
}

const TIMED_OUT = /TransactionTimedOut|TransactionTerminated/;

export class RequestBudget {
  roundTrips = 0;
  rows = 0;
  /** set by the first statement: the clock counts database time, not (say) extracting a text before writing it */
  private started: number | null = null;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly health: Neo4jHealth | null = null,
    /** told when a statement goes out through executeQuery; what it returns, when it is answered or failed */
    private readonly onStatement: (() => () => void) | null = null,
  ) {}

  private get deadline(): number {
    this.started ??= Date.now();
    return this.started + this.limits.requestTimeoutMs;
  }

  /** Called before each statement: the time it may take, in ms. */
  private startStatement(): number {
    this.health?.assertUp();
    if (++this.roundTrips > this.limits.maxRoundTrips) {
      throw budgetExceeded(`this request needs more than ${this.limits.maxRoundTrips} database queries; ask for less per request`);
    }
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) throw this.timedOut();
    return remaining;
  }

  private countRows(records: Parameters<typeof rowsIn>[0]): void {
    this.rows += rowsIn(records);
    if (this.rows > this.limits.maxRows) {
      throw budgetExceeded(`this request reads more than ${this.limits.maxRows} rows; ask for smaller pages or fewer nested lists`);
    }
  }

  private timedOut(): GraphQLError {
    return budgetExceeded(`this request took longer than ${this.limits.requestTimeoutMs} ms of database time; ask for less per request`);
  }

  /** A failed statement: timeouts become a budget error; an absent Neo4j is noted. */
  private failed(error: unknown): never {
    const code = (error as { code?: string } | null)?.code ?? "";
    if (TIMED_OUT.test(code)) throw this.timedOut();
    if (/acquisition timed out/i.test((error as Error)?.message ?? "")) {
      // Every pooled connection is busy: the server is overloaded, not broken.
      throw new DatabaseUnavailableError("the connection pool", error);
    }
    this.health?.observe(error);
    throw error;
  }

  private succeeded(): void {
    this.health?.succeeded();
  }

  private transaction(tx: ManagedTransaction): ManagedTransaction {
    return new Proxy(tx, {
      get: (target, property, receiver) => {
        if (property === "run") {
          return (...args: Parameters<ManagedTransaction["run"]>) => {
            this.startStatement();
            return target.run(...args);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  private session(session: Session): Session {
    return new Proxy(session, {
      get: (target, property, receiver) => {
        if (property === "executeWrite" || property === "executeRead") {
          return async (work: (tx: ManagedTransaction) => Promise<unknown>, config?: { timeout?: number }) => {
            const timeout = Math.max(1, this.deadline - Date.now());
            try {
              const result = await target[property]((tx) => work(this.transaction(tx)), { timeout, ...config });
              this.succeeded();
              return result;
            } catch (error) {
              return this.failed(error);
            }
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  /** One statement of the request: counted, given the time left, its rows counted, its failure translated. */
  private async statement<T>(send: (timeoutMs: number) => Promise<T>, recordsOf: (result: T) => Parameters<typeof rowsIn>[0]): Promise<T> {
    const timeout = this.startStatement();
    const answered = this.onStatement?.();
    try {
      const result = await send(timeout);
      answered?.();
      this.succeeded();
      this.countRows(recordsOf(result));
      return result;
    } catch (error) {
      answered?.();
      if (error instanceof GraphQLError) throw error;
      return this.failed(error);
    }
  }

  /** The database as this request may use it. */
  wrap(db: Database): Database {
    const driver = new Proxy(db.driver, {
      get: (target, property, receiver) => {
        if (property === "executeQuery") {
          return (query: string, parameters?: Record<string, unknown>, config: Record<string, unknown> = {}) =>
            this.statement(
              (timeout) => target.executeQuery(query, parameters, { ...config, transactionConfig: { timeout } }),
              (result) => result.records,
            );
        }
        if (property === "session") return (...args: Parameters<Driver["session"]>) => this.session(target.session(...args));
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const read: Database["read"] = (cypher, params, options) =>
      this.statement((timeoutMs) => db.read(cypher, params, { ...options, timeoutMs }), (records) => records);
    return { ...db, driver, read };
  }
}
