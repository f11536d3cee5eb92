import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/graph/migrate.js";
import type { Database } from "../../src/graph/driver.js";
import { openTestDatabase } from "../support/db.js";

let db: Database;
beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  await db.driver.executeQuery("MATCH (n:RoundTripProbe) DETACH DELETE n");
  await db.close();
});

async function schema() {
  const constraints = await db.driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
  const indexes = await db.driver.executeQuery("SHOW INDEXES YIELD name RETURN name ORDER BY name");
  const applied = await db.driver.executeQuery("MATCH (m:Migration) RETURN m.id AS id, toString(m.appliedAt) AS at ORDER BY id");
  return {
    constraints: constraints.records.map((r) => r.get("name")),
    indexes: indexes.records.map((r) => r.get("name")),
    applied: applied.records.map((r) => r.toObject()),
  };
}

describe("migrations on a real Neo4j", () => {
  it("created the model's uniqueness constraints", async () => {
    const { constraints } = await schema();
    for (const name of ["report_id", "jurisdiction_code", "program_key", "law_firm_key", "metric_id", "migration_id"]) {
      expect(constraints).toContain(name);
    }
  });

  it("change nothing when applied again", async () => {
    const before = await schema();
    expect(await migrate(db)).toEqual([]);
    expect(await schema()).toEqual(before);
  });
});

describe("the driver", () => {
  it("writes and reads back a node with Chinese text, in a transaction function", async () => {
    const session = db.driver.session({ database: db.database });
    try {
      await session.executeWrite((tx) =>
        tx.run("CREATE (:RoundTripProbe {name: $name, count: $count, tags: $tags})", {
          name: "坡子街街道",
          count: 42,
          tags: ["八五普法", "枫桥经验"],
        }),
      );
    } finally {
      await session.close();
    }
    const { records } = await db.driver.executeQuery("MATCH (p:RoundTripProbe) RETURN p.name AS name, p.count AS count, p.tags AS tags");
    expect(records.map((r) => r.toObject())).toEqual([{ name: "坡子街街道", count: 42, tags: ["八五普法", "枫桥经验"] }]);
  });

  it("rejects a write that breaks a uniqueness constraint", async () => {
    await db.driver.executeQuery("CREATE (:Program {key: 'probe-unique'})");
    await expect(db.driver.executeQuery("CREATE (:Program {key: 'probe-unique'})")).rejects.toThrow(/already exists/);
    await db.driver.executeQuery("MATCH (p:Program {key: 'probe-unique'}) DELETE p");
  });
});
