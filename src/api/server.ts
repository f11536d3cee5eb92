// The HTTP face: /graphql (Apollo Server), /healthz, the explorer at / and the IDE at /graphiql.
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { Config } from "../config.js";
import { firstLine, type Database } from "../graph/driver.js";
import { readVersion } from "../graph/version.js";
import { AnswerCache } from "./answer-cache.js";
import { Context } from "./context.js";
import { formatError } from "./errors.js";
import { explorerBuilt, explorerFile } from "./explorer.js";
import { corsHandler } from "./http/cors.js";
import { IDE_ASSETS, idePage } from "./ide.js";
import { queryLimitsRule } from "./limits.js";
import { createSchema } from "./schema.js";

/** Larger request bodies are refused (413) before parsing. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Up to 10,000 answers (64 M characters in all) to requests of up to 8 k characters; a change
 * elsewhere shows within half a second. */
const ANSWER_CACHE = { maxEntries: 10_000, maxTotalLength: 64 * 1024 * 1024, maxKeyLength: 8192, pollMs: 500 };

/**
 * Reports in each response how many Cypher queries it took (extensions.cypherRoundTrips), and
 * marks queries answered without errors as fit for the answer cache.
 */
const roundTripReport: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, operation }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, cypherRoundTrips: contextValue.stats.roundTrips };
        contextValue.answer.cacheable = operation?.operation === "query" && !result.errors?.length;
      },
    };
  },
};

/** The answer as the cache replays it: marked as cached, with no round trips of its own. */
function asCachedBody(body: string): string {
  const json = JSON.parse(body) as { extensions?: Record<string, unknown> };
  json.extensions = { ...json.extensions, cypherRoundTrips: 0, cached: true };
  return JSON.stringify(json);
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        fail(new BodyTooLarge());
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    request.on("error", fail);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": `${type}; charset=utf-8` });
  response.end(body);
}

async function health(db: Database): Promise<{ status: number; body: object }> {
  try {
    await db.driver.executeQuery("RETURN 1", {}, { database: db.database });
    return { status: 200, body: { status: "ok", server: "up", database: "up" } };
  } catch (error) {
    return { status: 503, body: { status: "degraded", server: "up", database: "down", error: firstLine(error) } };
  }
}

export interface ApiServer {
  url: string;
  http: Server;
  close(): Promise<void>;
}

export async function startApiServer(config: Config, db: Database): Promise<ApiServer> {
  const host = config.host;
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    validationRules: [queryLimitsRule({ ...config.query, defaultPage: config.page.defaultSize, maxPage: config.page.maxSize })],
    formatError,
    plugins: [roundTripReport],
    introspection: true,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const answers = new AnswerCache(() => readVersion(db), ANSWER_CACHE);
  await answers.start();
  const bearer = config.apiKey ? `Bearer ${config.apiKey}` : null;
  const graphql = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown;
    let text = "";
    if (request.method === "POST") {
      text = await readBody(request);
      const cached = answers.get(text);
      if (cached) return send(response, cached.status, cached.contentType, cached.body);
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return send(response, 400, "application/json", JSON.stringify({ errors: [{ message: "the request body is not JSON", extensions: { code: "BAD_REQUEST" } }] }));
      }
    }
    const version = answers.currentVersion;
    const authorized = bearer !== null && request.headers.authorization === bearer;
    const context = new Context(db, config.page, authorized, () => answers.invalidate());
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
      context: async () => context,
    });
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    if (result.body.kind === "complete") {
      response.end(result.body.string);
      if (text && context.answer.cacheable) {
        const contentType = (result.headers.get("content-type") ?? "application/json").replace(/;.*$/, "");
        answers.set(text, { status: response.statusCode, contentType, body: asCachedBody(result.body.string) }, version);
      }
    } else {
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    }
  };

  const cors = corsHandler(config.corsOrigins);
  const http = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/graphql") {
        if (cors(request, response)) return;
        const wantsPage = request.method === "GET" && !url.searchParams.has("query") && (request.headers.accept ?? "").includes("text/html");
        return wantsPage ? send(response, 200, "text/html", idePage()) : await graphql(request, response, url);
      }
      if (url.pathname === "/healthz") {
        const { status, body } = await health(db);
        return send(response, status, "application/json", JSON.stringify(body));
      }
      if (url.pathname === "/graphiql" || url.pathname === "/ide") return send(response, 200, "text/html", idePage());
      if (url.pathname === "/" && !explorerBuilt()) {
        return send(response, 404, "text/plain", "the explorer is not built (npm run build); the IDE is at /graphiql\n");
      }
      const asset = IDE_ASSETS[url.pathname] ?? explorerFile(url.pathname);
      if (asset) {
        // The page itself is re-read each time so a rebuilt bundle shows; scripts may be cached briefly.
        response.writeHead(200, { "content-type": asset.type, "cache-control": url.pathname === "/" ? "no-cache" : "max-age=300" });
        return void createReadStream(asset.file).pipe(response);
      }
      send(response, 404, "text/plain", "not found: try / for the explorer, /graphiql for the IDE, /graphql or /healthz\n");
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(response, 413, "text/plain", `request body over ${MAX_BODY_BYTES} bytes\n`);
      if (!response.headersSent) send(response, 500, "text/plain", `internal error: ${firstLine(error)}\n`);
      else response.destroy();
    }
  });
  await new Promise<void>((done) => http.listen(config.port, host, done));
  const { port } = http.address() as { port: number };
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}/graphql`,
    http,
    close: async () => {
      answers.stop();
      await new Promise<void>((done) => http.close(() => done()));
      await apollo.stop();
    },
  };
}
