// Programme roll-ups: how many reports from within each place mention each programme, per year
// and over all years, and how many places of each level below it do. The writer keeps them in
// step with the mentions inside the same transaction as the report (and delete takes a report's
// share back out), so questions such as "programmes recurring in ≥ 2 districts" read a few
// hundred small nodes instead of walking every mention.
//
// One node per (programme, area, year):
//   (:ProgramRollup {id, program, code, level, year, reports, firstYear, lastYear,
//                    provinces, cities, districts, townships, communities,
//                    provinceCode, cityCode, districtCode, townshipCode})
// area: a place at PROVINCE, CITY, DISTRICT, TOWNSHIP or COMMUNITY level (the report subject's
// chain), or code 'ALL' / level 'ALL' for the whole graph. year: the report's year, or 0 for all
// years. provinces … communities: places of that level at or below the area with at least one
// report mentioning the programme (a district's own row counts itself in districts).
// All Cypher about roll-ups lives in this module.
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "./driver.js";
import type { GraphBatch } from "./rows.js";
import { loadMigrations } from "./migrate.js";

export const ROLLUP_LEVELS = ["PROVINCE", "CITY", "DISTRICT", "TOWNSHIP", "COMMUNITY"] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];
export type AreaLevel = "ALL" | RollupLevel;

/** The property of a roll-up node that counts places of a level. */
export const COUNT_FIELD: Record<RollupLevel, "provinces" | "cities" | "districts" | "townships" | "communities"> = {
  PROVINCE: "provinces",
  CITY: "cities",
  DISTRICT: "districts",
  TOWNSHIP: "townships",
  COMMUNITY: "communities",
};
const COUNT_FIELDS = Object.values(COUNT_FIELD);

/** The area code of the whole graph. */
export const ALL = "ALL";

/** A division level from the length of its code (2, 4, 6, 9 or 12 digits). */
export function levelOfCode(code: string): RollupLevel | null {
  return ({ 2: "PROVINCE", 4: "CITY", 6: "DISTRICT", 9: "TOWNSHIP", 12: "COMMUNITY" } as const)[code.length as 2] ?? null;
}

export const rollupId = (program: string, code: string, year: number) => `${program}|${code}|${year}`;

/** What one report adds to (or, deleted, takes from) the roll-ups. */
export interface Contribution {
  programs: string[];
  year: number | null;
  /** the subject's place codes, province first; nulls where a level is missing */
  places: (string | null)[];
}

interface Area {
  code: string;
  level: AreaLevel;
}

interface DeltaRow {
  id: string;
  delta: number;
  minYear: number | null;
  maxYear: number | null;
  /** ids of the rows of the areas above, same programme and year */
  parents: string[];
  level: AreaLevel;
  props: {
    program: string;
    code: string;
    level: AreaLevel;
    year: number;
    provinceCode: string | null;
    cityCode: string | null;
    districtCode: string | null;
    townshipCode: string | null;
  };
}

function areasOf(places: (string | null)[]): Area[] {
  const areas: Area[] = [{ code: ALL, level: "ALL" }];
  for (const code of places) {
    const level = code ? levelOfCode(code) : null;
    if (code && level) areas.push({ code, level });
  }
  return areas;
}

/** Sums contributions into one row per roll-up node, sorted by id (one lock order for all writers). */
export function deltaRows(contributions: Contribution[], sign: 1 | -1): DeltaRow[] {
  const rows = new Map<string, DeltaRow>();
  for (const c of contributions) {
    const areas = areasOf(c.places);
    const years = c.year === null ? [0] : [0, c.year];
    for (const program of c.programs) {
      for (const year of years) {
        const ids = areas.map((a) => rollupId(program, a.code, year));
        areas.forEach((area, i) => {
          let row = rows.get(ids[i]!);
          if (!row) {
            const code = (level: RollupLevel) => areas.slice(1, i + 1).find((a) => a.level === level)?.code ?? null;
            row = {
              id: ids[i]!,
              delta: 0,
              minYear: null,
              maxYear: null,
              parents: ids.slice(0, i),
              level: area.level,
              props: {
                program,
                code: area.code,
                level: area.level,
                year,
                provinceCode: code("PROVINCE"),
                cityCode: code("CITY"),
                districtCode: code("DISTRICT"),
                townshipCode: code("TOWNSHIP"),
              },
            };
            rows.set(row.id, row);
          }
          row.delta += sign;
          if (c.year !== null) {
            row.minYear = row.minYear === null ? c.year : Math.min(row.minYear, c.year);
            row.maxYear = row.maxYear === null ? c.year : Math.max(row.maxYear, c.year);
          }
        });
      }
    }
  }
  // sort() without a comparator orders strings as < does, without a call per comparison.
  return [...rows.keys()].sort().map((id) => rows.get(id)!);
}

