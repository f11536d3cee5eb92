import { defineConfig } from "vitest/config";

// Two projects: "unit" needs nothing but Node; "integration" talks to a real Neo4j that
// test/setup/neo4j.ts starts (or finds through NEO4J_URI) once for the whole run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
        },
      },
    ],
  },
});
