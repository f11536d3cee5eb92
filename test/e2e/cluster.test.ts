// The service through a routing (neo4j://) URI, as on a cluster or Aura: reads go to READ
// servers, and within a request they see the request's own writes (shared bookmarks); /healthz
// shows the routing table. Runs against the embedded Neo4j, which answers routing requests.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Context } from "../../src/api/context.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/graph/driver.js";
import { readVersion } from "../../src/graph/version.js";
import { clearGraph } from "../support/graph.js";
import { startService, type RunningService } from "../support/api.js";

const KEY = "cluster-key";
const routingUri = () => inject("neo4jUri").replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");
let service: RunningService;
let db: Database;

beforeAll(async () => {
  db = openDatabase({ ...loadConfig().neo4j, uri: routingUri() });
  await clearGraph(db);
  service = await startService({ NEO4J_URI: routingUri(), KG_API_KEY: KEY });
});

afterAll(async () => {
  await service?.stop();
  await clearGraph(db);
  await db.close();
});

describe("through neo4j://", () => {
  it("/healthz reports the routing table", async () => {
    const health = await service.get("/healthz");
    expect(health.status).toBe(200);
    const address = new URL(inject("neo4jUri")).host;
    expect(JSON.parse(health.body)).toMatchObject({
      status: "ok",
      routing: { ttl: expect.any(Number), writers: [address], readers: [address], routers: [address] },
    });
  });

  it("ingestReport reads back its own write, and later reads see it", async () => {
    const text = "杭州市西湖区文新街道2023年法治政府建设年度报告\n全年调处矛盾纠纷56起。";
    const written = await service.gql(`mutation($text: String!) { ingestReport(text: $text) { status report { year subject { code } } } }`, { text }, { authorization: `Bearer ${KEY}` });
    expect(written.errors).toBeUndefined();
    expect(written.data!.ingestReport).toEqual({ status: "new", report: { year: 2023, subject: { code: "330106013" } } });
    const read = await service.gql(`{ jurisdiction(code: "330106013") { reports { totalCount } } }`);
    expect(read.data!.jurisdiction.reports.totalCount).toBe(1);
  });
});

describe("a request's bookmarks", () => {
  it("chain its write and its reads", async () => {
    const context = new Context(db, { defaultSize: 20, maxSize: 100 }, true, () => {});
    expect([...(await context.bookmarks.getBookmarks())]).toEqual([]);
    const session = context.db.driver.session({ database: db.database });
    try {
      await session.executeWrite((tx) => tx.run("MERGE (:BookmarkProbe {id: 1})"));
    } finally {
      await session.close();
    }
    const afterWrite = [...(await context.bookmarks.getBookmarks())];
    expect(afterWrite).toEqual([...session.lastBookmarks()]);
    expect(afterWrite).toHaveLength(1);
    // A read through the request's database carries them, and moves the chain on.
    const { records } = await context.db.driver.executeQuery("MATCH (p:BookmarkProbe) RETURN count(p) AS n", {}, { database: db.database, routing: "READ" });
    expect(records[0]!.get("n")).toBe(1);
    expect([...(await context.bookmarks.getBookmarks())]).toHaveLength(1);
    await db.driver.executeQuery("MATCH (p:BookmarkProbe) DELETE p", {}, { database: db.database });
  });

  it("start where the answer cache's version poll left off", async () => {
    await readVersion(db);
    const seen = [...(await db.driver.executeQueryBookmarkManager.getBookmarks())];
    expect(seen.length).toBeGreaterThan(0);
    const context = new Context(db, { defaultSize: 20, maxSize: 100 }, false, () => {}, undefined, undefined, { initialBookmarks: seen });
    expect([...(await context.bookmarks.getBookmarks())]).toEqual(seen);
  });
});