// For removing (removeContributions). The count is read in the SET that writes it (a direct dependency),
// so Cypher takes the node's write lock before reading: two writers cannot both read the same count and lose an update.
const APPLY = `
UNWIND $rows AS row
MERGE (x:ProgramRollup {id: row.id})
  ON CREATE SET x += row.props, x.reports = 0, x.provinces = 0, x.cities = 0, x.districts = 0,
                x.townships = 0, x.communities = 0,
                x.firstYear = CASE WHEN row.props.year > 0 THEN row.props.year END,
                x.lastYear = CASE WHEN row.props.year > 0 THEN row.props.year END
SET x.reports = x.reports + row.delta
FOREACH (_ IN CASE WHEN row.delta > 0 AND row.minYear IS NOT NULL AND x.year = 0 THEN [1] ELSE [] END |
  SET x.firstYear = CASE WHEN x.firstYear IS NULL OR row.minYear < x.firstYear THEN row.minYear ELSE x.firstYear END,
      x.lastYear = CASE WHEN x.lastYear IS NULL OR row.maxYear > x.lastYear THEN row.maxYear ELSE x.lastYear END)
RETURN row.id AS id, x.reports - row.delta AS before, x.reports AS after`;

// Rows that became present or absent change the place counts of their own row and those above.
const PRESENCE = `
UNWIND $rows AS row
MATCH (x:ProgramRollup {id: row.id})
SET ${COUNT_FIELDS.map((f) => `x.${f} = x.${f} + row.${f}`).join(", ")}`;

const DROP_EMPTY = `
UNWIND $ids AS id
MATCH (x:ProgramRollup {id: id}) WHERE x.reports <= 0
DELETE x`;

// After a decrement an all-years row's first and last year may have moved: its year rows say.
const RECOMPUTE_YEARS = `
UNWIND $ids AS id
MATCH (x:ProgramRollup {id: id})
CALL (x) {
  MATCH (y:ProgramRollup {program: x.program, code: x.code}) WHERE y.year > 0
  RETURN min(y.year) AS firstYear, max(y.year) AS lastYear
}
SET x.firstYear = firstYear, x.lastYear = lastYear`;

/** Adds (sign 1) or removes (sign -1) reports' contributions, inside the caller's transaction. */
export async function applyContributions(tx: ManagedTransaction, contributions: Contribution[], sign: 1 | -1): Promise<void> {
  if (sign > 0) await addContributions(tx, contributions);
  else await removeContributions(tx, contributions);
}

// Adding: which roll-ups exist already is read first, so that every node is written once, with
// its final values: new ones are CREATEd whole (with the place counts their new rows below give
// them), existing ones get their increments. Between the read and the writes another writer may
// create or empty one of these nodes; then the CREATE breaks the id constraint, or the UPDATE
// finds fewer nodes than it was given, and the batch's transaction is run again (RollupsMovedError).
const EXISTING = `
UNWIND $ids AS id
MATCH (x:ProgramRollup {id: id})
RETURN x.id AS id`;

const CREATE = `
UNWIND $rows AS row
CREATE (x:ProgramRollup)
SET x = row`;

