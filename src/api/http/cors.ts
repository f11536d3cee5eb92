// CORS for browser apps on other origins (KG_CORS_ORIGINS). A browser's JSON POST is preflighted:
// the preflight is answered here, and the request that follows carries content-type
// application/json, which is what Apollo's CSRF prevention asks for.
import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";

/** Headers a browser app may send: JSON bodies, the API key, Apollo's CSRF-prevention header. */
const ALLOWED_HEADERS = ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name"];
/** Seconds a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE = 600;

/** "http://localhost:*" allows any port of that host; other entries match exactly. */
function originMatcher(origin: string): string | RegExp {
  if (!origin.endsWith(":*")) return origin;
  const escaped = origin.slice(0, -2).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}(:\\d{1,5})?$`);
}

/** Returns true when it answered the request itself (a preflight). */
export type CorsHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Sets the CORS headers an allowed origin gets, and answers preflight (OPTIONS) requests itself.
 * Requests from other origins get no CORS headers, so browsers refuse them.
 */
export function corsHandler(origins: readonly string[]): CorsHandler {
  const allowAny = origins.includes("*");
  const middleware = cors({
    origin: allowAny ? "*" : origins.length ? origins.map(originMatcher) : false,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ["x-request-id"],
    maxAge: PREFLIGHT_MAX_AGE,
    optionsSuccessStatus: 204,
  });
  // With a fixed list of origins the middleware works synchronously: it ends an OPTIONS request
  // itself and calls next() for any other.
  return (request, response) => {
    let answered = true;
    middleware(request as cors.CorsRequest, response as never, () => (answered = false));
    return answered;
  };
}
