import { defineConfig } from "vitest/config";

// Two projects: "unit" needs nothing but Node; "integration" talks to a real Neo4j that
// test/setup/neo4j.ts starts (or finds through NEO4J_URI) once for the whole run. Neo4j
// Community has one user database, so integration files run one after another.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // Several unit tests run the built CLI as a child process, which takes seconds on a busy
          // machine: vitest's default of 5 s would fail them for the machine's load, not their code.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          globalSetup: ["test/setup/neo4j.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