// Each SET reads the value it replaces, so it holds the node's write lock from the read on. Only
// what changes is set: most existing rows gain reports and no place, and a year's row keeps its
// first and last year; setting the rest would cost nearly as much as the change itself.
const YEAR_SPAN = `x.firstYear = CASE WHEN row.firstYear IS NOT NULL AND (x.firstYear IS NULL OR row.firstYear < x.firstYear) THEN row.firstYear ELSE x.firstYear END,
    x.lastYear = CASE WHEN row.lastYear IS NOT NULL AND (x.lastYear IS NULL OR row.lastYear > x.lastYear) THEN row.lastYear ELSE x.lastYear END`;
const updateStatement = (fields: readonly string[], allYears: boolean) => `
UNWIND $rows AS row
MATCH (x:ProgramRollup {id: row.id})
SET ${["reports", ...fields].map((f) => `x.${f} = x.${f} + row.${f}`).join(", ")}${allYears ? `,\n    ${YEAR_SPAN}` : ""}
RETURN count(x) AS updated`;
const UPDATES = [updateStatement([], false), updateStatement([], true), updateStatement(COUNT_FIELDS, true)];

/** Another transaction changed which roll-ups exist while this one was adding to them: run it again. */
export class RollupsMovedError extends Error {
  constructor(detail: string) {
    super(`programme roll-ups changed under this write (${detail}); the batch is written again`);
    this.name = "RollupsMovedError";
  }
}

/** True for an error after which the batch is to be written again from the start. */
export function rollupsMoved(error: unknown): boolean {
  if (error instanceof RollupsMovedError) return true;
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "Neo.ClientError.Schema.ConstraintValidationFailed" && /ProgramRollup/.test(e.message ?? "");
}

type Counts = Record<(typeof COUNT_FIELDS)[number], number>;
const noCounts = (): Counts => ({ provinces: 0, cities: 0, districts: 0, townships: 0, communities: 0 });

async function addContributions(tx: ManagedTransaction, contributions: Contribution[]): Promise<void> {
  const rows = deltaRows(contributions, 1);
  if (!rows.length) return;
  const found = await tx.run(EXISTING, { ids: rows.map((r) => r.id) });
  const existing = new Set(found.records.map((r) => r.get("id") as string));
  // A new node below an area is a place newly present in it: it counts in its own row and those above.
  const counts = new Map(rows.map((r) => [r.id, noCounts()]));
  for (const row of rows) {
    if (existing.has(row.id) || row.level === "ALL") continue;
    for (const id of [row.id, ...row.parents]) counts.get(id)![COUNT_FIELD[row.level]]++;
  }
  const created = rows
    .filter((r) => !existing.has(r.id))
    .map((r) => ({
      id: r.id,
      ...r.props,
      reports: r.delta,
      ...counts.get(r.id)!,
      firstYear: r.props.year > 0 ? r.props.year : r.minYear,
      lastYear: r.props.year > 0 ? r.props.year : r.maxYear,
    }));
  const updated = rows
    .filter((r) => existing.has(r.id))
    .map((r) => ({ id: r.id, allYears: r.props.year === 0, reports: r.delta, ...counts.get(r.id)!, firstYear: r.minYear, lastYear: r.maxYear }));
  const [, ...updates] = await Promise.all([
    created.length ? tx.run(CREATE, { rows: created }) : null,
    ...updateGroups(updated).map(({ statement, rows }) => tx.run(statement, { rows })),
  ]);
  const matched = updates.reduce((sum, update) => sum + (update!.records[0]!.get("updated") as number), 0);
  if (matched !== updated.length) throw new RollupsMovedError(`${updated.length - matched} of ${updated.length} were emptied`);
}

/**
 * Update rows in three groups, each with the statement that sets what they change (rows stay in id
 * order): most rows gain reports and no place; fewer kinds of statement keep their plans cached.
 */
function updateGroups(rows: (Counts & { id: string; allYears: boolean })[]): { statement: string; rows: typeof rows }[] {
  const groups = UPDATES.map((statement) => ({ statement, rows: [] as typeof rows }));
  for (const row of rows) {
    const placesChange = COUNT_FIELDS.some((f) => row[f] !== 0);
    groups[placesChange ? 2 : row.allYears ? 1 : 0]!.rows.push(row);
  }
  return groups.filter((g) => g.rows.length);
}

