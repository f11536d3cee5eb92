// Where a programme runs, year by year: the rows of a place × year grid.
import type { DivisionLevel } from "../../extract/types.js";
import type { Database } from "../driver.js";
import { JURISDICTION_FIELDS, rollupField } from "./places.js";
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
 * Kept in this one function so that it can read pre-computed programme × place × year roll-ups
 * instead of the reports once the writer maintains them.
 */
export async function programTimeline(
  db: Database,
  programKey: string,
  filter: { level: DivisionLevel; within: string | null },
  page: PageWindow,
): Promise<Page<TimelinePlaceRecord>> {
  const field = rollupField(filter.level);
  const row = await readOne<Page<TimelinePlaceRecord>>(
    db,
    `MATCH (:Program {key: $key})<-[:MENTIONS]-(r:Report)
     WHERE r.${field} IS NOT NULL AND r.year IS NOT NULL
       AND ($within IS NULL OR $within IN [r.provinceCode, r.cityCode, r.districtCode, r.townshipCode, r.subjectCode])
     WITH r.${field} AS code, r.year AS year, count(r) AS reports ORDER BY year
     WITH code, collect({year: year, reports: reports}) AS years, min(year) AS firstYear, sum(reports) AS total
     MATCH (j:Jurisdiction {code: code})
     WITH j, years, firstYear, total ORDER BY firstYear, total DESC, j.code
     WITH collect({jurisdiction: j {${JURISDICTION_FIELDS}}, firstYear: firstYear, years: years}) AS rows
     RETURN rows[$offset..$offset + $limit] AS items, size(rows) AS total`,
    { key: programKey, within: filter.within, ...page },
  );
  return row ?? { items: [], total: 0 };
}
