import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/graph/driver.js";
import { migrate } from "../../src/graph/migrate.js";
import { openTestDatabase } from "../support/db.js";
import { startProxy } from "../support/proxy.js";

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

describe("reads", () => {
  it("see what was written before them, without a transaction of their own", async () => {
    await db.driver.executeQuery("CREATE (:RoundTripProbe {name: 'read-after-write'})");
    const records = await db.read("MATCH (p:RoundTripProbe {name: $name}) RETURN count(p) AS n", { name: "read-after-write" });
    expect(records.map((r) => r.get("n"))).toEqual([1]);
  });

  it("go out as one auto-commit statement: no BEGIN or COMMIT message", async () => {
    const proxy = await startProxy(inject("neo4jUri"));
    const viaProxy = openDatabase({ ...loadConfig().neo4j, uri: proxy.uri });
    try {
      await viaProxy.read("RETURN 1 AS warm");
      proxy.holdAnswersTo("auto-commit-probe");
      const answered = viaProxy.read("RETURN $marker AS marker", { marker: "auto-commit-probe" });
      // Bolt's BEGIN and COMMIT are structures with signatures 0x11 and 0x12 after a marker byte 0xB1 / 0xB0.
      await expect.poll(() => proxy.sentOnHeld().includes("auto-commit-probe"), { timeout: 10_000 }).toBe(true);
      const sent = proxy.sentOnHeld();
      proxy.release();
      expect((await answered).map((r) => r.get("marker"))).toEqual(["auto-commit-probe"]);
      expect(sent.includes("\xB1\x11") || sent.includes("\xB0\x12")).toBe(false);
      // The same probe does see a managed transaction's BEGIN, so the check above can fail.
      proxy.holdAnswersTo("managed-probe");
      const managed = viaProxy.driver.executeQuery("RETURN $marker AS marker", { marker: "managed-probe" });
      await expect.poll(() => proxy.sentOnHeld().includes("managed-probe"), { timeout: 10_000 }).toBe(true);
      const sentManaged = proxy.sentOnHeld();
      proxy.release();
      await managed;
      expect(sentManaged.includes("\xB1\x11")).toBe(true);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it("are tried again on a new connection when theirs was lost", async () => {
    const proxy = await startProxy(inject("neo4jUri"));
    const viaProxy = openDatabase({ ...loadConfig().neo4j, uri: proxy.uri }, 10_000);
    try {
      proxy.holdAnswersTo("retry-probe");
      const answered = viaProxy.read("RETURN $marker AS marker", { marker: "retry-probe" });
      // The statement is in flight when its connection is cut; the next try goes out on a new one.
      await expect.poll(() => proxy.sentOnHeld().includes("retry-probe"), { timeout: 10_000 }).toBe(true);
      proxy.cutNow();
      proxy.release();
      proxy.restore();
      expect((await answered).map((r) => r.get("marker"))).toEqual(["retry-probe"]);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});
