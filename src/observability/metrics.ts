// Prometheus metrics (prom-client) on their own registry: one per server, so tests and several
// servers in one process do not share counts.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  requests: Counter<"operation" | "outcome">;
  duration: Histogram<"operation">;
  roundTrips: Histogram;
  answerCache: Counter<"result">;
  reportsWritten: Counter<"status">;
  /** the operation label for a client-chosen name, with the number of distinct labels bounded */
  operationLabel(name: string | null | undefined): string;
}

/** Distinct operation names kept as labels; later names count as "other". */
const MAX_OPERATION_LABELS = 200;

/** poolInUse: Neo4j connections now lent out, read when Prometheus scrapes. */
export function createMetrics(poolInUse: () => number | null = () => null): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kg_" });
  const seen = new Set<string>();
  new Gauge({
    name: "kg_neo4j_pool_in_use",
    help: "Neo4j driver connections in use (lent out of the pool)",
    registers: [registry],
    collect() {
      const value = poolInUse();
      if (value !== null) this.set(value);
    },
  });
  return {
    registry,
    requests: new Counter({
      name: "kg_graphql_requests_total",
      help: "GraphQL requests by operation name and outcome (ok, or the first error's code)",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "kg_graphql_request_duration_seconds",
      help: "time from a request's arrival to its answer, by operation name",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    roundTrips: new Histogram({
      name: "kg_cypher_round_trips",
      help: "Cypher queries sent to Neo4j per GraphQL request",
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
      registers: [registry],
    }),
    answerCache: new Counter({
      name: "kg_answer_cache_total",
      help: "queries looked up in the answer cache, by result (hit or miss)",
      labelNames: ["result"],
      registers: [registry],
    }),
    reportsWritten: new Counter({
      name: "kg_ingested_reports_total",
      help: "reports written through the API, by status (new, unchanged, updated, deleted)",
      labelNames: ["status"],
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return "anonymous";
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_LABELS || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "other";
      seen.add(name);
      return name;
    },
  };
}
