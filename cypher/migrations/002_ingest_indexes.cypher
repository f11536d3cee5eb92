// Lookups the writer and delete make on every report.
CREATE CONSTRAINT source_path IF NOT EXISTS FOR (s:Source) REQUIRE s.path IS UNIQUE;
CREATE INDEX advises_report IF NOT EXISTS FOR ()-[a:ADVISES]-() ON (a.report);
CREATE INDEX jurisdiction_district IF NOT EXISTS FOR (j:Jurisdiction) ON (j.districtCode);
CREATE INDEX jurisdiction_city IF NOT EXISTS FOR (j:Jurisdiction) ON (j.cityCode);
