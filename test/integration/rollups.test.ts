// The programme roll-ups the writer maintains equal the ones computed from scratch from the
// mentions, after random ingests, replacements (a new text from a known source) and deletes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/index.js";
import type { ReportExtraction } from "../../src/extract/types.js";
import { deleteReport } from "../../src/graph/delete.js";
import type { Database } from "../../src/graph/driver.js";
import { readAllRollups, rebuildRollups } from "../../src/graph/rollups.js";
import { writeReports } from "../../src/graph/writer.js";
import { buildCorpus, generateCorpus } from "../../src/generate/corpus.js";
import { Rng } from "../../src/generate/rng.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph } from "../support/graph.js";

let db: Database;
let texts: ReportExtraction[];

beforeAll(async () => {
  db = openTestDatabase();
  await clearGraph(db);
  // A small world, so that reports share places and programmes and counts go up and down.
  const corpus = buildCorpus({ seed: "rollups", provinces: 2, districts: 5, townshipsPerDistrict: 2 });
  texts = [...generateCorpus(corpus, 48)].map((r) => extractReport(r.text));
});
afterAll(async () => {
  await clearGraph(db);
  await db.close();
});

async function expectMaintainedEqualRebuilt(step: string) {
  const maintained = await readAllRollups(db);
  await rebuildRollups(db);
  const rebuilt = await readAllRollups(db);
  expect(maintained.length, step).toBeGreaterThan(0);
  expect(maintained, step).toEqual(rebuilt);
}

describe("programme roll-ups", () => {
  it("match a rebuild from the mentions after random ingests, replacements and deletes", async () => {
    const rng = Rng.from("rollup-ops");
    const stored = new Map<string, string>(); // source path → report id
    let ops = 0;
    for (let round = 0; round < 6; round++) {
      // A batch of writes: new sources, and new texts for sources already stored (replacements).
      const batch = Array.from({ length: rng.int(3, 9) }, () => {
        const x = texts[rng.int(0, texts.length - 1)]!;
        const replace = stored.size > 0 && rng.next() < 0.3;
        const source = replace ? [...stored.keys()][rng.int(0, stored.size - 1)]! : `src-${ops++}`;
        return { extraction: x, source };
      });
      const written = await writeReports(db, batch);
      for (const w of written.reports) stored.set(w.source!, w.id);
      // Deletes: a few stored reports go (with every source pointing at them).
      for (let d = rng.int(0, 3); d > 0 && stored.size; d--) {
        const id = [...stored.values()][rng.int(0, stored.size - 1)]!;
        expect(await deleteReport(db, id)).toBe(true);
        for (const [path, rid] of stored) if (rid === id) stored.delete(path);
      }
      await expectMaintainedEqualRebuilt(`round ${round}`);
    }
    // Everything deleted: no roll-up is left behind.
    for (const id of new Set(stored.values())) await deleteReport(db, id);
    expect(await readAllRollups(db)).toEqual([]);
  }, 240_000); // six rounds of writes and full rebuilds: minutes when the shared machine is loaded

  it("stay exact when writers add to the same roll-ups at once", async () => {
    await clearGraph(db);
    // Four batches at once, sharing programmes and places: they create and increment the same
    // roll-ups, so some find a node another has just created (and write their batch again).
    const batches = [0, 1, 2, 3].map((b) => texts.slice(b * 10, b * 10 + 10).map((extraction, i) => ({ extraction, source: `c${b}-${i}` })));
    const written = await Promise.all(batches.map((batch) => writeReports(db, batch)));
    expect(written.flatMap((w) => w.reports).filter((r) => r.status === "new").length).toBe(new Set(texts.slice(0, 40).map((x) => x.textHash)).size);
    await expectMaintainedEqualRebuilt("concurrent writers");
  });

  it("counts a district's programmes the way the mentions do", async () => {
    await clearGraph(db);
    await writeReports(db, texts.slice(0, 12).map((extraction, i) => ({ extraction, source: `s${i}` })));
    const { records } = await db.driver.executeQuery(
      `MATCH (x:ProgramRollup {level: 'DISTRICT', year: 0})
       CALL (x) { MATCH (:Program {key: x.program})<-[:MENTIONS]-(r:Report {districtCode: x.code}) RETURN count(r) AS n }
       RETURN x.reports AS maintained, n AS counted`,
    );
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.get("maintained")).toBe(r.get("counted"));
  });
});
