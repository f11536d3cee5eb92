// The error codes clients can rely on, and how database trouble becomes SERVICE_UNAVAILABLE.
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isUnavailable } from "../graph/driver.js";

export type ErrorCode = "BAD_USER_INPUT" | "NOT_FOUND" | "UNAUTHENTICATED" | "SERVICE_UNAVAILABLE" | "QUERY_TOO_COMPLEX";

export function apiError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Arguments are quoted in messages up to this many characters, so an error never echoes a whole argument. */
export const MAX_QUOTED = 100;
/** Any message (GraphQL's own included, which quote variable values) is cut to this length. */
export const MAX_MESSAGE = 500;

/** A client's value as a message quotes it: JSON, cut to MAX_QUOTED characters. */
export function quote(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
}

function cut(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (${message.length} characters in all)` : message;
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
  return { ...formatted, message: cut(formatted.message), extensions };
}
