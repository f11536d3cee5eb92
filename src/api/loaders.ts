// Per-request DataLoaders: the lookups one GraphQL request makes are batched into a few Cypher
// round trips (a list of 50 places with their programmes and parents is ~3 queries, not 100+).
import DataLoader from "dataloader";
import type { Database } from "../graph/driver.js";
import { adviceGivenBy, firmsOfPersons, lawFirmsByKey, lawsByKey, lawyersOf, personsByKey } from "../graph/read/firms.js";
import { advisersOf, childrenOf, jurisdictionsByCode } from "../graph/read/places.js";
import { evidenceOfPrograms, programsByKey, reportsMentioning, type MentionedLabel } from "../graph/read/programs.js";
import type { PageWindow } from "../graph/read/records.js";
import type { RollupLevel } from "../graph/rollups.js";
import { placeCodesOfPrograms, placesOfPrograms, programsWithin, type PlaceFilter } from "../graph/read/rollups.js";
import { contentsOfReports, metricsById, metricsOfReports, reportsById, textsOfReports } from "../graph/read/reports.js";
import { unlinkedPlacesByKey } from "../graph/read/unlinked.js";
import { listBound } from "./guard/list-bounds.js";

/**
 * A loader whose keys share extra arguments (a page window, filters): keys with equal
 * arguments are batched into one call.
 */
function withArgs<A, V>(load: (ids: string[], args: A) => Promise<V[]>): DataLoader<{ id: string; args: A }, V, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const { id, args } of keys) {
        const group = JSON.stringify(args);
        if (!groups.has(group)) groups.set(group, { args, ids: [] });
        groups.get(group)!.ids.push(id);
      }
      const answers = new Map<string, V>();
      await Promise.all(
        [...groups].map(async ([group, { args, ids }]) => {
          const values = await load(ids, args);
          ids.forEach((id, i) => answers.set(`${group}\u0000${id}`, values[i]!));
        }),
      );
      return keys.map(({ id, args }) => answers.get(`${JSON.stringify(args)}\u0000${id}`)!);
    },
    { cacheKeyFn: ({ id, args }) => `${JSON.stringify(args)}\u0000${id}` },
  );
}

const byKeys = <V>(load: (keys: readonly string[]) => Promise<V[]>) => new DataLoader<string, V>((keys) => load(keys));

export function createLoaders(db: Database) {
  return {
    jurisdiction: byKeys((codes) => jurisdictionsByCode(db, codes)),
    program: byKeys((keys) => programsByKey(db, keys)),
    law: byKeys((keys) => lawsByKey(db, keys)),
    lawFirm: byKeys((keys) => lawFirmsByKey(db, keys)),
    person: byKeys((keys) => personsByKey(db, keys)),
    report: byKeys((ids) => reportsById(db, ids)),
    metric: byKeys((ids) => metricsById(db, ids)),
    unlinkedPlace: byKeys((keys) => unlinkedPlacesByKey(db, keys)),
    children: withArgs((codes, page: PageWindow) => childrenOf(db, codes, page)),
    advisers: byKeys((codes) => advisersOf(db, codes, listBound("Jurisdiction", "lawFirms"))),
    /** id: the place's code */
    programsWithin: withArgs((codes, page: PageWindow) => programsWithin(db, codes, page)),
    placesOfProgram: withArgs((keys, args: { filter: PlaceFilter; page: PageWindow }) => placesOfPrograms(db, keys, args.filter, args.page)),
    /** the codes behind a recurring programme's count (up to `limit`) */
    placeCodesOfProgram: withArgs((keys, args: { filter: PlaceFilter; limit: number }) => placeCodesOfPrograms(db, keys, args.filter, args.limit)),
    /** one sentence from each of the first `places` places of a recurring programme */
    recurringEvidence: withArgs(async (keys, args: { filter: PlaceFilter; places: number }) => {
      const codes = await placeCodesOfPrograms(db, keys, args.filter, args.places);
      return evidenceOfPrograms(db, keys.map((key, i) => ({ key, codes: codes[i]! })), args.filter.level, args.filter.year);
    }),
    /** id: place code and programme key joined by NUL; the newest report's sentence */
    placeProgramEvidence: withArgs(async (ids, level: RollupLevel) => {
      const wanted = ids.map((id) => ({ codes: [id.split("\u0000")[0]!], key: id.split("\u0000")[1]! }));
      return evidenceOfPrograms(db, wanted, level, null);
    }),
    reportsMentioning: withArgs((keys, args: { label: MentionedLabel; year: number | null; page: PageWindow }) =>
      reportsMentioning(db, args.label, keys, args.year, args.page),
    ),
    adviceGiven: byKeys((keys) => adviceGivenBy(db, keys, listBound("LawFirm", "advises"))),
    lawyers: byKeys((keys) => lawyersOf(db, keys)),
    firmOfPerson: byKeys((keys) => firmsOfPersons(db, keys)),
    reportContents: byKeys((ids) => contentsOfReports(db, ids)),
    reportText: byKeys((ids) => textsOfReports(db, ids)),
    reportMetrics: byKeys((ids) => metricsOfReports(db, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
