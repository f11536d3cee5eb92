// The HTTP face: /graphql (Apollo Server), /healthz, /metrics, the explorer at / and the IDE at /graphiql.
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { NoSchemaIntrospectionCustomRule, specifiedRules, type DocumentNode } from "graphql";
import type { Config } from "../config.js";
import { firstLine, poolInUse, type Database } from "../graph/driver.js";
import { routingTable } from "../graph/routing.js";
import { readVersion } from "../graph/version.js";
import { silentLogger } from "../observability/logger.js";
import { createMetrics } from "../observability/metrics.js";
import { observeGraphQL, observeOther, operationNameOf, requestId, type GraphQLRequestFacts, type Observability } from "../observability/requests.js";
import { AnswerCache, asCachedBody } from "./answer-cache.js";
import { Context } from "./context.js";
import { DocumentStore } from "./document-store.js";
import { formatError } from "./errors.js";
import { checkQuery, QueryTooComplex } from "./guard/analysis.js";
import { RequestBudget } from "./guard/budget.js";
import { ApiExtractor } from "./guard/extraction.js";
import { checkContentType, HttpRefusal, parseBody, readBody, sendRefusal, type GraphQLBody } from "./guard/http.js";
import { boundLists } from "./guard/list-bounds.js";
import { Neo4jHealth } from "./guard/neo4j-health.js";
import { ShapeValidator } from "./guard/query-shape.js";
import { drainable } from "./guard/shutdown.js";
import { explorerBuilt, explorerFile } from "./explorer.js";
import { corsHandler } from "./http/cors.js";
import { PortInUseError } from "./http/port.js";
import { RequestTiming } from "./http/timing.js";
import { IDE_ASSETS, idePage } from "./ide.js";
import { createSchema } from "./schema.js";

/** Up to 10,000 answers (64 M characters in all) to requests of up to 8 k characters; a change
 * elsewhere shows within half a second. */
const ANSWER_CACHE = { maxEntries: 10_000, maxTotalLength: 64 * 1024 * 1024, maxKeyLength: 8192, pollMs: 500 };

/**
 * Reports in each response how many Cypher queries it took (extensions.cypherRoundTrips), marks
 * queries answered without errors as fit for the answer cache, says that HTTP caches must not
 * keep answers (what Apollo's cache-control plugin said for a schema without cache hints; that
 * plugin wraps every field's resolver, so it is off), and marks the phases for Server-Timing.
 */
const roundTripReport: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async parsingDidStart({ contextValue }) {
        contextValue.timing?.mark("parse");
      },
      async validationDidStart({ contextValue }) {
        contextValue.timing?.mark("validate");
      },
      async executionDidStart({ contextValue }) {
        contextValue.timing?.mark("execute");
      },
      async willSendResponse({ response, contextValue, operation, operationName }) {
        contextValue.timing?.mark("send");
        response.http.headers.set("cache-control", "no-store");
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        contextValue.outcome.operation = operationName ?? null;
        contextValue.outcome.errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
        result.extensions = { ...result.extensions, cypherRoundTrips: contextValue.stats.roundTrips };
        contextValue.answer.cacheable = operation?.operation === "query" && !result.errors?.length;
      },
    };
  },
};

/**
 * Spares Apollo parsing and validating a query the HTTP layer has parsed already, when its shape
 * is known to be valid (guard/query-shape.ts): the document is handed over through the store
 * Apollo looks queries up in. Any other query Apollo parses and validates as usual.
 */
function knownShapes(validator: ShapeValidator, store: DocumentStore): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveSource({ contextValue, queryHash, source }) {
          contextValue.timing?.mark("validate");
          const document = contextValue.parsedQuery;
          if (document && (await validator.passes(source, document))) store.vouch(queryHash, document);
        },
      };
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": `${type}; charset=utf-8` });
  response.end(body);
}

/** A health check answers within this time, whatever Neo4j does. */
const HEALTH_TIMEOUT_MS = 1000;

