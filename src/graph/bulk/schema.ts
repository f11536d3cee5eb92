// After neo4j-admin: what the CSV files cannot say, and the migrations' indexes and constraints.
//
// The import records every migration as applied (its Migration nodes) because the data those
// migrations compute (the graph version, alias nodes, roll-ups) is in the files already; what is
// left to do is each migration's schema statements, in order, on the loaded graph.
import type { Database } from "../driver.js";
import { loadMigrations, type Migration } from "../migrate.js";
import { NAMED_LABELS } from "../rows.js";

const SCHEMA_STATEMENT = /^(CREATE|DROP)\s+(?:(?:FULLTEXT|TEXT|RANGE|POINT|LOOKUP|VECTOR)\s+)?(?:INDEX|CONSTRAINT)\b/i;

export const isSchemaStatement = (statement: string) => SCHEMA_STATEMENT.test(statement.trim());

/** A CSV field cannot hold an empty list; the writer sets these lists on every node, empty or not. */
const LIST_PROPERTIES: [string, string][] = [[NAMED_LABELS.join("|"), "aliases"], ["UnlinkedPlace", "candidates"]];
const emptyLists = (labels: string, property: string) => `
MATCH (e:${labels}) WHERE e.${property} IS NULL
CALL (e) { SET e.${property} = [] } IN TRANSACTIONS OF 10000 ROWS`;

// A report whose first file had no URL takes one a later file of the same text brought.
const FILL_URLS = `
UNWIND $rows AS row
MATCH (r:Report {id: row.id})
SET r.sourceUrl = row.url`;

export async function finishImportedGraph(
  db: Database,
  urlFills: { id: string; url: string }[] = [],
  migrations?: Migration[],
  indexTimeoutSeconds = 3600,
): Promise<void> {
  // CALL … IN TRANSACTIONS and schema statements need auto-commit transactions: session.run.
  const session = db.driver.session({ database: db.database });
  try {
    for (const [labels, property] of LIST_PROPERTIES) await session.run(emptyLists(labels, property));
    for (const migration of migrations ?? (await loadMigrations())) {
      for (const statement of migration.statements.filter(isSchemaStatement)) await session.run(statement);
    }
    await session.run("CALL db.awaitIndexes($seconds)", { seconds: indexTimeoutSeconds });
    if (urlFills.length) await session.run(FILL_URLS, { rows: urlFills });
  } finally {
    await session.close();
  }
}
