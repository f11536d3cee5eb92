// What an HTTP request to /graphql must be before anything else looks at it (the answer cache
// included): a body within the size limit, a JSON content type (a browser cannot send that
// across origins without a preflight, so this is the CSRF check), one operation, not a batch.
import type { IncomingMessage, ServerResponse } from "node:http";

export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A GraphQL-shaped error answer, for refusals made before GraphQL runs. */
export function sendRefusal(response: ServerResponse, refusal: HttpRefusal): void {
  const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  // The rest of an oversized body is not read: the connection cannot be reused.
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (refusal.status === 413) headers.connection = "close";
  response.writeHead(refusal.status, headers);
  response.end(body);
}

const tooLarge = (limit: number) => new HttpRefusal(413, "PAYLOAD_TOO_LARGE", `the request body is larger than ${limit} bytes`);

/** How long the rest of an oversized body is read and dropped before the 413 is sent anyway. */
const DRAIN_MS = 5000;

/**
 * Refuses an oversized body once the client has finished sending it (or DRAIN_MS passed): the
 * 413 closes the connection, and a client still writing into a closed connection sees a reset
 * (EPIPE) instead of the answer.
 */
function refuseAfterDrain(request: IncomingMessage, refusal: HttpRefusal, fail: (error: HttpRefusal) => void): void {
  const timer = setTimeout(() => fail(refusal), DRAIN_MS);
  const refuse = () => {
    clearTimeout(timer);
    fail(refusal);
  };
  request.once("end", refuse);
  request.once("close", refuse);
  request.resume();
}

/** The body as text, or 413 as soon as it is known to be over the limit (declared or counted). */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return refuseAfterDrain(request, tooLarge(limit), fail);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        refuseAfterDrain(request, tooLarge(limit), fail);
      } else chunks.push(chunk);
    });
    request.on("end", () => !over && done(Buffer.concat(chunks).toString("utf8")));
    request.on("error", fail);
  });
}

/** POST bodies must be JSON: a form or text/plain post (what a hostile page can send) is refused. */
export function checkContentType(request: IncomingMessage): void {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && type !== "application/graphql-response+json") {
    throw new HttpRefusal(
      400,
      "BAD_REQUEST",
      `POST requests need content-type: application/json${type ? `, not ${type.slice(0, 100)}` : ""} (this also protects against cross-site requests)`,
    );
  }
}

export interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** The parsed body: one operation; a batch (array) is refused. */
export function parseBody(text: string): GraphQLBody {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new HttpRefusal(400, "BAD_REQUEST", "the request body is not JSON");
  }
  if (Array.isArray(body)) {
    throw new HttpRefusal(400, "QUERY_TOO_COMPLEX", `batched requests are not accepted (got ${body.length} operations): send one operation per request`);
  }
  if (body === null || typeof body !== "object") throw new HttpRefusal(400, "BAD_REQUEST", "the request body is not a JSON object");
  return body as GraphQLBody;
}
