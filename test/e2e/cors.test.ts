// A front end on another origin calling the API: real preflights over HTTP, and a page served
// from a second port fetching from `kg serve` in headless Chromium (the system's, never downloaded).
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startService, type RunningService } from "../support/api.js";

const CHROMIUM = "/usr/bin/chromium";
const FRONT_END_PAGE = `<!doctype html><title>front end</title>`;

let service: RunningService;
let production: RunningService;
let page: Server;
let pageOrigin: string;

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  // The front end's page: any page on a second port will do; its script is run by the test.
  page = createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end(FRONT_END_PAGE));
  pageOrigin = `http://127.0.0.1:${await listen(page)}`;
  [service, production] = await Promise.all([
    startService({ NEO4J_URI: inject("neo4jUri"), KG_CORS_ORIGINS: `${pageOrigin},https://app.example.org` }),
    startService({ NEO4J_URI: inject("neo4jUri"), NODE_ENV: "production" }),
  ]);
});

afterAll(async () => {
  await service?.stop();
  await production?.stop();
  await new Promise((done) => page?.close(done));
});

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
  });

describe("CORS", () => {
  it("answers a preflight from an allowed origin, and the POST that follows passes CSRF prevention", async () => {
    const answer = await preflight(service.url, "https://app.example.org");
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example.org");
    expect(answer.headers.get("access-control-allow-methods")).toContain("POST");
    expect(answer.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    expect(answer.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(answer.headers.get("vary")).toMatch(/origin/i);

    const post = await fetch(service.url, {
      method: "POST",
      headers: { origin: "https://app.example.org", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get("access-control-allow-origin")).toBe("https://app.example.org");
    expect(await post.json()).toMatchObject({ data: { __typename: "Query" } });
  });

  it("gives an origin not on the list no CORS headers", async () => {
    const answer = await preflight(service.url, "https://evil.example.com");
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("still refuses a simple cross-site GET (Apollo's CSRF prevention)", async () => {
    const get = await fetch(`${service.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { origin: "https://app.example.org" } });
    expect(get.status).toBe(400);
  });

  it("allows no origin by default in production, localhost ones in development", async () => {
    expect((await preflight(production.url, "http://localhost:5173")).headers.get("access-control-allow-origin")).toBeNull();
    const dev = await startService({ NEO4J_URI: inject("neo4jUri") });
    try {
      expect((await preflight(dev.url, "http://localhost:5173")).headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      expect((await preflight(dev.url, "http://localhost.evil.org:5173")).headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await dev.stop();
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))("a front end in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  });
  afterAll(async () => browser?.close());

  /** Runs fetch(api) from a page on origin; returns the answer's data or the browser's error. */
  async function fetchFromPage(origin: string, api: string): Promise<unknown> {
    const tab = await browser.newPage();
    try {
      await tab.goto(origin);
      return await tab.evaluate(async (url) => {
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: "{ __typename }" }),
          });
          return { status: response.status, body: await response.json() };
        } catch (error) {
          return { error: String(error) };
        }
      }, api);
    } finally {
      await tab.close();
    }
  }

  it("calls the API from a page on a second port", async () => {
    expect(await fetchFromPage(pageOrigin, service.url)).toEqual({ status: 200, body: { data: { __typename: "Query" }, extensions: expect.any(Object) } });
  });

  it("is refused by the browser when the page's origin is not allowed", async () => {
    expect(await fetchFromPage(pageOrigin, production.url)).toEqual({ error: expect.stringMatching(/Failed to fetch/) });
  });
});
