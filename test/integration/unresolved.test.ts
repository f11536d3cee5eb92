// What the extractor could not resolve, on a real Neo4j: people of one name at two firms stay two,
// place names without a code are written and found but never merged with a coded place, and
// ingest names the reports with something unresolved.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Context } from "../../src/api/context.js";
import { createSchema } from "../../src/api/schema.js";
import { deleteReport } from "../../src/graph/delete.js";
import type { Database } from "../../src/graph/driver.js";
import { searchEntities } from "../../src/graph/read/search.js";
import { ingest } from "../../src/ingest/ingest.js";
import { listSources } from "../../src/ingest/sources.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph } from "../support/graph.js";

// type-graphql builds its schema with the CommonJS graphql: execute with that one, not the ESM copy
const { graphql } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

let db: Database;
let scratch: string;

beforeAll(() => {
  db = openTestDatabase();
  scratch = mkdtempSync(join(tmpdir(), "kg-unresolved-test-"));
});
beforeEach(() => clearGraph(db));
afterAll(async () => {
  await clearGraph(db);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(cypher, params)).records.map((r) => r.toObject());

async function ingestTexts(texts: Record<string, string>) {
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(scratch, name), text);
  return ingest(db, await listSources(Object.keys(texts).map((n) => join(scratch, n))), { workers: 0, batchSize: 4 });
}

// Sentences written for this test; the places are real divisions, the firms and people invented.
const FIRST = "西湖区北山街道2023年法治政府建设年度报告\n2023年，街道聘请青禾律师事务所周红律师为法律顾问，在翠溪湾社区等地开展普法。";
const SECOND = "余杭区2023年法治政府建设年度报告\n2023年，区司法局聘请远山律师事务所周红律师担任法律顾问。";
const UNRESOLVED = "2023年，东湖街道坚持依法行政，推进法治建设。\n街道在翠溪湾社区等地开展普法。";

describe("people, places and reports left unresolved", () => {
  it("keeps two people of one name at two firms as two nodes, each at its firm", async () => {
    await ingestTexts({ "a.txt": FIRST, "b.txt": SECOND });
    const people = await query(
      "MATCH (p:Person {name: '周红'}) OPTIONAL MATCH (p)-[:WORKS_AT]->(f:LawFirm) RETURN p.key AS key, collect(f.name) AS firms ORDER BY key",
    );
    expect(people).toEqual([
      { key: "周红@远山律师事务所", firms: ["远山律师事务所"] },
      { key: "周红@青禾律师事务所", firms: ["青禾律师事务所"] },
    ]);
  });

  it("writes place names without a code, one per report place, found by search and apart from coded places", async () => {
    const summary = await ingestTexts({ "a.txt": FIRST, "c.txt": UNRESOLVED });
    const unlinked = await query("MATCH (u:UnlinkedPlace) RETURN u.name AS name, u.within AS within, u.kind AS kind ORDER BY name, within");
    expect(unlinked).toContainEqual({ name: "翠溪湾社区", within: "330106002", kind: "Community" });
    expect(unlinked.filter((u) => u.name === "翠溪湾社区")).toHaveLength(2); // two reports, two places
    expect(unlinked).toContainEqual(expect.objectContaining({ name: "东湖街道", within: null }));
    const coded = await query("MATCH (j:Jurisdiction) WHERE j.name IN ['翠溪湾社区', '东湖街道'] RETURN j.code AS code");
    expect(coded).toEqual([]);
    const hits = await searchEntities(db, "翠溪湾", ["UnlinkedPlace"], 10);
    expect(hits.map((h) => h.name)).toEqual(["翠溪湾社区", "翠溪湾社区"]);

    expect(summary.warningCounts).toEqual({ reports: 2, noSubject: 1, noYear: 0, unlinkedNames: 3 });
    const warning = summary.warnings.find((w) => w.noSubject)!;
    expect(warning).toMatchObject({ subjectName: "东湖街道", noYear: false });
    expect(warning.unlinked.sort()).toEqual(["东湖街道", "翠溪湾社区"]);
  });

  it("serves unlinked place names over GraphQL: search finds them, node() fetches them, with the reports and candidate codes", async () => {
    await ingestTexts({ "a.txt": FIRST, "c.txt": UNRESOLVED });
    const schema = await createSchema();
    const ask = async (source: string, variableValues: Record<string, unknown> = {}) => {
      const contextValue = new Context(db, { defaultSize: 20, maxSize: 100 }, false, () => {});
      const result = await graphql({ schema, source, contextValue, variableValues });
      expect(result.errors).toBeUndefined();
      return result.data as any;
    };
    const { search } = await ask(`{
      search(text: "东湖街道", types: [UnlinkedPlace]) {
        node { __typename id ... on UnlinkedPlace { name kind level candidateCodes within { code } reports(first: 5) { totalCount edges { node { title } } } } }
      }
    }`);
    expect(search).toHaveLength(1);
    const east = search[0].node;
    expect(east).toMatchObject({ __typename: "UnlinkedPlace", name: "东湖街道", kind: "Jurisdiction", level: "TOWNSHIP", within: null });
    expect(east.reports.totalCount).toBe(1);
    // several real 东湖街道 exist: the codes it could be are listed, all townships
    expect(east.candidateCodes.length).toBeGreaterThan(1);
    for (const code of east.candidateCodes) expect(code).toMatch(/^\d{9}$/);

    const { node } = await ask(`query($id: ID!) { node(id: $id) { ... on UnlinkedPlace { name } } }`, { id: east.id });
    expect(node).toEqual({ name: "东湖街道" });

    // every kind is searched when none is named; a community with no code anywhere has no candidates
    const { all } = await ask(`{ all: search(text: "翠溪湾") { node { __typename ... on UnlinkedPlace { name candidateCodes within { code } } } } }`);
    expect(all.map((h: any) => h.node)).toEqual(
      expect.arrayContaining([{ __typename: "UnlinkedPlace", name: "翠溪湾社区", candidateCodes: [], within: { code: "330106002" } }]),
    );
  });

  it("deletes an unlinked place name with the last report that named it", async () => {
    const summary = await ingestTexts({ "c.txt": UNRESOLVED });
    await deleteReport(db, summary.results[0]!.id);
    expect(await query("MATCH (u:UnlinkedPlace) RETURN u.name AS name")).toEqual([]);
  });
});
