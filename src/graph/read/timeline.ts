// Where a programme runs, year by year: the rows of a place × year grid.
import type { DivisionLevel } from "../../extract/types.js";
import type { Database } from "../driver.js";
import { JURISDICTION_FIELDS } from "./places.js";
import type { JurisdictionRecord, Page, PageWindow } from "./records.js";
import { readOne } from "./run.js";

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
  page: PageWindow,
): Promise<Page<TimelinePlaceRecord>> {
  const row = await readOne<Page<TimelinePlaceRecord>>(
    db,
    `MATCH (x:ProgramRollup {program: $key, level: $level})
     WHERE x.year > 0 AND x.reports > 0
       AND ($within IS NULL OR $within IN [x.provinceCode, x.cityCode, x.districtCode, x.townshipCode, x.code])
     WITH x.code AS code, x.year AS year, x.reports AS reports ORDER BY year
     WITH code, collect({year: year, reports: reports}) AS years, min(year) AS firstYear, sum(reports) AS total
     MATCH (j:Jurisdiction {code: code})
     WITH j, years, firstYear, total ORDER BY firstYear, total DESC, j.code
     WITH collect({jurisdiction: j {${JURISDICTION_FIELDS}}, firstYear: firstYear, years: years}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { key: programKey, level: filter.level, within: filter.within, ...page },
  );
  return row ?? { items: [], total: 0 };
}