/** Reads from the store (not just RETURN 1), so a Neo4j that accepts Bolt but fails queries shows as down. */
async function probeNeo4j(db: Database): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([
      db.driver.executeQuery("OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS version", {}, {
        database: db.database,
        routing: "READ",
        transactionConfig: { timeout: HEALTH_TIMEOUT_MS },
      }),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function health(db: Database, neo4j: Neo4jHealth): Promise<{ status: number; body: object }> {
  const down = (error: string) => ({ status: 503, body: { status: "degraded", server: "up", database: "down", error } });
  if (neo4j.isDown) return down(neo4j.reason);
  try {
    // A second try: the first may have met a pooled connection Neo4j closed while it was away.
    await probeNeo4j(db).catch(() => probeNeo4j(db));
    // The routing table: on a cluster, which members take writes, reads and routing requests.
    const routing = await routingTable(db).catch(() => null);
    return { status: 200, body: { status: "ok", server: "up", database: "up", routing } };
  } catch (error) {
    neo4j.observe(error);
    return down(firstLine(error));
  }
}

export interface ApiServer {
  url: string;
  http: Server;
  close(): Promise<{ answered: number; cut: number }>;
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

const tooLargeAnswer = (limit: number) =>
  new HttpRefusal(200, "QUERY_TOO_COMPLEX", `the answer is larger than ${limit} bytes; ask for smaller pages or fewer fields`);

/**
 * observability: the logger and metrics the caller made (kg serve: from the configuration);
 * without them the server logs nothing and keeps metrics of its own.
 */
export async function startApiServer(config: Config, db: Database, observability?: Observability): Promise<ApiServer> {
  const host = config.host;
  const { logger, metrics } = observability ?? { logger: silentLogger, metrics: createMetrics(() => poolInUse(db)) };
  const schema = boundLists(await createSchema());
  const analysisLimits = { ...config.query, ...config.limits, defaultPage: config.page.defaultSize, maxPage: config.page.maxSize };
  const documents = new DocumentStore();
  // The rules Apollo validates with: graphql-js's, and without introspection one refusing it.
  const shapes = new ShapeValidator(schema, [...specifiedRules, ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule])]);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, (path, original) => logger.error({ err: original, path }, "internal error")),
    plugins: [roundTripReport, knownShapes(shapes, documents), ApolloServerPluginCacheControlDisabled()],
    documentStore: documents,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    parseOptions: { maxTokens: config.limits.maxTokens },
    stopOnTerminationSignals: false, // serve.ts stops the server, see close()
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const answers = new AnswerCache(() => readVersion(db), ANSWER_CACHE);
  await answers.start();
  const neo4j = new Neo4jHealth(db.uri, () => probeNeo4j(db));
  const extractor = new ApiExtractor(config.maxFactsPerReport);
  const bearer = config.apiKey ? `Bearer ${config.apiKey}` : null;
  const graphql = async (request: IncomingMessage, response: ServerResponse, url: URL, facts: GraphQLRequestFacts, timing?: RequestTiming) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: GraphQLBody = {};
    let text = "";
    if (request.method === "POST") {
      checkContentType(request);
      timing?.mark("read");
      text = await readBody(request, config.limits.maxBodyBytes);
      timing?.mark("check");
      const cached = answers.get(text);
      metrics.answerCache.inc({ result: cached ? "hit" : "miss" });
      if (cached) {
        facts.cached = true;
        facts.operation = operationNameOf(parseJson(text));
        return send(response, cached.status, cached.contentType, cached.body);
      }
      body = parseBody(text);
    }
    const query = request.method === "POST" ? body.query : url.searchParams.get("query");
    let parsedQuery: DocumentNode | null = null;
    if (typeof query === "string") {
      const variables = request.method === "POST" ? body.variables : parseJson(url.searchParams.get("variables"));
      const operationName = request.method === "POST" ? body.operationName : url.searchParams.get("operationName");
      parsedQuery = checkQuery(
        schema,
        query,
        variables && typeof variables === "object" ? (variables as Record<string, unknown>) : {},
        typeof operationName === "string" ? operationName : undefined,
        analysisLimits,
      );
    }
    timing?.mark("context");
    const version = answers.currentVersion;
    const authorized = bearer !== null && request.headers.authorization === bearer;
    // The version poll runs through the driver's executeQuery bookmarks; starting from them, this
    // request reads a graph at least as new as the version its answer will be cached under.
    const initialBookmarks = [...(await db.driver.executeQueryBookmarkManager.getBookmarks())];
    const context = new Context(db, config.page, authorized, () => answers.invalidate(), new RequestBudget(config.limits, neo4j, timing ? () => timing.statementSent() : null), extractor, {
      onReportWritten: (status) => metrics.reportsWritten.inc({ status }),
      initialBookmarks,
      timing,
    });
    context.parsedQuery = parsedQuery;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
      context: async () => context,
    });
    Object.assign(facts, { roundTrips: context.stats.roundTrips, ...context.outcome });
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    if (timing) response.setHeader("server-timing", timing.header());
    if (result.body.kind === "complete") {
      if (Buffer.byteLength(result.body.string) > config.limits.maxResponseBytes) {
        return sendRefusal(response, tooLargeAnswer(config.limits.maxResponseBytes));
      }
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
    const started = performance.now();
    const id = requestId(request.headers["x-request-id"]);
    response.setHeader("x-request-id", id);
    const facts: GraphQLRequestFacts = { operation: null, errorCodes: [], roundTrips: 0, cached: false };
    const isGraphQL = url.pathname === "/graphql" && request.method !== "OPTIONS";
    const timing = config.serverTiming && isGraphQL ? new RequestTiming() : undefined;
    response.once("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      if (isGraphQL) observeGraphQL({ logger, metrics }, id, facts, response.statusCode, seconds);
      else observeOther({ logger, metrics }, id, url.pathname, response.statusCode, seconds);
    });
    try {
      if (url.pathname === "/graphql") {
        if (cors(request, response)) return;
        const wantsPage = request.method === "GET" && !url.searchParams.has("query") && (request.headers.accept ?? "").includes("text/html");
        if (wantsPage) return send(response, 200, "text/html", idePage());
        return await graphql(request, response, url, facts, timing);
      }
      if (url.pathname === "/metrics") {
        return send(response, 200, metrics.registry.contentType.replace(/; charset=utf-8$/, ""), await metrics.registry.metrics());
      }
      if (url.pathname === "/healthz") {
        const { status, body } = await health(db, neo4j);
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
      send(response, 404, "text/plain", "not found: try / for the explorer, /graphiql for the IDE, /graphql, /healthz or /metrics\n");
    } catch (error) {
      if (error instanceof HttpRefusal || error instanceof QueryTooComplex) facts.errorCodes = [error.code];
      if (error instanceof HttpRefusal) return sendRefusal(response, error);
      if (error instanceof QueryTooComplex) return sendRefusal(response, new HttpRefusal(400, error.code, error.message));
      if (!response.headersSent) send(response, 500, "text/plain", `internal error: ${firstLine(error)}\n`);
      else response.destroy();
    }
  });
  const drain = drainable(http);
  await new Promise<void>((done, fail) => {
    http.once("error", (error: NodeJS.ErrnoException) => fail(error.code === "EADDRINUSE" ? new PortInUseError(host, config.port) : error));
    http.listen(config.port, host, done);
  });
  const { port } = http.address() as { port: number };
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}/graphql`,
    http,
    /** Stops accepting, lets requests in flight finish (up to KG_SHUTDOWN_MS), then stops. */
    close: async () => {
      const { answered, cut } = await drain.drain(config.shutdownMs);
      answers.stop();
      neo4j.stop();
      await Promise.all([apollo.stop(), extractor.close()]);
      return { answered, cut };
    },
  };
}
