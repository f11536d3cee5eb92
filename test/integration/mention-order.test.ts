// The reports that mention an entity come newest first (year descending, no year last, then id)
// page by page from the MENTIONS index: walked with small pages and cursors, with and without a
// year, they must be exactly the list sorted from scratch; and migration 009 must give mentions
// written before it the same order keys the writer gives new ones. An advice's sentence, found
// through the same index, is its report's mention of the firm.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/graph/driver.js";
import { loadMigrations, migrate } from "../../src/graph/migrate.js";
import { adviceGivenBy } from "../../src/graph/read/firms.js";
import { advisersOf } from "../../src/graph/read/places.js";
import { mentionsOf, reportsMentioning, type MentionedLabel } from "../../src/graph/read/programs.js";
import type { Page, PageWindow } from "../../src/graph/read/records.js";
import { buildCorpus, generateCorpus } from "../../src/generate/corpus.js";
import { ingest } from "../../src/ingest/ingest.js";
import { listSources } from "../../src/ingest/sources.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph } from "../support/graph.js";

let db: Database;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "kg-mention-order-"));
  const corpus = buildCorpus({ seed: "mention-order", provinces: 1, districts: 3, townshipsPerDistrict: 2 });
  mkdirSync(join(scratch, "reports"));
  for (const r of generateCorpus(corpus, 40)) writeFileSync(join(scratch, "reports", r.fileName), r.text);
  db = openTestDatabase();
  await clearGraph(db);
  await ingest(db, await listSources([join(scratch, "reports"), "examples/reports"]), { workers: 0, batchSize: 9 });
}, 600_000);

afterAll(async () => {
  await clearGraph(db);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function rows<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await db.driver.executeQuery(cypher, params, { database: db.database });
  return records.map((r) => r.toObject() as T);
}

/** Every page, following the cursors. */
async function walk(read: (window: PageWindow) => Promise<Page<{ id: string }>>, size: number): Promise<string[]> {
  const ids: string[] = [];
  let window: PageWindow = { limit: size, after: null };
  for (;;) {
    const page = await read(window);
    ids.push(...page.items.map((r) => r.id));
    if (!page.hasMore) return ids;
    window = { limit: size, after: page.keys[page.keys.length - 1]! };
  }
}

/** The reports mentioning an entity, sorted here from all of them. */
async function sortedFromScratch(label: string, key: string, year: number | null): Promise<string[]> {
  const found = await rows<{ id: string; year: number | null }>(
    `MATCH (e:${label} {${label === "Jurisdiction" ? "code" : "key"}: $key})<-[:MENTIONS]-(r:Report) WHERE $year IS NULL OR r.year = $year RETURN r.id AS id, r.year AS year`,
    { key, year },
  );
  return found.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.id);
}

/** Entities of each kind with the most mentions: several pages each. */
async function busiest(label: string, property: string, count: number): Promise<string[]> {
  const found = await rows<{ key: string }>(
    `MATCH (e:${label}) RETURN e.${property} AS key ORDER BY COUNT { (e)<-[:MENTIONS]-() } DESC, key LIMIT ${count}`,
  );
  return found.map((r) => r.key);
}

async function checkOrder(): Promise<number> {
  let checked = 0;
  const years = (await rows<{ year: number }>("MATCH (r:Report) WHERE r.year IS NOT NULL RETURN DISTINCT r.year AS year")).map((r) => r.year);
  expect(years.length).toBeGreaterThan(1);
  for (const label of ["Program", "LawFirm", "Law"] as MentionedLabel[]) {
    for (const key of await busiest(label, "key", 3)) {
      for (const year of [null, ...years]) {
        const expected = await sortedFromScratch(label, key, year);
        for (const size of [1, 3]) {
          const paged = await walk(async (w) => (await reportsMentioning(db, label, [key], year, w))[0]!, size);
          expect(paged, `${label} ${key} ${year} by ${size}`).toEqual(expected);
        }
        checked += expected.length;
      }
    }
  }
  for (const code of await busiest("Jurisdiction", "code", 3)) {
    const expected = await sortedFromScratch("Jurisdiction", code, null);
    const paged = await walk(async (w) => {
      const page = await mentionsOf(db, "Jurisdiction", code, w);
      return { ...page, items: page.items.map((m) => ({ id: m.reportId })) };
    }, 2);
    expect(paged, `place ${code}`).toEqual(expected);
    checked += expected.length;
  }
  return checked;
}

