// Keys of the graph model (docs/graph-model.md). Every MERGE of the writer goes through one of these,
// so concurrent ingests cannot create duplicates.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (r:Report) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT jurisdiction_code IF NOT EXISTS FOR (j:Jurisdiction) REQUIRE j.code IS UNIQUE;
CREATE CONSTRAINT law_firm_key IF NOT EXISTS FOR (f:LawFirm) REQUIRE f.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT program_key IF NOT EXISTS FOR (p:Program) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT law_key IF NOT EXISTS FOR (l:Law) REQUIRE l.key IS UNIQUE;
CREATE CONSTRAINT metric_id IF NOT EXISTS FOR (m:Metric) REQUIRE m.id IS UNIQUE;
CREATE INDEX report_source IF NOT EXISTS FOR (r:Report) ON (r.source);
CREATE INDEX report_year IF NOT EXISTS FOR (r:Report) ON (r.year);
CREATE INDEX jurisdiction_name IF NOT EXISTS FOR (j:Jurisdiction) ON (j.name);
CREATE INDEX jurisdiction_level IF NOT EXISTS FOR (j:Jurisdiction) ON (j.level);
CREATE INDEX metric_key IF NOT EXISTS FOR (m:Metric) ON (m.key);
