// Reads of the programme roll-ups (src/graph/rollups.ts keeps them): where a programme runs,
// what a place runs, which programmes recur, a programme's years. Each reads a few roll-up nodes
// through their indexes, never the mentions.
import { ALL, COUNT_FIELD, levelOfCode, rollupId, type AreaLevel, type RollupLevel } from "../rollups.js";
import type { Database } from "../driver.js";
import { emptyPage, limitOf, orderBy, sortKeyOf, toPage, where, windowParams, type Fragment, type SortColumn } from "./keyset.js";
import { JURISDICTION_FIELDS, rollupField } from "./places.js";
import { PROGRAM_FIELDS } from "./programs.js";
import type { JurisdictionRecord, Page, PageWindow, ProgramRecord, SortKey } from "./records.js";
import { readCount, readOne, readPageListsByKeys, readRows } from "./run.js";

export interface PlaceFilter {
  /** the level places are counted at: a street's report counts for its district at DISTRICT */
  level: RollupLevel;
  year: number | null;
  /** only places within this division code */
  within: string | null;
}

const RANK: Record<AreaLevel, number> = { ALL: 0, PROVINCE: 1, CITY: 2, DISTRICT: 3, TOWNSHIP: 4, COMMUNITY: 5 };

/** The area a filter reads (a division, or the whole graph) and its level. */
function areaOf(filter: PlaceFilter): { area: string; areaLevel: AreaLevel; year: number } {
  const areaLevel: AreaLevel = filter.within ? (levelOfCode(filter.within) ?? "ALL") : "ALL";
  return { area: filter.within ?? ALL, areaLevel, year: filter.year ?? 0 };
}

/** Places of the filter's level can lie within its area only if the area is not below that level. */
const canHoldLevel = (filter: PlaceFilter) => RANK[areaOf(filter).areaLevel] <= RANK[filter.level];

// ---- recurringPrograms -------------------------------------------------------------------------

