// A request that finds every pooled connection busy is told the database is unavailable
// (SERVICE_UNAVAILABLE), not that the server broke (INTERNAL_SERVER_ERROR).
import neo4j from "neo4j-driver";
import { describe, expect, inject, it } from "vitest";
import { RequestBudget } from "../../src/api/guard/budget.js";
import { DatabaseUnavailableError, isUnavailable } from "../../src/graph/driver.js";
import { GraphQLError } from "graphql";
import { formatError } from "../../src/api/errors.js";
import { loadConfig } from "../../src/config.js";

describe("a full connection pool", () => {
  it("is reported as the database being unavailable", async () => {
    const driver = neo4j.driver(inject("neo4jUri"), undefined, {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 300,
      maxTransactionRetryTime: 500,
      disableLosslessIntegers: true,
    });
    const database = loadConfig().neo4j.database;
    const holder = driver.session({ database });
    const open = await holder.beginTransaction(); // takes the pool's only connection
    await open.run("RETURN 1");
    try {
      const budget = new RequestBudget({ maxRoundTrips: 10, maxRows: 1000, requestTimeoutMs: 5000 });
      const db = budget.wrap({ driver, uri: inject("neo4jUri"), database, close: () => driver.close() });
      const error = await db.driver.executeQuery("RETURN 1", {}, { database }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(isUnavailable(error)).toBe(true);
      const answered = formatError({ message: "x", extensions: { code: "INTERNAL_SERVER_ERROR" } }, new GraphQLError("x", { originalError: error as Error }));
      expect(answered.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await open.rollback();
      await holder.close();
      await driver.close();
    }
  });
});