// Removing: the counts are decremented first; a node that reaches zero is a place no longer present,
// which the rows above it count down, and goes.
async function removeContributions(tx: ManagedTransaction, contributions: Contribution[]): Promise<void> {
  const rows = deltaRows(contributions, -1);
  if (!rows.length) return;
  const applied = await tx.run(APPLY, { rows });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const presence = new Map<string, Counts & { id: string }>();
  const emptied: string[] = [];
  const shrunk: string[] = [];
  for (const record of applied.records) {
    const row = byId.get(record.get("id") as string)!;
    const before = record.get("before") as number;
    const after = record.get("after") as number;
    if (after > 0) {
      if (row.props.year === 0) shrunk.push(row.id);
      continue;
    }
    emptied.push(row.id);
    if (before <= 0 || row.level === "ALL") continue;
    for (const id of [row.id, ...row.parents]) {
      if (!presence.has(id)) presence.set(id, { id, ...noCounts() });
      presence.get(id)![COUNT_FIELD[row.level]]--;
    }
  }
  const pending: Promise<unknown>[] = [];
  if (presence.size) pending.push(tx.run(PRESENCE, { rows: [...presence.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) }));
  if (emptied.length) pending.push(tx.run(DROP_EMPTY, { ids: emptied }));
  if (shrunk.length) pending.push(tx.run(RECOMPUTE_YEARS, { ids: shrunk }));
  await Promise.all(pending);
}

/** The contributions of a batch's reports, from the rows the writer is about to write. */
export function contributionsOfBatch(batch: GraphBatch): Contribution[] {
  const programsOf = new Map<string, string[]>();
  for (const program of batch.entities("Program")) {
    for (const m of program.mentions) {
      if (!programsOf.has(m.report)) programsOf.set(m.report, []);
      programsOf.get(m.report)!.push(program.key);
    }
  }
  return batch.reports().flatMap((r) => {
    const programs = programsOf.get(r.id);
    if (!programs) return [];
    const p = r.props;
    return [{ programs, year: p.year, places: [p.provinceCode, p.cityCode, p.districtCode, p.townshipCode, communityOf(p.subjectCode)] }];
  });
}

const communityOf = (code: string | null) => (code && levelOfCode(code) === "COMMUNITY" ? code : null);

const CONTRIBUTIONS_OF_REPORTS = `
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN r.year AS year, [r.provinceCode, r.cityCode, r.districtCode, r.townshipCode, r.subjectCode] AS places,
       [(r)-[:MENTIONS]->(p:Program) | p.key] AS programs`;

/** The contributions of stored reports (before they are deleted). */
export async function contributionsOfReports(tx: ManagedTransaction, ids: string[]): Promise<Contribution[]> {
  const result = await tx.run(CONTRIBUTIONS_OF_REPORTS, { ids });
  return result.records.map((record) => {
    const places = record.get("places") as (string | null)[];
    places[4] = communityOf(places[4] ?? null);
    return { programs: record.get("programs") as string[], year: record.get("year") as number | null, places };
  });
}

/** The migration whose statements compute every roll-up from the mentions. */
export const REBUILD_MIGRATION = "006_program_rollups";

/** Deletes every roll-up and computes them again from the mentions (a check, or a repair). */
export async function rebuildRollups(db: Database): Promise<void> {
  const migration = (await loadMigrations()).find((m) => m.id === REBUILD_MIGRATION);
  if (!migration) throw new Error(`migration ${REBUILD_MIGRATION} is missing`);
  const session = db.driver.session({ database: db.database });
  try {
    await session.run("MATCH (x:ProgramRollup) CALL (x) { DELETE x } IN TRANSACTIONS OF 10000 ROWS");
    for (const statement of migration.statements) await session.run(statement);
  } finally {
    await session.close();
  }
}

export type RollupNode = Record<string, string | number | null>;

/** Every roll-up node's properties, by id: what the rebuild test compares. */
export async function readAllRollups(db: Database): Promise<RollupNode[]> {
  const { records } = await db.driver.executeQuery("MATCH (x:ProgramRollup) RETURN properties(x) AS x ORDER BY x.id", {}, { database: db.database });
  return records.map((r) => r.get("x") as RollupNode);
}