describe("reports newest first, from the MENTIONS index", () => {
  it("pages through an entity's reports in order, with and without a year", { timeout: 180_000 }, async () => {
    expect(await checkOrder()).toBeGreaterThan(100);
  });

  it("a report without a year comes last, and a cursor past the year asked for gives an empty page", async () => {
    const [program] = await busiest("Program", "key", 1);
    const page = await reportsMentioning(db, "Program", [program!], 2023, { limit: 5, after: [2020, "0"] });
    expect(page[0]!.items).toEqual([]);
    const all = await sortedFromScratch("Program", program!, null);
    const undated = await rows<{ id: string }>("MATCH (r:Report) WHERE r.year IS NULL RETURN r.id AS id");
    for (const { id } of undated) if (all.includes(id)) expect(all.indexOf(id)).toBeGreaterThanOrEqual(all.length - undated.length);
  });

  it("each advice's sentence is its report's mention of the firm, for a firm's places and a place's firms", async () => {
    const fromScratch = await rows<{ firm: string; code: string; report: string; sentence: string | null }>(
      `MATCH (f:LawFirm)-[a:ADVISES]->(j:Jurisdiction)
       OPTIONAL MATCH (:Report {id: a.report})-[m:MENTIONS]->(f)
       RETURN f.key AS firm, j.code AS code, a.report AS report, m.sentences[0] AS sentence`,
    );
    expect(fromScratch.filter((a) => a.sentence).length).toBeGreaterThan(3);
    const firms = [...new Set(fromScratch.map((a) => a.firm))];
    const given = (await adviceGivenBy(db, firms, 50)).flat();
    const places = [...new Set(fromScratch.map((a) => a.code))];
    const received = (await advisersOf(db, places, 50)).flat();
    const key = (firm: string, code: string, report: string) => `${firm} ${code} ${report}`;
    const expected = new Map(fromScratch.map((a) => [key(a.firm, a.code, a.report), a.sentence]));
    expect(given.length).toBe(fromScratch.length);
    for (const a of given) expect(a.sentence).toBe(expected.get(key(a.firmKey, a.jurisdiction.code, a.reportId)));
    expect(received.length).toBe(fromScratch.length);
    for (const a of received) expect(a.sentence).toBe(expected.get(key(a.firm.key, a.jurisdictionCode, a.reportId)));
  });

  it("migration 009 gives mentions written before it the keys the writer gives", { timeout: 180_000 }, async () => {
    const keys = "RETURN elementId(m) AS id, m.target AS target, m.newest AS newest, m.report AS report ORDER BY id";
    const written = await rows(`MATCH ()-[m:MENTIONS]->() ${keys}`);
    expect(written.length).toBeGreaterThan(100);
    await db.driver.executeQuery("MATCH ()-[m:MENTIONS]->() REMOVE m.target, m.newest, m.report", {}, { database: db.database });
    const mentionOrder = (await loadMigrations()).find((m) => m.id === "009_mention_order")!;
    try {
      await migrate(db, [{ ...mentionOrder, id: "009_mention_order_again" }]);
      expect(await rows(`MATCH ()-[m:MENTIONS]->() ${keys}`)).toEqual(written);
      await checkOrder();
    } finally {
      await db.driver.executeQuery("MATCH (m:Migration {id: '009_mention_order_again'}) DELETE m", {}, { database: db.database });
    }
  });
});
