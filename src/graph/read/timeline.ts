// Where a programme runs, year by year: the rows of a place × year grid.
import type { DivisionLevel } from "../../extract/types.js";
import type { Database } from "../driver.js";
import { afterCondition, orderBy, sortKeyOf, toPage, windowParams, type SortColumn } from "./keyset.js";
import { JURISDICTION_FIELDS, withinField } from "./places.js";
import type { JurisdictionRecord, Page, PageWindow, SortKey } from "./records.js";
import { readCount, readRows } from "./run.js";

export interface TimelinePlaceRecord {
  jurisdiction: JurisdictionRecord;
  firstYear: number;
  /** reports from within the place that mention the programme, per year, oldest first */
  years: { year: number; reports: number }[];
}

/**
 * The places (at a level, optionally within a division) whose reports mention a programme,
 * earliest first, each with its report count per year.
 *
 * Reads the programme × place × year roll-ups the writer keeps (src/graph/rollups.ts): a few
 * small nodes per place instead of every mention.
 */
export async function programTimeline(
  db: Database,
  programKey: string,
  filter: { level: DivisionLevel; within: string | null },
  window: PageWindow,
): Promise<Page<TimelinePlaceRecord>> {
  const rows = await readRows<{ item: TimelinePlaceRecord; key: SortKey }>(
    db,
    `${yearRows(filter)}
     WITH x.code AS code, x.year AS year, x.reports AS reports ORDER BY year
     WITH code, collect({year: year, reports: reports}) AS years, min(year) AS firstYear, sum(reports) AS total
     ${window.after ? `WHERE ${afterCondition(EARLIEST_FIRST)}` : ""}
     WITH code, years, firstYear, total ORDER BY ${orderBy(EARLIEST_FIRST)} LIMIT toInteger($limit)
     MATCH (j:Jurisdiction {code: code})
     RETURN {jurisdiction: j {${JURISDICTION_FIELDS}}, firstYear: firstYear, years: years} AS item, ${sortKeyOf(EARLIEST_FIRST)} AS key`,
    { key: programKey, level: filter.level, within: filter.within, ...windowParams(window) },
  );
  return toPage(rows, window);
}

export async function countTimelinePlaces(db: Database, programKey: string, filter: { level: DivisionLevel; within: string | null }): Promise<number> {
  return readCount(db, `${yearRows(filter)} RETURN count(DISTINCT x.code) AS count`, { key: programKey, level: filter.level, within: filter.within });
}

const EARLIEST_FIRST: SortColumn[] = [{ expr: "firstYear" }, { expr: "total", desc: true }, { expr: "code" }];

/** The programme's year roll-ups at a level (within a division: its code is one of theirs). */
function yearRows(filter: { within: string | null }): string {
  const within = filter.within ? withinField(filter.within) : null;
  return `MATCH (x:ProgramRollup) WHERE x.program = $key AND x.level = $level AND x.year > 0 AND x.reports > 0
     ${within ? `AND x.${within} = $within` : ""}`;
}