export interface RecurringProgramRecord {
  program: ProgramRecord;
  jurisdictionCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

const MOST_WIDESPREAD = (field: string): SortColumn[] => [{ expr: `x.${field}`, desc: true }, { expr: "x.program" }];

/** The roll-ups of the programmes recurring in an area: those counting at least $min places of the level. */
const recurringIn = (filter: PlaceFilter) => `MATCH (x:ProgramRollup) WHERE x.code = $area AND x.year = $year AND x.${COUNT_FIELD[filter.level]} >= $min`;

/** A page of recurring programmes, most widespread first, as one list of {item, key}. */
function recurringPage(filter: PlaceFilter & { min: number }, window: PageWindow): Fragment {
  const field = COUNT_FIELD[filter.level];
  const order = MOST_WIDESPREAD(field);
  return {
    cypher: `COLLECT {
       MATCH (x:ProgramRollup) ${where(["x.code = $area", "x.year = $year", `x.${field} >= $min`], order, window)}
       WITH x ORDER BY ${orderBy(order)} ${limitOf()}
       MATCH (p:Program {key: x.program})
       RETURN {item: {program: p {${PROGRAM_FIELDS}}, jurisdictionCount: x.${field}, firstYear: x.firstYear, lastYear: x.lastYear}, key: ${sortKeyOf(order)}}
     }`,
    params: { ...areaOf(filter), min: filter.min, ...windowParams(window) },
  };
}

/** Programmes mentioned in reports from at least `min` distinct places of a level (within an area, in a year). */
export async function recurringPrograms(db: Database, filter: PlaceFilter & { min: number }, window: PageWindow): Promise<Page<RecurringProgramRecord>> {
  if (!canHoldLevel(filter)) return emptyPage();
  const page = recurringPage(filter, window);
  const row = await readOne<{ rows: { item: RecurringProgramRecord; key: SortKey }[] }>(db, `RETURN ${page.cypher} AS rows`, page.params);
  return toPage(row?.rows ?? [], window);
}

export async function countRecurringPrograms(db: Database, filter: PlaceFilter & { min: number }): Promise<number> {
  if (!canHoldLevel(filter)) return 0;
  return readCount(db, `${recurringIn(filter)} RETURN count(x) AS count`, { ...areaOf(filter), min: filter.min });
}

/** recurringPrograms and countRecurringPrograms in one statement, for a query that asks for both. */
export async function recurringProgramsCounted(
  db: Database,
  filter: PlaceFilter & { min: number },
  window: PageWindow,
): Promise<{ page: Page<RecurringProgramRecord>; count: number }> {
  if (!canHoldLevel(filter)) return { page: emptyPage(), count: 0 };
  const page = recurringPage(filter, window);
  const row = await readOne<{ rows: { item: RecurringProgramRecord; key: SortKey }[]; count: number }>(
    db,
    `RETURN ${page.cypher} AS rows, COUNT { ${recurringIn(filter)} RETURN x } AS count`,
    page.params,
  );
  return { page: toPage(row?.rows ?? [], window), count: row?.count ?? 0 };
}

// ---- program.jurisdictions ---------------------------------------------------------------------

export interface ProgramPlaceRecord {
  jurisdiction: JurisdictionRecord;
  reports: number;
  firstYear: number | null;
  lastYear: number | null;
}

const BY_PLACE: SortColumn[] = [{ expr: "x.code" }];

/**
 * The places (at a level, within an area, in a year) whose reports mention the programme whose
 * key is `key` (a Cypher expression), by code: a page as one list of {item, key}. The rows come in
 * the order of the index on (program, level, year, code) and stop at the page: the planner does so
 * only when the order names all four properties (the first three are fixed here), the code is
 * asked to exist, and (on small graphs, where it prefers the index without the code) it is told.
 */
export function placesOfProgramPage(key: string, filter: PlaceFilter, window: PageWindow, prefix = ""): Fragment {
  const withinLevel = filter.within ? levelOfCode(filter.within) : null;
  const within = withinLevel ? `x.${withinLevel === "COMMUNITY" ? "code" : rollupField(withinLevel)} = $${prefix}area` : null;
  const { area, year } = areaOf(filter);
  return {
    cypher: `COLLECT {
       MATCH (x:ProgramRollup) USING INDEX x:ProgramRollup(program, level, year, code) ${where([`x.program = ${key}`, `x.level = $${prefix}level`, `x.year = $${prefix}year`, "x.code IS NOT NULL", within], BY_PLACE, window, prefix)}
       WITH x ORDER BY x.program, x.level, x.year, ${orderBy(BY_PLACE)} ${limitOf(prefix)}
       MATCH (j:Jurisdiction {code: x.code})
       RETURN {item: {jurisdiction: j {${JURISDICTION_FIELDS}}, reports: x.reports, firstYear: x.firstYear, lastYear: x.lastYear}, key: ${sortKeyOf(BY_PLACE)}}
     }`,
    params: { [`${prefix}level`]: filter.level, [`${prefix}area`]: area, [`${prefix}year`]: year, ...windowParams(window, prefix) },
  };
}

/** The places (at a level, within an area, in a year) whose reports mention each programme, by code. */
export async function placesOfPrograms(db: Database, keys: readonly string[], filter: PlaceFilter, window: PageWindow): Promise<Page<ProgramPlaceRecord>[]> {
  if (!canHoldLevel(filter)) return keys.map(() => emptyPage());
  const page = placesOfProgramPage("key", filter, window);
  return readPageListsByKeys(db, `UNWIND $keys AS key RETURN key, ${page.cypher} AS rows`, keys, window, page.params);
}

/** How many places placesOfPrograms lists for a programme: kept on the area's roll-up. */
export async function countPlacesOfProgram(db: Database, key: string, filter: PlaceFilter): Promise<number> {
  if (!canHoldLevel(filter)) return 0;
  const { area, year } = areaOf(filter);
  return readCount(db, `OPTIONAL MATCH (x:ProgramRollup {id: $id}) RETURN coalesce(x.${COUNT_FIELD[filter.level]}, 0) AS count`, {
    id: rollupId(key, area, year),
  });
}

/** The codes of the places (first `limit` by code) behind each programme's recurringPrograms count. */
export async function placeCodesOfPrograms(db: Database, keys: readonly string[], filter: PlaceFilter, limit: number): Promise<string[][]> {
  const pages = await placesOfPrograms(db, keys, filter, { limit, after: null });
  return pages.map((page) => page.items.map((p) => p.jurisdiction.code));
}

// ---- jurisdiction.programs ---------------------------------------------------------------------

const MOST_REPORTED: SortColumn[] = [{ expr: "x.reports", desc: true }, { expr: "x.program" }];

/** Programmes mentioned by reports from within the place whose code is `code` (a Cypher expression), most reported first: a page as one list of {item, key}. */
export function programsWithinPage(code: string, window: PageWindow, prefix = ""): Fragment {
  return {
    cypher: `COLLECT {
       MATCH (x:ProgramRollup) ${where([`x.code = ${code}`, "x.year = 0"], MOST_REPORTED, window, prefix)}
       WITH x ORDER BY ${orderBy(MOST_REPORTED)} ${limitOf(prefix)}
       MATCH (p:Program {key: x.program})
       RETURN {item: p {${PROGRAM_FIELDS}, reports: x.reports}, key: ${sortKeyOf(MOST_REPORTED)}}
     }`,
    params: windowParams(window, prefix),
  };
}

/** Programmes mentioned by reports from within each place, with how many reports, most first. */
export async function programsWithin(db: Database, codes: readonly string[], window: PageWindow): Promise<Page<ProgramRecord & { reports: number }>[]> {
  const page = programsWithinPage("key", window);
  return readPageListsByKeys(db, `UNWIND $keys AS key RETURN key, ${page.cypher} AS rows`, codes, window, page.params);
}

export async function countProgramsWithin(db: Database, code: string): Promise<number> {
  return readCount(db, `MATCH (x:ProgramRollup) WHERE x.code = $code AND x.year = 0 RETURN count(x) AS count`, { code });
}

// ---- sharedPrograms, report counts ---------------------------------------------------

/** Programmes that reports from within both places mention. */
export async function sharedPrograms(db: Database, a: string, b: string): Promise<ProgramRecord[]> {
  const rows = await readRows<{ p: ProgramRecord }>(
    db,
    `MATCH (x:ProgramRollup) WHERE x.code = $a AND x.year = 0
     MATCH (y:ProgramRollup {id: x.program + '|' + $b + '|0'})
     MATCH (p:Program {key: x.program})
     RETURN p {${PROGRAM_FIELDS}} AS p ORDER BY p.key`,
    { a, b },
  );
  return rows.map((r) => r.p);
}

/** Reports mentioning a programme (in a year): kept on its whole-graph roll-up. */
export async function countReportsMentioningProgram(db: Database, key: string, year: number | null): Promise<number> {
  const row = await readOne<{ count: number }>(db, `OPTIONAL MATCH (x:ProgramRollup {id: $id}) RETURN coalesce(x.reports, 0) AS count`, {
    id: rollupId(key, ALL, year ?? 0),
  });
  return row?.count ?? 0;
}
