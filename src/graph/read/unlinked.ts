// Place names the extractor could not link to a division code (UnlinkedPlace nodes, migration 007).
import type { Database } from "../driver.js";
import type { UnlinkedPlaceRecord } from "./records.js";
import { readByKeys } from "./run.js";

export const UNLINKED_FIELDS =
  "key: u.key, name: u.name, kind: u.kind, level: u.level, within: u.within, candidates: coalesce(u.candidates, [])";

/** Unlinked place names by key (name@place), in the order asked; null where none. */
export async function unlinkedPlacesByKey(db: Database, keys: readonly string[]): Promise<(UnlinkedPlaceRecord | null)[]> {
  return readByKeys(db, `UNWIND $keys AS key MATCH (u:UnlinkedPlace {key: key}) RETURN key, u {${UNLINKED_FIELDS}} AS value`, keys);
}
