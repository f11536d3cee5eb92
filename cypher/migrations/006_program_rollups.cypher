// Programme roll-ups (src/graph/rollups.ts): one node per programme × area × year, kept by the
// writer. This statement computes them all from the mentions: it builds them for a graph written
// before they existed, and the rebuild check runs it again on an emptied set.
CREATE CONSTRAINT program_rollup_id IF NOT EXISTS FOR (x:ProgramRollup) REQUIRE x.id IS UNIQUE;
CREATE INDEX program_rollup_area IF NOT EXISTS FOR (x:ProgramRollup) ON (x.code, x.year);
CREATE INDEX program_rollup_program IF NOT EXISTS FOR (x:ProgramRollup) ON (x.program, x.level, x.year);
CREATE INDEX program_rollup_program_area IF NOT EXISTS FOR (x:ProgramRollup) ON (x.program, x.code);
MATCH (p:Program)<-[:MENTIONS]-(r:Report)
WITH p.key AS program, r, CASE WHEN size(r.subjectCode) = 12 THEN r.subjectCode END AS community
UNWIND [['ALL', 'ALL', 0], [r.provinceCode, 'PROVINCE', 1], [r.cityCode, 'CITY', 2], [r.districtCode, 'DISTRICT', 3],
        [r.townshipCode, 'TOWNSHIP', 4], [community, 'COMMUNITY', 5]] AS area
WITH program, r, community, area WHERE area[0] IS NOT NULL
UNWIND CASE WHEN r.year IS NULL THEN [0] ELSE [0, r.year] END AS year
WITH program, area[0] AS code, area[1] AS level, year,
     CASE WHEN area[2] >= 1 THEN r.provinceCode END AS provinceCode,
     CASE WHEN area[2] >= 2 THEN r.cityCode END AS cityCode,
     CASE WHEN area[2] >= 3 THEN r.districtCode END AS districtCode,
     CASE WHEN area[2] >= 4 THEN r.townshipCode END AS townshipCode,
     count(*) AS reports, min(r.year) AS firstYear, max(r.year) AS lastYear,
     count(DISTINCT CASE WHEN area[2] <= 1 THEN r.provinceCode END) AS provinces,
     count(DISTINCT CASE WHEN area[2] <= 2 THEN r.cityCode END) AS cities,
     count(DISTINCT CASE WHEN area[2] <= 3 THEN r.districtCode END) AS districts,
     count(DISTINCT CASE WHEN area[2] <= 4 THEN r.townshipCode END) AS townships,
     count(DISTINCT community) AS communities
CREATE (:ProgramRollup {id: program + '|' + code + '|' + toString(toInteger(year)), program: program, code: code, level: level,
  year: year, reports: reports, firstYear: firstYear, lastYear: lastYear, provinces: provinces, cities: cities,
  districts: districts, townships: townships, communities: communities, provinceCode: provinceCode,
  cityCode: cityCode, districtCode: districtCode, townshipCode: townshipCode});
