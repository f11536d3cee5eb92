// One log line and one set of metric updates per HTTP request.
import { randomUUID } from "node:crypto";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

/** What the server learns about a GraphQL request while answering it. */
export interface GraphQLRequestFacts {
  operation: string | null;
  /** error codes of the answer, in order; empty when it had none */
  errorCodes: string[];
  roundTrips: number;
  /** answered from the answer cache */
  cached: boolean;
}

/** A client's X-Request-Id when it is a sane token, else a new one. */
export function requestId(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * The operation name of a request body without parsing its query (for answers replayed from the
 * cache): operationName, else the name of the document's first operation, else null.
 */
export function operationNameOf(body: unknown): string | null {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === "string" && operationName) return operationName;
  if (typeof query !== "string") return null;
  return /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/.exec(query)?.[1] ?? null;
}

/** ok, or the first error's code (a fixed set: BAD_USER_INPUT, NOT_FOUND, ...). */
export function outcomeOf(status: number, errorCodes: string[]): string {
  if (errorCodes.length) return errorCodes[0]!;
  return status < 400 ? "ok" : `HTTP_${status}`;
}

export function observeGraphQL(observability: Observability, id: string, facts: GraphQLRequestFacts, status: number, seconds: number): void {
  const { logger, metrics } = observability;
  const operation = metrics.operationLabel(facts.operation);
  const outcome = outcomeOf(status, facts.errorCodes);
  metrics.requests.inc({ operation, outcome });
  metrics.duration.observe({ operation }, seconds);
  if (!facts.cached) metrics.roundTrips.observe(facts.roundTrips);
  const line = {
    id,
    operation: facts.operation,
    durationMs: Math.round(seconds * 10_000) / 10,
    roundTrips: facts.roundTrips,
    cached: facts.cached,
    status,
    outcome,
  };
  if (outcome === "INTERNAL_SERVER_ERROR" || status >= 500) logger.error(line, "graphql request");
  else logger.info(line, "graphql request");
}

/** Other paths (IDE, health, metrics): a line at debug level, as probes call them often. */
export function observeOther(observability: Observability, id: string, path: string, status: number, seconds: number): void {
  observability.logger.debug({ id, path, status, durationMs: Math.round(seconds * 10_000) / 10 }, "http request");
}
