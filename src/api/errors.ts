// The error codes clients can rely on, and how database trouble becomes SERVICE_UNAVAILABLE.
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isUnavailable } from "../graph/driver.js";

export type ErrorCode = "BAD_USER_INPUT" | "NOT_FOUND" | "UNAUTHENTICATED" | "SERVICE_UNAVAILABLE" | "QUERY_TOO_COMPLEX";

export function apiError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export const badInput = (message: string) => apiError("BAD_USER_INPUT", message);
export const notFound = (what: string) => apiError("NOT_FOUND", `${what} not found`);

type InternalErrorLog = (path: readonly (string | number)[] | undefined, error: unknown) => void;

const logToStderr: InternalErrorLog = (path, error) => console.error(`graphql: internal error at ${path?.join(".") ?? "?"}:`, error);

/**
 * Apollo's formatError hook: a driver error that means "Neo4j is not there" gets its own code;
 * other unexpected errors are logged (by log) and answered without their internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: InternalErrorLog = logToStderr): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const { locations, path } = formatted;
  if (isUnavailable(original)) {
    return { message: "the graph database is not reachable; try again shortly", locations, path, extensions: { code: "SERVICE_UNAVAILABLE" } };
  }
  if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
    log(path, original);
    return { message: "internal error", locations, path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
